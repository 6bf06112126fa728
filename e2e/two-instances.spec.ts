/**
 * Two production instances on one PostgreSQL database, as a site that outgrew one server runs:
 * each keeps its own cache of whole pages, and a publication made anywhere (here by a third
 * process, as another instance's scheduler would) reaches the readers of both without a restart.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createScratchDatabase } from "../tests/scratch";
import { startServer, type Server } from "./production-server";
import { expect, test } from "./fixtures";

const serverUrl = process.env.DATABASE_URL;
const page = "/jurisdictions/kg";

test("a publication shows on both instances, whose cached pages it expires", async () => {
  test.skip(!serverUrl, "The embedded database admits one process; several instances share PostgreSQL.");
  test.setTimeout(240_000);
  const scratch = await createScratchDatabase(serverUrl!, "marginalia_instances");
  const servers: Server[] = [];
  try {
    servers.push(await startServer({ DATABASE_URL: scratch.url }, { seed: "always" }));
    servers.push(await startServer({ DATABASE_URL: scratch.url }, { seed: "never" }));
    for (const { origin } of servers) {
      await fetch(`${origin}${page}`);
      const again = await fetch(`${origin}${page}`);
      expect(again.status).toBe(200);
      expect(again.headers.get("x-nextjs-cache"), `${origin}: the page is served from its cache`).toBe("HIT");
    }

    const title = `Law published beside two instances ${randomBytes(4).toString("hex")}`;
    const published = spawnSync(
      "node",
      ["--conditions=react-server", "--import", "tsx", "e2e/two-instances/publish-law.ts", title],
      { env: { ...process.env, DATABASE_URL: scratch.url }, encoding: "utf8" },
    );
    expect(published.status, published.stderr).toBe(0);

    for (const { origin } of servers) {
      // Each instance looks for publications four times a second; a generous deadline, not a timing.
      await expect
        .poll(async () => (await (await fetch(`${origin}${page}`)).text()).includes(title), { timeout: 15_000 })
        .toBe(true);
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await scratch.drop();
  }
});
