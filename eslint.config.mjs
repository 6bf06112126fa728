import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import { importWalls } from "./lint/import-walls.mjs";

const walls = importWalls(import.meta.dirname);

/** Everything a reader's request runs: pages, API, feeds, the proxy, and the components they render. */
const publicSurfaces = [
  "modules/public/**",
  "app/(public)/**",
  "app/api/v1/**",
  "app/feed.xml/**",
  "app/sitemap.xml/**",
  "app/robots.txt/**",
  "app/not-found.tsx",
  "app/layout.tsx",
  "proxy.ts",
  "components/public/**",
  "components/laws/**",
  "components/articles/**",
  "components/annotations/**",
  "components/ui/**",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    // The benchmark's minimal Next.js app: a project of its own, built and checked by its own `next build`.
    "scripts/bench/minimal-next/**",
  ]),
  {
    // Pages and components reach data only through the domain modules.
    files: ["app/**", "components/**"],
    plugins: { walls },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*"],
              message: "Call a function in modules/ instead of querying here.",
            },
          ],
        },
      ],
      "walls/layers": [
        "error",
        {
          forbid: ["db", "db/**"],
          allow: ["db/schema/vocabulary"],
          message: "Call a function in modules/ instead of using the database here.",
        },
      ],
    },
  },
  {
    // Public code reads only live revisions: the live_documents and gone_addresses views, the
    // public indexes (written from live revisions only), and the vocabularies. Drafts are in
    // tables it cannot import (see docs/adr/0003-revisions.md). Types may come from anywhere.
    files: publicSurfaces,
    plugins: { walls },
    rules: {
      "walls/public-reads": [
        "error",
        {
          forbid: ["db", "db/**", "modules/**", "app/**", "components/admin/**", "scripts/**", "tests/**", "e2e/**"],
          allow: [
            "db",
            "db/schema/vocabulary",
            "modules/public/**",
            "modules/*/labels",
            // Parsers of stored snapshots: no database access.
            "modules/*/snapshot-schema",
            "modules/laws/timeline-order",
            "modules/laws/period-order",
            "modules/laws/year",
            "modules/auth/cookie",
            // Draft-mode preview: authorized inside, for signed-in users only.
            "modules/auth/session",
            "modules/workflow/preview",
            // The proxy guards the admin too: the role table, and whether an admin page's record exists.
            "modules/auth/permissions",
            "modules/system/admin-records",
            // The typefaces the root layout loads.
            "app/fonts",
            // Other public code and styles.
            ...publicSurfaces.filter((glob) => glob.startsWith("app/")).map((glob) => glob.replace(/\.tsx$/, "")),
            "**/*.css",
          ],
          names: {
            "db/schema": [
              "liveDocuments",
              "citableRevisions",
              "goneAddresses",
              "publicLaws",
              "publicSearch",
              "publicAnnotations",
              "publicArticles",
              "publicAttachments",
              "publicFilePages",
              "publicLinks",
              "publicSourceCitations",
              "publicTags",
              "publicTagCounts",
              "liveAddresses",
              "searchWords",
              "jurisdictions",
              "topics",
              // Figures are reference data like topics, public once saved, with the sources they cite.
              "figures",
              "figureAccounts",
              "figureLaws",
              "sources",
              "slugRedirects",
              "publicationClock",
            ],
          },
          allowTypes: true,
          message: "Public code reads only live revisions, through modules/public",
        },
      ],
    },
  },
  {
    // What runs in the browser never holds the database, the environment or the session code.
    files: ["app/**", "components/**"],
    plugins: { walls },
    rules: {
      "walls/client-code": [
        "error",
        {
          forbid: ["db", "db/**", "env", "modules/auth/**", "modules/system/**"],
          allow: ["db/schema/vocabulary", "modules/auth/permissions"],
          allowTypes: true,
          onlyClient: true,
          message: "A client component cannot import server code",
        },
      ],
    },
  },
  {
    // An update or delete without where changes every row. The names are drizzle's objects here
    // (db, ctx.db, database.db, and a transaction's tx), so a Map's delete() is not mistaken for one.
    files: ["**/*.{ts,tsx}"],
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);
