import { expect, test } from "vitest";
import { productionNodeOptions } from "@/scripts/production-node-options";

test("servers started by tests and the benchmark get npm start's heap limit, and the caller's flags after it so that they win", () => {
  expect(productionNodeOptions({})).toBe("--max-old-space-size=384");
  expect(productionNodeOptions({ NODE_OPTIONS: "--max-old-space-size=1024 --enable-source-maps" })).toBe(
    "--max-old-space-size=384 --max-old-space-size=1024 --enable-source-maps",
  );
});
