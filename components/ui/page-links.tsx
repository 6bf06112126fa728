import Link from "next/link";

/** Previous and next links between the pages of a list, with where the reader is. */
export function PageLinks({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-4 border-t border-rule pt-4 text-sm">
      {page > 1 ? <Link href={href(Math.min(page - 1, pageCount))}>← Previous</Link> : <span />}
      <span className="text-muted">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Next →</Link> : <span />}
    </nav>
  );
}
