import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/admin/pagination";
import { Notice } from "@/components/ui/notice";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { auditFacets, listAuditLog, type AuditLogPage } from "@/modules/audit/list";
import type { Ctx } from "@/modules/auth/context";
import { pageContext } from "../guard";
import { AuditFilters, type AuditFilterValues } from "./audit-filters";
import { AuditTable } from "./audit-table";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;

const filterKeys = ["action", "actor", "targetType", "targetId", "from", "to"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await pageContext("audit.read", "/admin/audit");
  const search = await searchParams;
  const filters: AuditFilterValues = Object.fromEntries(filterKeys.map((key) => [key, first(search[key])]));
  const after = first(search.after);
  const [result, facets] = await Promise.all([load(ctx, { ...filters, after }), auditFacets(ctx)]);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="font-serif text-3xl">Audit log</h1>
        <p className="max-w-prose text-sm text-muted">
          Every account change and sign-in, newest first; content changes join as the editorial workflow writes them.
          The log is append-only: the database refuses to change or delete its rows, and each row’s hash covers the row
          before it. To check that nothing was altered, run{" "}
          <code className="rounded bg-surface-strong px-1 text-ink">npm run audit:verify</code> on the server: it names
          the first row that was changed or removed.
        </p>
      </div>

      <AuditFilters values={filters} facets={facets} errors={"errors" in result ? result.errors : undefined} />

      {"errors" in result ? (
        <Notice tone="error" testId="audit-filter-error">
          {result.errors.after ? (
            <>
              {result.errors.after.join(" ")} <Link href={firstPageHref(filters)}>First page</Link>
            </>
          ) : (
            "Check the filters marked above."
          )}
        </Notice>
      ) : result.entries.length === 0 ? (
        <p className="rounded border border-dashed border-rule p-6 text-center text-muted">
          {filtered || after ? "No entries match these filters." : "Nothing has been logged yet."}
        </p>
      ) : (
        <>
          <AuditTable entries={result.entries} />
          <Pagination path="/admin/audit" params={{ ...filters, after }} next={result.nextAfter} isFirst={!after} />
        </>
      )}
    </div>
  );
}

// Filters from a hand-made URL can be wrong: say so at the fields instead of showing an error page.
async function load(
  ctx: Ctx,
  input: AuditFilterValues & { after?: string },
): Promise<AuditLogPage | { errors: FieldErrors }> {
  try {
    return await listAuditLog(ctx, input);
  } catch (error) {
    if (error instanceof ValidationError) return { errors: error.fieldErrors };
    throw error;
  }
}

function first(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

function firstPageHref(filters: AuditFilterValues): string {
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  return query.size ? `/admin/audit?${query}` : "/admin/audit";
}
