import { parseArgs } from "node:util";

/** What a synthetic archive holds; every count is of items, published or not. */
export type SeedOptions = {
  laws: number;
  articles: number;
  annotations: number;
  agents: number;
  /** Share of items whose newest revision is not live: half never published, half live with a newer draft. */
  draftShare: number;
  seed: number;
  /** Add to an archive that already holds content instead of refusing. */
  append: boolean;
};

export const usage = `Usage: npm run seed:synthetic -- [options]

Fills the archive's database (the PGlite folder in DATA_DIR, or PostgreSQL when DATABASE_URL is set)
with a made-up archive in bulk: laws with timelines, texts and relations, agents, topics, articles,
and annotations on law texts and articles, published the way the editors' publication writes it.

  --laws N            laws (default 1000)
  --articles N        news and commentary (default 5 per law)
  --annotations N     annotations on law texts and articles (default 4 per law)
  --agents N          people and organisations (default: 1 per 20 articles + 1 per 20 laws, at least 40)
  --draft-share F     share of items whose newest revision is unpublished, 0 to 0.9 (default 0.15):
                      half of them were never published, half are live with a newer draft
  --seed N            random seed; the same seed and counts give the same archive (default 20240601)
  --append            add to a database that already holds laws, articles, agents or annotations;
                      without it the command refuses, so that an archive is not mixed up by mistake
  --help              this text

Example: npm run seed:synthetic -- --laws 10000 --articles 50000 --annotations 200000`;

export class OptionsError extends Error {}

const whole = (name: string, value: string | undefined, min: number, max: number): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new OptionsError(
      `--${name} must be a whole number from ${min} to ${max.toLocaleString("en")}, not "${value}".`,
    );
  return n;
};

/** Reads the command line; throws OptionsError with a sentence for the user on anything it cannot read. */
export function parseSeedArgs(argv: string[]): SeedOptions | "help" {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        laws: { type: "string" },
        articles: { type: "string" },
        annotations: { type: "string" },
        agents: { type: "string" },
        "draft-share": { type: "string" },
        seed: { type: "string" },
        append: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new OptionsError((error as Error).message);
  }
  if (values.help) return "help";
  const laws = whole("laws", values.laws, 1, 1_000_000) ?? 1000;
  const articles = whole("articles", values.articles, 0, 5_000_000) ?? laws * 5;
  const annotations = whole("annotations", values.annotations, 0, 20_000_000) ?? laws * 4;
  const agents = whole("agents", values.agents, 10, 1_000_000) ?? Math.max(40, Math.round(articles / 20 + laws / 20));
  const shareText = values["draft-share"];
  const draftShare = shareText === undefined ? 0.15 : Number(shareText);
  if (shareText !== undefined && (!/^\d*\.?\d+$/.test(shareText.trim()) || draftShare > 0.9))
    throw new OptionsError(`--draft-share must be a number from 0 to 0.9, not "${shareText}".`);
  const seed = whole("seed", values.seed, 0, 2 ** 32 - 1) ?? 20_240_601;
  return { laws, articles, annotations, agents, draftShare, seed, append: values.append };
}
