import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { s3Store } from "@/modules/files/storage/s3";
import { describeFileStore } from "./store-contract";

// An S3-compatible server of the test's own (MinIO's server is not to be had here).
describeFileStore("S3", async () => {
  const directory = await mkdtemp(path.join(tmpdir(), "marginalia-s3rver-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory,
    configureBuckets: [{ name: "marginalia-test", configs: [] }],
  });
  const { port } = await server.run();
  const store = s3Store({
    bucket: "marginalia-test",
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    prefix: "archive/",
    forcePathStyle: true,
  });
  return {
    store,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
});
