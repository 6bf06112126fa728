import { describe, expect, test } from "vitest";
import { parseEnv, productionSettingsProblem, siteUrl } from "@/env";

const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) };

describe("production settings", () => {
  test("without SITE_URL, production refuses with one line naming it", () => {
    const problem = productionSettingsProblem(parseEnv({ ...production, DATABASE_URL: "postgres://db/m" }));
    expect(problem).toMatch(/^SITE_URL is not set\. .*SITE_URL=https:\/\/archive\.example\.org/);
    expect(problem).not.toContain("\n");
  });

  test("without DATABASE_URL, production refuses unless the embedded database is chosen", () => {
    const withSite = { ...production, SITE_URL: "https://archive.example.org" };
    expect(productionSettingsProblem(parseEnv(withSite))).toMatch(
      /^DATABASE_URL is not set\. .*set EMBEDDED_DATABASE=1\.$/,
    );
    expect(productionSettingsProblem(parseEnv({ ...withSite, DATABASE_URL: "" }))).toMatch(/^DATABASE_URL is not set/);
    expect(productionSettingsProblem(parseEnv({ ...withSite, EMBEDDED_DATABASE: "0" }))).toMatch(/^DATABASE_URL/);
    expect(productionSettingsProblem(parseEnv({ ...withSite, EMBEDDED_DATABASE: "1" }))).toBeNull();
    expect(productionSettingsProblem(parseEnv({ ...withSite, EMBEDDED_DATABASE: "true" }))).toBeNull();
    expect(productionSettingsProblem(parseEnv({ ...withSite, DATABASE_URL: "postgres://db/m" }))).toBeNull();
  });

  test("development needs no settings at all, and its address is this machine's", () => {
    const development = parseEnv({});
    expect(productionSettingsProblem(development)).toBeNull();
    expect(siteUrl(development)).toBe("http://localhost:3000");
    expect(siteUrl(parseEnv({ PORT: "4123" }))).toBe("http://localhost:4123");
  });

  test("a misspelt opt-in is refused rather than read as off", () => {
    expect(() => parseEnv({ EMBEDDED_DATABASE: "yes" })).toThrow(/^Invalid environment: EMBEDDED_DATABASE:/);
  });
});

describe("SITE_URL", () => {
  test.each([
    ["https://archive.example.org", "https://archive.example.org"],
    ["https://archive.example.org/", "https://archive.example.org"],
    ["HTTPS://Archive.Example.org:443/", "https://archive.example.org"],
    ["http://localhost:3212", "http://localhost:3212"],
  ])("%s is the origin %s", (value, origin) => {
    expect(siteUrl(parseEnv({ ...production, SITE_URL: value }))).toBe(origin);
  });

  test.each([
    ["not an address", "archive.example.org"],
    ["another scheme", "ftp://archive.example.org"],
    ["a path", "https://example.org/archive"],
    ["a query", "https://example.org/?x=1"],
    ["credentials", "https://user:secret@example.org"],
  ])("refuses %s", (_case, value) => {
    expect(() => parseEnv({ SITE_URL: value })).toThrow(/^Invalid environment: SITE_URL:/);
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  test("is 0 unless set: no proxy is trusted", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
  });

  test.each(["-1", "1.5", "one", "11"])("refuses %s", (value) => {
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: value })).toThrow(/^Invalid environment: TRUSTED_PROXY_HOPS:/);
  });
});

describe("file store settings", () => {
  test("files are kept on disk unless an object store is chosen", () => {
    const config = parseEnv({});
    expect(config.FILE_STORE).toBe("disk");
    expect(config.S3_FORCE_PATH_STYLE).toBe(true);
    expect(config.S3_REGION).toBe("us-east-1");
  });

  test("an object store without a bucket is refused, naming the variable", () => {
    expect(() => parseEnv({ FILE_STORE: "s3" })).toThrow(/^Invalid environment: S3_BUCKET: FILE_STORE=s3 needs/);
    expect(parseEnv({ FILE_STORE: "s3", S3_BUCKET: "archive" }).S3_BUCKET).toBe("archive");
  });

  test("half a pair of credentials is refused", () => {
    const s3 = { FILE_STORE: "s3", S3_BUCKET: "archive" };
    expect(() => parseEnv({ ...s3, S3_ACCESS_KEY_ID: "key" })).toThrow(/S3_SECRET_ACCESS_KEY: .*set both or neither/);
    expect(parseEnv({ ...s3, S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret" }).S3_SECRET_ACCESS_KEY).toBe(
      "secret",
    );
  });

  test("path-style addressing can be turned off for AWS, and a typo is refused", () => {
    expect(parseEnv({ S3_FORCE_PATH_STYLE: "0" }).S3_FORCE_PATH_STYLE).toBe(false);
    expect(() => parseEnv({ S3_FORCE_PATH_STYLE: "no" })).toThrow(/S3_FORCE_PATH_STYLE/);
  });
});
