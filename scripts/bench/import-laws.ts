/**
 * `npm run bench:import -- [--laws 10000] [--publish]`: writes an import file of N made-up laws
 * (titles in two scripts, identifiers, a topic, a source, a dated timeline naming agents, a text
 * of a few kilobytes), then imports it into a new database (a temporary PGlite folder, or a scratch
 * database when DATABASE_URL names a PostgreSQL server) and prints how long each step took.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { migrate } from "@/db/migrate";
import { jurisdictions } from "@/db/schema";
import { commandLineActor } from "@/modules/auth/context";
import { importArchive } from "@/modules/system/import/run";
import { formatReport } from "@/modules/system/import/summary";
import { createScratchDatabase } from "@/tests/scratch";
import { lawDocument } from "../synthetic/markdown";
import { random } from "../synthetic/random";
import { jurisdictionTable, registries, scriptOf, sentences, title, topicTable, type Shape } from "./synthetic-archive";

const { values } = parseArgs({
  options: { laws: { type: "string", default: "10000" }, publish: { type: "boolean", default: false } },
});
const count = Number(values.laws);
const rng = random(15);
const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function importFile() {
  const codes = jurisdictionTable.slice(0, 6);
  const topics = topicTable.slice(0, 12).map(([, english]) => ({
    slug: english
      .toLowerCase()
      .replace(/[^a-z]+/g, "-")
      .replace(/^-|-$/g, ""),
    name: english.replace(/^the /, "").replace(/^./, (c) => c.toUpperCase()),
  }));
  const sources = Array.from({ length: 200 }, (_, i) => ({
    externalId: `source-${i}`,
    title: `Example official gazette No. ${i + 1}`,
    url: `https://example.org/gazette/${i + 1}`,
  }));
  const agents = codes.map(([code, name]) => ({
    externalId: `parliament-${code}`,
    kind: "legislature",
    name: `Parliament of ${name}`,
  }));
  const laws = Array.from({ length: count }, (_, n) => {
    const [code, , , , lang] = codes[n % codes.length]!;
    const start = Date.UTC(1990, 0, 1) + rng.int(0, 30 * 365) * day;
    const topic = topicTable[n % 12]!;
    const shape = rng.pick<Shape>(["amendments", "dated", "plain"]);
    const titleOf = (l: "en" | "ru") => title(scriptOf[l], "law", shape, topic, new Date(start));
    const steps = ["initiated", "reading", "adopted", "signed", "published", "in_force"].slice(0, rng.int(3, 6));
    return {
      externalId: `law-${n}`,
      jurisdiction: code,
      type: "law",
      status: steps.includes("in_force") ? "in_force" : "adopted",
      title: `${titleOf("en")} (${n})`,
      summary: `${rng.pick(sentences)} ${rng.pick(sentences)}`,
      titles: [
        { lang: "en", title: `${titleOf("en")} (${n})`, preferred: true },
        { lang: scriptOf[lang] === "ru" ? lang : "ru", title: `${titleOf("ru")} (${n})` },
      ],
      identifiers: [{ registry: registries[n % registries.length]!, value: `${code}-${n}` }],
      topics: [topics[n % topics.length]!.slug],
      sources: [`source-${n % sources.length}`],
      timeline: steps.map((kind, i) => ({
        kind,
        date: iso(start + i * 30 * day),
        agent: kind === "reading" || kind === "adopted" ? `parliament-${code}` : null,
      })),
      texts: [{ lang: "en", official: true, body: lawDocument(rng, false, rng.int(1_500, 4_000)).markdown }],
    };
  });
  return { format: "marginalia-import", version: 1, topics, sources, agents, laws };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-bench-import-"));
const serverUrl = process.env.DATABASE_URL;
const scratch = serverUrl ? await createScratchDatabase(serverUrl, "marginalia_bench_import") : null;
try {
  let mark = performance.now();
  const file = path.join(dir, "laws.json");
  fs.writeFileSync(file, JSON.stringify(importFile()));
  console.log(
    `Wrote ${count.toLocaleString("en")} laws to ${file}: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB in ${seconds(performance.now() - mark)}.`,
  );
  const database = await openDatabase(scratch ? { databaseUrl: scratch.url } : { dataDir: path.join(dir, "data") });
  await migrate(database);
  await database.db
    .insert(jurisdictions)
    .values(jurisdictionTable.slice(0, 6).map(([code, name]) => ({ code, name })))
    .onConflictDoNothing();
  console.log(`Database: ${scratch ? "PostgreSQL (scratch database)" : "PGlite (temporary folder)"}.`);
  const ctx = { db: database.db, actor: commandLineActor };
  const files = [{ name: "laws.json", text: fs.readFileSync(file, "utf8") }];
  for (const [label, options] of [
    ["dry run", { dryRun: true, publish: false }],
    ["import", { dryRun: false, publish: values.publish }],
    ["the same file again", { dryRun: false, publish: false }],
  ] as const) {
    mark = performance.now();
    const report = await importArchive(ctx, files, options);
    console.log(
      `\n${label}: ${seconds(performance.now() - mark)}, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
    );
    console.log(formatReport(report));
  }
  await database.close();
} finally {
  await scratch?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
