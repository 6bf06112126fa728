import Link from "next/link";

/** Keyset pagination: "next" carries the cursor of the last row shown; "first" drops it. */
export function Pagination({
  path,
  params,
  next,
  isFirst,
}: {
  path: string;
  params: Record<string, string | undefined>;
  next: string | null;
  isFirst: boolean;
}) {
  const base = Object.fromEntries(Object.entries(params).filter(([k, v]) => v && k !== "after")) as Record<
    string,
    string
  >;
  const href = (extra: Record<string, string>) => {
    const query = new URLSearchParams({ ...base, ...extra }).toString();
    return query ? `${path}?${query}` : path;
  };
  if (isFirst && !next) return null;
  return (
    <nav aria-label="Pages" className="flex gap-6 text-sm font-semibold">
      {!isFirst && <Link href={href({})}>← First page</Link>}
      {next && <Link href={href({ after: next })}>Next page →</Link>}
    </nav>
  );
}
