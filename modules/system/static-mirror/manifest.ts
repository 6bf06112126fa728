import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * What the last export wrote, kept in the mirror as `.mirror-manifest.json`: for each file, the
 * address it came from, the server's ETag (sent back as If-None-Match, so an unchanged page is a
 * 304 and is not rewritten), the SHA-256 of its bytes, and the addresses it links to (so that the
 * crawl goes on past a 304 without the page's body).
 */
export const manifestName = ".mirror-manifest.json";

// Raise it when the exporter writes a page differently: the next export then fetches every page
// again (an unchanged page's ETag would otherwise keep the file the old exporter wrote).
const exporterVersion = 1;

export type FileRecord = { url?: string; etag?: string; sha256: string; links?: string[] };
export type Manifest = { version: 1; exporter: number; files: Record<string, FileRecord> };

/** The manifest in `dir`, or null when there is none (a first export). */
export function readManifest(dir: string): Manifest | null {
  const file = path.join(dir, manifestName);
  if (!fs.existsSync(file)) return null;
  let parsed: Manifest;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  } catch {
    throw new Error(`${file} is not a mirror's manifest: remove it, or export into another folder`);
  }
  if (parsed.version !== 1 || !parsed.files || typeof parsed.files !== "object")
    throw new Error(`${file} is not a manifest this version of the exporter reads: export into a new folder`);
  // Only files inside the mirror: a manifest is a file anyone could edit, and the export removes what it lists.
  const files = Object.entries(parsed.files).filter(([name]) => inside(dir, name));
  const current = parsed.exporter === exporterVersion;
  return {
    ...parsed,
    files: Object.fromEntries(files.map(([name, record]) => [name, current ? record : { ...record, etag: undefined }])),
  };
}

function inside(dir: string, name: string): boolean {
  const resolved = path.resolve(dir, name);
  return resolved.startsWith(path.resolve(dir) + path.sep) && path.basename(resolved) !== manifestName;
}

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

export type WriteCounts = { written: number; unchanged: number; removed: number };

/**
 * Writes the files of one export into `dir`, each only when its bytes differ from what is there,
 * and at the end removes the files the last export wrote that this one did not.
 */
export class MirrorWriter {
  readonly next: Manifest = { version: 1, exporter: exporterVersion, files: {} };
  readonly counts: WriteCounts = { written: 0, unchanged: 0, removed: 0 };

  constructor(
    readonly dir: string,
    readonly previous: Manifest,
  ) {}

  /** The previous record of a file that is still on disk, for a conditional request. */
  known(file: string): FileRecord | undefined {
    const record = this.previous.files[file];
    return record && fs.existsSync(path.join(this.dir, file)) ? record : undefined;
  }

  has(file: string): boolean {
    return file in this.next.files;
  }

  write(file: string, bytes: Uint8Array | string, record: Omit<FileRecord, "sha256"> = {}) {
    const hash = sha256(bytes);
    const target = path.join(this.dir, file);
    const same = this.known(file)?.sha256 === hash && sha256(fs.readFileSync(target)) === hash;
    if (same) this.counts.unchanged++;
    else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, bytes);
      this.counts.written++;
    }
    this.next.files[file] = { ...record, sha256: hash };
  }

  /** A file the server said is unchanged (304): kept as it is. */
  keep(file: string, record: FileRecord) {
    this.counts.unchanged++;
    this.next.files[file] = record;
  }

  /**
   * Saves what is known so far, the last export's files with this one's: an export stopped
   * halfway (a large archive's takes an hour) leaves a mirror the next one goes on from, asking
   * with the ETags of the files already written.
   */
  checkpoint() {
    this.save({ ...this.next, files: { ...this.previous.files, ...this.next.files } });
  }

  finish() {
    for (const file of Object.keys(this.previous.files)) {
      if (this.has(file)) continue;
      const target = path.join(this.dir, file);
      if (!fs.existsSync(target)) continue;
      fs.rmSync(target);
      this.counts.removed++;
      removeEmptyFolders(this.dir, path.dirname(target));
    }
    this.save(this.next);
  }

  /** Whole or not at all: an export stopped while saving keeps the manifest before. */
  private save(manifest: Manifest) {
    const file = path.join(this.dir, manifestName);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(manifest));
    fs.renameSync(`${file}.tmp`, file);
  }
}

function removeEmptyFolders(root: string, folder: string) {
  const top = path.resolve(root);
  for (let dir = path.resolve(folder); dir.startsWith(top + path.sep); dir = path.dirname(dir)) {
    if (fs.readdirSync(dir).length > 0) return;
    fs.rmdirSync(dir);
  }
}
