import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
  ]),
  {
    // Pages and components reach data only through the domain modules.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*"],
              message: "Call a function in modules/ instead of querying here.",
            },
            { group: ["@/db", "@/db/*"], message: "Call a function in modules/ instead of using the database here." },
          ],
        },
      ],
    },
  },
  {
    // Public code reads only live revisions: the live_documents and gone_addresses views, the
    // public_laws index (written from live revisions only), and the vocabularies. Drafts are in tables it cannot import (see docs/adr/0003-revisions.md).
    files: ["modules/public/**", "app/(public)/**", "app/api/v1/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/db/schema",
              allowImportNames: [
                "liveDocuments",
                "citableRevisions",
                "goneAddresses",
                "publicLaws",
                "publicSearch",
                "publicAnnotations",
                "searchWords",
                "jurisdictions",
                "topics",
                "slugRedirects",
                "publicationClock",
              ],
              message: "Public code reads only live revisions (liveDocuments, goneAddresses, publicLaws).",
            },
          ],
          patterns: [
            {
              group: ["@/db/schema/*", "!@/db/schema/vocabulary"],
              allowTypeImports: true,
              message: "Public code reads only live revisions (liveDocuments, goneAddresses).",
            },
            {
              group: [
                "@/modules/*/*",
                "!@/modules/public/*",
                "!@/modules/*/labels",
                // Parsers of stored snapshots: no database access.
                "!@/modules/*/snapshot-schema",
                "!@/modules/laws/timeline-order",
                "!@/modules/laws/year",
                // Draft-mode preview: authorized inside, for signed-in users only.
                "!@/modules/auth/session",
                "!@/modules/workflow/preview",
              ],
              allowTypeImports: true,
              message: "Public code reads through modules/public, which sees only live revisions.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);
