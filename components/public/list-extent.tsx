import Link from "next/link";

/**
 * Under a list that shows only the latest of its items: how many there are in all, and the index
 * that lists every one of them. An item's page stays one size however much the archive holds.
 */
export function ListExtent({
  shown,
  total,
  noun,
  href,
  label,
}: {
  shown: number;
  total: number;
  noun: string;
  href: string;
  label: string;
}) {
  return (
    <p className="mt-6 text-sm">
      {total > shown && (
        <span className="text-muted">
          The {shown} latest of {total.toLocaleString("en")} {noun}.{" "}
        </span>
      )}
      <Link href={href} className="font-semibold">
        {label} →
      </Link>
    </p>
  );
}
