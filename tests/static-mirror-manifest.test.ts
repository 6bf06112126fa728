import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { manifestName, MirrorWriter, readManifest } from "@/modules/system/static-mirror/manifest";

const dirs: string[] = [];
function mirrorDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mirror-manifest-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const empty = () => ({ version: 1 as const, exporter: 0, files: {} });

describe("the mirror's manifest", () => {
  test("an export stopped after a checkpoint is gone on from: what it wrote is known, with its ETag", () => {
    const dir = mirrorDir();
    const first = new MirrorWriter(dir, empty());
    first.write("laws/index.html", "<p>laws</p>", { url: "/laws", etag: '"a"' });
    first.checkpoint();
    // Written after the checkpoint, then the export stopped: on disk, not in the manifest.
    first.write("articles/index.html", "<p>articles</p>", { url: "/articles", etag: '"b"' });

    const manifest = readManifest(dir)!;
    expect(Object.keys(manifest.files)).toEqual(["laws/index.html"]);
    const second = new MirrorWriter(dir, manifest);
    expect(second.known("laws/index.html")).toMatchObject({ url: "/laws", etag: '"a"' });
    second.keep("laws/index.html", second.known("laws/index.html")!);
    second.write("articles/index.html", "<p>articles</p>", { url: "/articles", etag: '"b"' });
    second.finish();
    expect(readManifest(dir)!.files).toMatchObject({
      "laws/index.html": { etag: '"a"' },
      "articles/index.html": { etag: '"b"' },
    });
    expect(fs.existsSync(path.join(dir, `${manifestName}.tmp`))).toBe(false);
  });

  test("a checkpoint keeps the last complete export's files not reached yet, so that the export after still removes them", () => {
    const dir = mirrorDir();
    const complete = new MirrorWriter(dir, empty());
    complete.write("laws/old/index.html", "<p>a law since withdrawn</p>", { url: "/laws/kg/old" });
    complete.write("index.html", "<p>home</p>", { url: "/" });
    complete.finish();

    const stopped = new MirrorWriter(dir, readManifest(dir)!);
    stopped.write("index.html", "<p>home, again</p>", { url: "/" });
    stopped.checkpoint();
    expect(Object.keys(readManifest(dir)!.files).sort()).toEqual(["index.html", "laws/old/index.html"]);

    const next = new MirrorWriter(dir, readManifest(dir)!);
    next.write("index.html", "<p>home, again</p>", { url: "/" });
    next.finish();
    expect(next.counts).toEqual({ written: 0, unchanged: 1, removed: 1 });
    expect(fs.existsSync(path.join(dir, "laws/old/index.html"))).toBe(false);
  });
});
