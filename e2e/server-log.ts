import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Where e2e/server.ts copies everything the server prints. */
export function serverLogPath(port = process.env.E2E_PORT ?? "3210"): string {
  return path.join(os.tmpdir(), `marginalia-e2e-${port}.log`);
}

/** What the server prints from now on: call `read()` after the requests under test. */
export function watchServerLog() {
  const file = serverLogPath();
  const start = fs.statSync(file).size;
  return {
    // Next logs a failed request's error before it sends the response's end.
    read(): string {
      const end = fs.statSync(file).size;
      const buffer = Buffer.alloc(end - start);
      const fd = fs.openSync(file, "r");
      fs.readSync(fd, buffer, 0, buffer.length, start);
      fs.closeSync(fd);
      return buffer.toString("utf8");
    },
  };
}
