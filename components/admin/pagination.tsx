import Link from "next/link";
import { listHref, type ListParams } from "@/lib/list-query";

/** Keyset pagination: "next" carries the cursor of the last row shown; "first" drops it. */
export function Pagination({
  path,
  params,
  next,
  isFirst,
}: {
  path: string;
  params: ListParams;
  next: string | null;
  isFirst: boolean;
}) {
  if (isFirst && !next) return null;
  return (
    <nav aria-label="Pages" className="flex gap-6 text-sm font-semibold">
      {!isFirst && <Link href={listHref(path, params, { after: undefined })}>← First page</Link>}
      {next && <Link href={listHref(path, params, { after: next })}>Next page →</Link>}
    </nav>
  );
}
