/**
 * The two ceilings a page's numbers are divided by, served side by side with Marginalia: nginx
 * with a saved copy of the law page's HTML, and the minimal prerendered Next.js page of about its
 * size. Both are stopped at cleanup.
 */
import { onCleanup } from "./cleanup";
import { logRun, measure } from "./measure";
import { ensureMinimalBuild, startMinimalNext } from "./minimal-next";
import { load } from "./next-server";
import { startNginx } from "./nginx";
import type { Ceilings } from "./report";

export type CeilingServers = {
  nginxVersion: string;
  minimalBytes: number;
  describe: string;
  warm(seconds: number): Promise<void>;
  measure(options: { connections: number; duration: number }): Promise<Ceilings>;
};

export async function startCeilings(lawHtml: string): Promise<CeilingServers> {
  const nginx = await startNginx(lawHtml);
  onCleanup("stop nginx", () => nginx.stop());
  const built = ensureMinimalBuild(Buffer.byteLength(lawHtml));
  const minimal = await startMinimalNext();
  onCleanup("stop the minimal Next.js server", () => minimal.stop());
  const minimalBytes = Buffer.byteLength(await (await fetch(minimal.base)).text());
  const nginxUrl = `${nginx.base}${nginx.path}`;
  const minimalUrl = `${minimal.base}/`;
  const isLawPage = (body: string) => body.length === lawHtml.length;
  const isMinimalPage = (body: string) => body.includes('data-testid="minimal-page"');
  return {
    nginxVersion: nginx.version,
    minimalBytes,
    describe: `nginx ${nginx.version} (pid ${nginx.pid}) at ${nginx.base}; minimal Next.js page (pid ${minimal.pid}, ${(minimalBytes / 1024).toFixed(0)} KB${built.built ? ", built now" : ""}) at ${minimal.base}`,
    async warm(seconds) {
      for (const [url, verifyBody] of [
        [nginxUrl, isLawPage],
        [minimalUrl, isMinimalPage],
      ] as const) {
        await fetch(url).then((r) => r.arrayBuffer());
        if (seconds) await load(url, { connections: 8, duration: seconds, verifyBody });
      }
    },
    async measure(options) {
      const nginxRun = await measure(nginxUrl, { ...options, verifyBody: isLawPage, serverPid: nginx.pid });
      logRun("nginx", nginxRun);
      const minimalRun = await measure(minimalUrl, { ...options, verifyBody: isMinimalPage, serverPid: minimal.pid });
      logRun("minimal Next.js", minimalRun);
      return { nginx: nginxRun, minimal: minimalRun };
    },
  };
}
