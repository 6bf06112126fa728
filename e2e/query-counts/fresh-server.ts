/**
 * Production servers of the build in .next, each started fresh on its own copy of one seeded
 * database, with the query log on (lib/query-log.ts). A fresh process has nothing cached, whatever
 * the caching is made of (Next's "use cache", the proxy's memos, a cache kept in the database,
 * which a copy made before any page was served does not hold either), so its first request is a
 * cold render.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

import { startServer, type Server } from "../production-server";

type Place = { env: Record<string, string>; remove(): Promise<void> };

/** The demo archive seeded once; `fresh` starts a server on a copy of it. */
export type Archive = {
  fresh(): Promise<Server>;
  remove(): Promise<void>;
};

/**
 * Seeds the demo into a new database (PostgreSQL at DATABASE_URL, else the embedded one) through a
 * first server, which `explore` may ask for what the demo holds before it stops.
 */
export async function seededArchive(log: string, explore: (origin: string) => Promise<void>): Promise<Archive> {
  const serverUrl = process.env.DATABASE_URL;
  const template = serverUrl ? await newPostgres(serverUrl) : newEmbedded();
  try {
    const seeding = await startServer(template.env, { seed: "always", queryLog: log });
    try {
      await explore(seeding.origin);
    } finally {
      await seeding.stop();
    }
  } catch (error) {
    await template.remove();
    throw error;
  }
  return {
    async fresh() {
      const copy = serverUrl ? await copyPostgres(serverUrl, template) : copyEmbedded(template);
      const server = await startServer(copy.env, { seed: "never", queryLog: log }).catch(async (error: unknown) => {
        await copy.remove();
        throw error;
      });
      return { origin: server.origin, stop: () => server.stop().finally(() => copy.remove()) };
    },
    remove: () => template.remove(),
  };
}

function newEmbedded(): Place {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-queries-"));
  return {
    env: { DATA_DIR: dir, EMBEDDED_DATABASE: "1" },
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function copyEmbedded(template: Place): Place {
  const copy = newEmbedded();
  fs.cpSync(template.env.DATA_DIR!, copy.env.DATA_DIR!, { recursive: true });
  return copy;
}

async function newPostgres(serverUrl: string, template?: Place): Promise<Place> {
  const name = `marginalia_queries_${randomBytes(6).toString("hex")}`;
  const from = template ? ` template ${new URL(template.env.DATABASE_URL!).pathname.slice(1)}` : "";
  await adminQuery(serverUrl, `create database ${name}${from}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    remove: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

const copyPostgres = (serverUrl: string, template: Place) => newPostgres(serverUrl, template);

async function adminQuery(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
