import "server-only";
import path from "node:path";
import { env, type Env } from "@/env";
import { diskStore } from "./disk";
import { s3Store } from "./s3";
import type { FileStore } from "./store";

export type { ByteRange, FileStore } from "./store";
export { assertSha256, isSha256 } from "./store";

let configured: FileStore | undefined;

/** The store the settings name: a folder under DATA_DIR unless FILE_STORE=s3. */
export function fileStore(): FileStore {
  configured ??= storeFor(env());
  return configured;
}

/** Where uploads and captures are written while they arrive, before the store takes them. */
export function incomingFolder(config: Env = env()): string {
  return path.resolve(config.DATA_DIR, "files", "incoming");
}

export function storeFor(config: Env): FileStore {
  if (config.FILE_STORE === "disk") return diskStore(path.resolve(config.DATA_DIR, "files"));
  if (!config.S3_BUCKET) throw new Error("FILE_STORE=s3 needs S3_BUCKET.");
  return s3Store({
    bucket: config.S3_BUCKET,
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    prefix: config.S3_PREFIX,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}
