/**
 * A gazette-sized document end to end, against a production build (`npm run bench:documents`;
 * a measurement, never a test): a 300-page PDF with a text layer is uploaded through the upload
 * route, its text read in the background, attached, published, and found by a phrase on its last
 * page. Reports the upload's time and rate, the extraction's, how long readers waited meanwhile
 * (a cheap public request every 50 ms: the event loop's delay as a reader feels it), the server's
 * memory, and publish → searchable.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrate } from "@/db/migrate";
import { writePdf } from "@/lib/files/minimal-pdf";
import { seed } from "@/modules/system/seed";
import { cleanup, cleanupOnSignals, onCleanup } from "./cleanup";
import { machineLine } from "./machine";
import { ensureBuild, signIn, sleep, sourcesNewerThanBuild, startServer } from "./next-server";
import { setUpPublisher } from "./publisher";
import { sampleRss } from "./rss";
import { actionId, formField, postForm, type Session } from "./server-actions";

const pageCount = 300;
const phrase = "Naryn commission of archivists, sitting in 1991";

function gazette(): Uint8Array {
  const lines = (page: number) =>
    Array.from({ length: 50 }, (_, line) =>
      page === pageCount && line === 25
        ? phrase
        : `Article ${page}.${line + 1}. The commission reviews the case files of the persons named in the annex.`,
    );
  return writePdf(
    Array.from({ length: pageCount }, (_, index) => ({ lines: lines(index + 1) })),
    { title: "Official gazette, bench" },
  );
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** GETs a cached public address every `everyMs` until stopped; answers each request's time. */
function readerProbe(base: string, everyMs = 50) {
  const times: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      await (await fetch(`${base}/api/v1/jurisdictions`)).arrayBuffer();
      times.push(performance.now() - started);
      await sleep(everyMs);
    }
  })();
  return async () => {
    running = false;
    await done;
    return times;
  };
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  everyMs: number,
  timeoutMs = 120_000,
): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(everyMs);
  }
  return performance.now() - started;
}

async function main() {
  cleanupOnSignals();
  ensureBuild();
  const stale = sourcesNewerThanBuild();
  if (stale.length) console.warn(`Warning: ${stale.length} source files changed after the build (${stale[0]}…).`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-bench-documents-"));
  onCleanup("remove the data folder", async () => fs.rmSync(dir, { recursive: true, force: true }));
  const database = await openDatabase({ dataDir: dir });
  await migrate(database);
  await seed(database.db, { adminEmail: "admin@marginalia.local" });
  const setup = await setUpPublisher(database);
  await database.close();

  const pdf = gazette();
  const megabytes = pdf.length / 1024 / 1024;
  const server = await startServer({ dataDir: dir });
  onCleanup("stop the server", server.stop);
  const rss = sampleRss(server.pid, 100);
  const editor: Session = {
    base: server.base,
    cookie: await signIn(server.base, setup.editor.email, setup.editor.password),
  };
  const reviewer: Session = {
    base: server.base,
    cookie: await signIn(server.base, setup.reviewer.email, setup.reviewer.password),
  };
  const page = `/admin/laws/${setup.lawId}`;
  const before = machineLine();

  const probe = readerProbe(server.base);
  await sleep(1_000);
  const uploadStarted = performance.now();
  const upload = await fetch(`${server.base}/admin/attachments/upload`, {
    method: "POST",
    headers: { cookie: editor.cookie, "content-type": "application/pdf", "x-file-name": "gazette-300-pages.pdf" },
    body: new Uint8Array(pdf),
  });
  const uploaded = (await upload.json()) as { file?: { sha256: string }; error?: string };
  const uploadMs = performance.now() - uploadStarted;
  if (!upload.ok || !uploaded.file) throw new Error(`The upload answered ${upload.status}: ${uploaded.error}`);

  const attach = actionId("app/admin/attachments/actions.ts#attachFilesAction");
  const attached = await postForm(editor, attach, page, {
    ownerType: "law",
    ownerId: String(setup.lawId),
    baseRevision: await formField(editor, page, "baseRevision"),
    "files.0.sha256": uploaded.file.sha256,
    "files.0.name": "Gazette, 300 pages.pdf",
    "files.0.role": "official_publication",
    "files.0.capturedOn": "",
  });
  if (!attached.ok) throw new Error(`Attaching failed: ${attached.message}`);
  // The Documents section says so once the background reader has finished.
  const extractionMs =
    (await waitFor(
      "text extraction",
      async () => {
        const html = await (await fetch(`${server.base}${page}`, { headers: { cookie: editor.cookie } })).text();
        return html.includes("text searchable");
        // Not more often: the admin page is heavier than what it waits for.
      },
      250,
    )) +
    (performance.now() - uploadStarted - uploadMs);
  const waits = await probe();

  const move = actionId("app/admin/workflow/actions.ts#moveItemAction");
  const moveAs = async (session: Session, action: string) => {
    const result = await postForm(session, move, page, {
      type: "law",
      id: String(setup.lawId),
      action,
      baseRevision: await formField(session, page, "baseRevision"),
    });
    if (!result.ok) throw new Error(`${action} failed: ${result.message}`);
  };
  await moveAs(editor, "submit");
  await moveAs(reviewer, "approve");
  const publishStarted = performance.now();
  await moveAs(reviewer, "publish");
  const publishAnswered = performance.now();
  const searchable = await waitFor(
    "publish → searchable",
    async () => {
      const html = await (await fetch(`${server.base}/search?q=${encodeURIComponent(phrase)}`)).text();
      return html.includes(setup.lawPath) && html.includes(`#page=${pageCount}`);
    },
    25,
  );
  const memory = rss.stop();
  const after = machineLine();

  const report = [
    `# Documents: a ${pageCount}-page PDF end to end`,
    "",
    `${new Date().toISOString()}, production build, PGlite, server started by the benchmark.`,
    `Machine at the start: ${before}`,
    `Machine at the end: ${after}`,
    "",
    "| step | time |",
    "| --- | ---: |",
    `| upload through the route (${megabytes.toFixed(2)} MB: received, hashed, type and JavaScript checks, page count, stored) | ${uploadMs.toFixed(0)} ms (${(megabytes / (uploadMs / 1000)).toFixed(1)} MB/s) |`,
    `| text extraction, from the upload's answer to "text searchable" (${pageCount} pages) | ${extractionMs.toFixed(0)} ms (${(extractionMs / pageCount).toFixed(1)} ms a page) |`,
    `| a reader's request meanwhile (${waits.length} requests, p50 / p99 / worst) | ${percentile(waits, 50).toFixed(0)} / ${percentile(waits, 99).toFixed(0)} / ${Math.max(...waits).toFixed(0)} ms |`,
    `| publish action's answer | ${(publishAnswered - publishStarted).toFixed(0)} ms |`,
    `| publish → the phrase on page 300 finds the law, "page 300" | ${(publishAnswered - publishStarted + searchable).toFixed(0)} ms |`,
    `| server RSS, highest (sampled every 100 ms) | ${memory.maxMb.toFixed(0)} MB |`,
  ].join("\n");
  console.log(report);
  const out = process.argv.indexOf("--out");
  if (out > 0 && process.argv[out + 1]) fs.writeFileSync(process.argv[out + 1]!, `${report}\n`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanup);
