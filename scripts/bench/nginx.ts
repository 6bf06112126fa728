/**
 * The ceiling: nginx serving a saved copy of a page's HTML. Installed with apt-get on Debian when
 * missing; run by us (no systemd here) from a generated config in a temporary folder, in the
 * foreground, and stopped by the caller.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, sleep } from "./next-server";

export type StaticServer = { base: string; path: string; pid: number; version: string; stop(): Promise<void> };

const binary = "/usr/sbin/nginx";

/** nginx's path, installing the Debian package when it is missing. */
export function ensureNginx(): string {
  if (fs.existsSync(binary)) return binary;
  console.log("[bench] nginx is missing: installing it with apt-get…");
  for (const command of [
    ["apt-get", "update", "-qq"],
    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "nginx"],
  ]) {
    const run = spawnSync(command[0]!, command.slice(1), {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (run.status !== 0) throw new Error(`${command.join(" ")} failed (exit ${run.status}); install nginx yourself`);
  }
  if (!fs.existsSync(binary)) throw new Error(`apt-get installed nginx, but ${binary} is not there`);
  return binary;
}

/** Serves `html` at `/page.html` with the headers a cached page would carry, until stop(). */
export async function startNginx(html: string): Promise<StaticServer> {
  const nginx = ensureNginx();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "marginalia-bench-nginx-"));
  // Workers run as an unprivileged user when nginx starts as root: they must reach the page.
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, "www"));
  fs.writeFileSync(path.join(dir, "www", "page.html"), html);
  const port = await freePort();
  // One worker per core, as a production nginx would; logs off so that disk writes do not count.
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp;
  proxy_temp_path ${dir}/tmp;
  fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp;
  scgi_temp_path ${dir}/tmp;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    default_type "text/html; charset=utf-8";
  }
}
`,
  );
  fs.mkdirSync(path.join(dir, "tmp"));
  const child = spawn(nginx, ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (!exited) {
      // QUIT lets workers finish; TERM stops at once. We want it gone.
      child.kill("SIGTERM");
      await Promise.race([exit, sleep(5_000).then(() => child.kill("SIGKILL"))]);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  const version = spawnSync(nginx, ["-v"], { encoding: "utf8" })
    .stderr.trim()
    .replace(/^nginx version: /, "");
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(`${base}/page.html`);
      await response.arrayBuffer();
      if (response.ok) return { base, path: "/page.html", pid: child.pid!, version, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`nginx did not answer on port ${port}: ${stderr}`);
}
