import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, test } from "vitest";

/*
 * The import walls of eslint.config.mjs, run through ESLint on small snippets placed (in memory)
 * where the code they guard lives.
 */
const root = path.resolve(import.meta.dirname, "..");
const wallRules = [
  "walls/layers",
  "walls/public-reads",
  "walls/client-code",
  "no-restricted-imports",
  "drizzle/enforce-delete-with-where",
  "drizzle/enforce-update-with-where",
];
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function wallsHit(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId && wallRules.includes(m.ruleId)).map((m) => m.ruleId!);
}

/** The import path from `file` to a repository path, as a relative import would spell it. */
function relative(file: string, target: string): string {
  const spelled = path.relative(path.dirname(file), target).split(path.sep).join("/");
  return spelled.startsWith(".") ? spelled : `./${spelled}`;
}

const publicSurfaces = [
  "modules/public/example.ts",
  "app/(public)/laws/[jurisdiction]/example.tsx",
  "app/api/v1/example/route.ts",
  "app/feed.xml/route.ts",
  "app/sitemap.xml/route.ts",
  "app/robots.txt/route.ts",
  "app/not-found.tsx",
  "app/layout.tsx",
  "proxy.ts",
  "components/public/example.tsx",
  "components/laws/example.tsx",
  "components/articles/example.tsx",
  "components/annotations/example.tsx",
  "components/ui/example.tsx",
];

describe.each(publicSurfaces)("public code in %s", (file) => {
  /** The walls an import of `names` from `target` hits (`@/…`, or relative when it starts with a dot). */
  const importing = (target: string, names: string[]) => {
    const from = target.startsWith("@/") ? target : relative(file, target);
    return wallsHit(file, `import { ${names.join(", ")} } from "${from}";\nexport const x = [${names.join(", ")}];\n`);
  };
  const refused = expect.arrayContaining(["walls/public-reads"]);

  test("cannot import a table of drafts, by alias or by a relative path", async () => {
    expect(await importing("@/db/schema", ["laws"])).toEqual(refused);
    expect(await importing("db/schema", ["revisions"])).toEqual(refused);
    expect(await importing("db/schema/laws", ["laws"])).toEqual(refused);
  });

  test("cannot import an editorial module, by alias or by a relative path", async () => {
    expect(await importing("@/modules/laws/read", ["getLaw"])).toEqual(refused);
    expect(await importing("modules/laws/read", ["getLaw"])).toEqual(refused);
    expect(await wallsHit(file, `export * from "${relative(file, "modules/workflow/history")}";\n`)).toEqual(refused);
    expect(await wallsHit(file, `export const x = () => import("@/modules/articles/read");\n`)).toEqual(refused);
  });

  test("may read live revisions, vocabularies, labels, snapshot parsers and types", async () => {
    const allowed = [
      `import { lawStatuses } from "${relative(file, "db/schema/vocabulary")}";`,
      `import { publishedLaw } from "${relative(file, "modules/public/law")}";`,
      `import { lawStatusLabels } from "@/modules/laws/labels";`,
      `import { parseLawSnapshot } from "@/modules/laws/snapshot-schema";`,
      `import type { LawDetail } from "@/modules/laws/read";`,
      `import { formatPartialDate } from "@/lib/partial-date";`,
      // Pages and components reach even the live views through modules/public.
      ...(/^(app|components)\//.test(file)
        ? []
        : [
            `import { liveDocuments, goneAddresses } from "@/db/schema";`,
            `import { type revisions } from "@/db/schema";`,
          ]),
    ];
    expect(await wallsHit(file, `${allowed.join("\n")}\n`)).toEqual([]);
  });
});

test("a relative import that climbs out of public pages into the admin is refused", async () => {
  expect(
    await wallsHit("app/(public)/page.tsx", `import Page from "./../admin/page";\nexport default Page;\n`),
  ).toEqual(["walls/public-reads"]);
  expect(await wallsHit("app/(public)/page.tsx", `import { x } from "./laws/helpers";\nexport const y = x;\n`)).toEqual(
    [],
  );
});

test("admin pages reach the database only through modules, however the import is spelled", async () => {
  const file = "app/admin/laws/example.tsx";
  expect(await wallsHit(file, `import { getDatabase } from "@/db";\nexport const x = getDatabase;\n`)).toEqual([
    "walls/layers",
  ]);
  expect(await wallsHit(file, `import { getDatabase } from "../../../db";\nexport const x = getDatabase;\n`)).toEqual([
    "walls/layers",
  ]);
  expect(await wallsHit(file, `import { getLaw } from "@/modules/laws/read";\nexport const x = getLaw;\n`)).toEqual([]);
});

test("a client component cannot import the environment, the database or the session code", async () => {
  const file = "components/admin/example.tsx";
  for (const target of ["@/env", "@/db/client", "@/modules/auth/secret", "../../modules/auth/session"]) {
    expect(await wallsHit(file, `"use client";\nimport { x } from "${target}";\nexport const y = x;\n`)).toContain(
      "walls/client-code",
    );
    expect(
      await wallsHit(file, `"use client";\nimport type { x } from "${target}";\nexport type Y = x;\n`),
    ).not.toContain("walls/client-code");
  }
  expect(await wallsHit(file, `import { x } from "@/modules/auth/session";\nexport const y = x;\n`)).toEqual([]);
});

test("no update or delete without where, on the database or in a transaction", async () => {
  const file = "modules/laws/example.ts";
  const code = (body: string) =>
    `import { eq } from "drizzle-orm";\nimport type { Db, Tx } from "@/db";\nimport { laws } from "@/db/schema";\nexport async function f(ctx: { db: Db }, tx: Tx, seen: Map<number, string>) {\n${body}\n}\n`;
  expect(await wallsHit(file, code("  await tx.delete(laws);"))).toEqual(["drizzle/enforce-delete-with-where"]);
  expect(await wallsHit(file, code(`  await ctx.db.update(laws).set({ title: "x" });`))).toEqual([
    "drizzle/enforce-update-with-where",
  ]);
  const scoped = [
    "  await tx.delete(laws).where(eq(laws.id, 1));",
    `  await ctx.db.update(laws).set({ title: "x" }).where(eq(laws.id, 1));`,
    "  seen.delete(1);",
  ];
  expect(await wallsHit(file, code(scoped.join("\n")))).toEqual([]);
});
