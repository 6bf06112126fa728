import "server-only";
import path from "node:path";
import { z } from "zod";

// "1"/"true" or "0"/"false": a typo is refused rather than read as off.
const flag = z
  .enum(["1", "true", "0", "false", ""])
  .optional()
  .transform((value) => value === "1" || value === "true");

// The same, for a setting that is on unless turned off.
const flagOn = z
  .enum(["1", "true", "0", "false", ""])
  .optional()
  .transform((value) => value !== "0" && value !== "false");

const optionalText = z
  .string()
  .optional()
  .transform((value) => value || undefined);

// An origin only (no path, query or fragment): pages append their paths to it.
const origin = z
  .string()
  .url()
  .transform((value) => new URL(value))
  .refine(
    (url) => url.protocol === "http:" || url.protocol === "https:",
    "SITE_URL must start with http:// or https://",
  )
  .refine(
    (url) => url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password,
    "SITE_URL must be an origin such as https://archive.example.org, without a path",
  )
  .transform((url) => url.origin);

/** The one place that reads process.env. Every variable here is documented in README.md. */
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().positive().default(3000),
    DATABASE_URL: z
      .string()
      .url()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    // Production runs on the embedded database only when this says so (see productionSettingsProblem).
    EMBEDDED_DATABASE: flag,
    DATA_DIR: z.string().min(1).default(".data"),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    SITE_URL: origin.optional().or(z.literal("").transform(() => undefined)),
    // Reverse proxies in front of the server that append the address they saw to X-Forwarded-For.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    SEED_DEMO: z.enum(["auto", "always", "never"]).default("auto"),
    ADMIN_EMAIL: z.string().email().default("admin@marginalia.local"),
    // For unattended setups (the e2e suite): the first admin's password instead of a generated one.
    SEED_ADMIN_PASSWORD: z.string().min(12).optional(),
    // Where attached files' bytes are kept: a folder in DATA_DIR, or an S3-compatible object store.
    FILE_STORE: z.enum(["disk", "s3"]).default("disk"),
    S3_BUCKET: optionalText,
    // Any S3-compatible server (https://s3.example.org); AWS itself when unset.
    S3_ENDPOINT: z
      .string()
      .url()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    S3_REGION: z.string().min(1).default("us-east-1"),
    // Both or neither: without them the AWS SDK looks in its usual places (AWS_* variables, instance roles).
    S3_ACCESS_KEY_ID: optionalText,
    S3_SECRET_ACCESS_KEY: optionalText,
    // Keys start with this (for a bucket shared with other data), for example "marginalia/".
    S3_PREFIX: z.string().default(""),
    // Most S3-compatible servers address buckets in the path; AWS also by host name.
    S3_FORCE_PATH_STYLE: flagOn,
    // Source capture may fetch addresses on loopback and private networks (an intranet's
    // gazette, the tests' local servers); off, it refuses them as a public server must.
    CAPTURE_PRIVATE_NETWORK: flag,
    // Tests only (e2e/query-counts.spec.ts): a file that receives every database query, by request.
    MARGINALIA_QUERY_LOG: optionalText,
  })
  .refine((config) => config.FILE_STORE !== "s3" || config.S3_BUCKET, {
    path: ["S3_BUCKET"],
    message: "FILE_STORE=s3 needs the bucket's name in S3_BUCKET",
  })
  .refine((config) => !config.S3_ACCESS_KEY_ID === !config.S3_SECRET_ACCESS_KEY, {
    path: ["S3_SECRET_ACCESS_KEY"],
    message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither",
  });

export type Env = z.infer<typeof schema>;

/** Reads an environment; exported for tests, the app calls env(). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${first?.path.join(".")}: ${first?.message}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}

/**
 * What production must be told rather than guess, as one line for the operator, or null. The
 * site's address would otherwise come from whatever Host a request claims, and a forgotten
 * DATABASE_URL would silently start an empty embedded archive with a demo admin.
 */
export function productionSettingsProblem(config: Env): string | null {
  if (config.NODE_ENV !== "production") return null;
  if (!config.SITE_URL) {
    return "SITE_URL is not set. Production needs the public address of the site (for example SITE_URL=https://archive.example.org): feeds, the sitemap, citations and links carry it.";
  }
  if (!config.DATABASE_URL && !config.EMBEDDED_DATABASE) {
    return "DATABASE_URL is not set. Production needs a PostgreSQL server (DATABASE_URL=postgres://…); to run on the embedded database in DATA_DIR instead, set EMBEDDED_DATABASE=1.";
  }
  return null;
}

/** The site's public origin, without a trailing slash. Development defaults to this machine. */
export function siteUrl(config: Env = env()): string {
  if (config.SITE_URL) return config.SITE_URL;
  if (config.NODE_ENV === "production") throw new Error("SITE_URL is not set.");
  return `http://localhost:${config.PORT}`;
}
