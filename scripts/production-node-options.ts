import fs from "node:fs";
import path from "node:path";

/**
 * The Node flags `npm start` gives the production server (package.json): servers that tests and
 * the benchmark start themselves run with them too, so that they test and measure what production
 * runs. The server's own flags come first, so that NODE_OPTIONS of the caller can override them.
 */
export function productionNodeOptions(env: Record<string, string | undefined> = process.env): string {
  const packageJson = JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const own = packageJson.scripts.start.match(/--[a-z-]+=\d+/g) ?? [];
  return [...own, env.NODE_OPTIONS ?? ""].join(" ").trim();
}
