import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, env } from "@/env";

/**
 * AUTH_SECRET signs session cookies. In production it must be set (start-up refuses otherwise);
 * in development one is generated once into the data folder so that the quick start needs no setup.
 */
export function authSecret(): string {
  const { AUTH_SECRET, NODE_ENV } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === "production") throw new Error(missingSecretMessage);
  const file = path.join(dataDir(), "dev-auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

export const missingSecretMessage =
  "AUTH_SECRET is not set. Production needs a secret for session cookies: set AUTH_SECRET to the output of `openssl rand -base64 32`.";
