import Link from "next/link";
import type { UnpublishedLink } from "@/modules/workflow/unpublished-links";

const typeLabels: Record<UnpublishedLink["type"], string> = {
  law: "Law",
  article: "Article",
  agent: "Agent",
  annotation: "Annotation",
};

/**
 * What this item links to that is not published as it stands, each leading to its own page: the
 * reviewer publishes those too, or knowingly lets readers go without them.
 */
export function UnpublishedLinks({ links }: { links: UnpublishedLink[] }) {
  if (links.length === 0) return null;
  return (
    <div
      data-testid="unpublished-links"
      className="mt-3 rounded border-l-4 border-caution bg-caution/10 px-3 py-2 text-sm"
    >
      <p className="font-semibold">Not published yet</p>
      <ul className="mt-1 space-y-0.5">
        {links.map((link) => (
          <li key={`${link.type}-${link.id}`}>
            {typeLabels[link.type]} <Link href={`/admin/${link.type}s/${link.id}`}>&lsquo;{link.name}&rsquo;</Link> (
            {link.state.toLowerCase()}){" — "}
            {link.readersSee === "nothing"
              ? "readers will not see it"
              : "readers see its published version, not these changes"}
          </li>
        ))}
      </ul>
    </div>
  );
}
