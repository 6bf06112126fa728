import path from "node:path";
import { parseArgs } from "node:util";
import { describeError } from "@/lib/describe-error";
import { exportStatic } from "@/modules/system/static-mirror/export";
import {
  ServerStartError,
  startProductionServer,
  type StartedServer,
} from "@/modules/system/static-mirror/next-server";
import { productionNodeOptions } from "./production-node-options";

const usage =
  "Usage: npm run export:static -- DIR [--url http://host:port]   (without --url, the production build is started on a free port)";

let values: { url?: string; help?: boolean };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    options: { url: { type: "string" }, help: { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
if (values.help || positionals.length !== 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
let base: URL | undefined;
if (values.url) {
  try {
    base = new URL(values.url);
  } catch {
    console.error(`Not an address: ${values.url}\n${usage}`);
    process.exit(2);
  }
}
const dir = path.resolve(positionals[0]!);

let server: StartedServer | undefined;
try {
  const started = performance.now();
  if (!base) {
    server = await startProductionServer(process.cwd(), productionNodeOptions());
    base = server.url;
  }
  const crawled = performance.now();
  const summary = await exportStatic(base, dir, (files) => console.log(`… ${files} files so far`));
  const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
  const megabytes = (summary.bytes / 1_000_000).toFixed(1);
  console.log(
    `Exported ${base.origin} (${summary.siteOrigin}) to ${dir}: ${summary.written} written, ${summary.unchanged} unchanged, ${summary.removed} removed; ` +
      `${summary.files} files (${summary.pages} pages), ${megabytes} MB, in ${seconds(crawled)} s` +
      (server ? ` (${seconds(started)} s with the server's start).` : "."),
  );
  if (summary.missing.length > 0)
    console.warn(
      `Warning: ${summary.missing.length} addresses linked from public pages did not answer, so their links are broken in the mirror:\n  ${summary.missing.join("\n  ")}`,
    );
} catch (error) {
  console.error(`Error: ${error instanceof ServerStartError ? error.message : describeError(error)}`);
  process.exitCode = 1;
} finally {
  await server?.stop();
}
