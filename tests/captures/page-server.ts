import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { strToU8, zipSync } from "fflate";

/** What the tests' page server answers, by path. */
export const gazettePage = `<!doctype html><html><head><meta charset="utf-8"><title>Decree No. 5 of the Gazette</title>
<script>document.title = "changed"</script><style>body{color:red}</style></head>
<body><h1>Decree No. 5</h1><p onclick="alert(1)">On the rehabilitation of the victims, adopted on 1 March 2024.</p>
<img src="/seal.png" alt="The seal of the Presidium"><p><a href="/gazette/index">The gazette's index</a>
<a href="javascript:alert(1)">Run</a></p><style>p{color:blue}</style><iframe src="https://elsewhere.example/"></iframe></body></html>`;

/**
 * A local server standing in for a government portal: a page behind a redirect, a gzipped page,
 * a ZIP archive, a 404, a page that never answers, one that stops halfway and one that never ends. Answers its origin
 * and a function that stops it.
 */
export async function startPageServer(): Promise<{ origin: string; stop: () => Promise<void> }> {
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    switch (url.pathname) {
      case "/gazette":
        response.writeHead(302, { location: "/gazette/2024/decree-5" }).end();
        return;
      case "/gazette/2024/decree-5":
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(gazettePage);
        return;
      case "/gzipped":
        response
          .writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" })
          .end(zlib.gzipSync(gazettePage));
        return;
      case "/archive.zip":
        response.writeHead(200, { "content-type": "application/zip" }).end(zipSync({ "decree.txt": strToU8("No. 5") }));
        return;
      case "/gone":
        response
          .writeHead(404, { "content-type": "text/html" })
          .end("<!doctype html><html><body><p>Page not found</p></body></html>");
        return;
      case "/loop":
        response.writeHead(302, { location: "/loop" }).end();
        return;
      case "/slow":
        hanging.add(response);
        return;
      case "/stalls":
        response.writeHead(200, { "content-type": "text/html" }).write("<!doctype html><html><body><p>Decree");
        hanging.add(response);
        return;
      case "/endless": {
        response.writeHead(200, { "content-type": "text/plain" });
        const chunk = Buffer.alloc(1024 * 1024, "a");
        const more = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once("drain", more);
        };
        more();
        return;
      }
      default:
        response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
