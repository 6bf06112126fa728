import Link from "next/link";
import { provisionAt, provisionsOf } from "@/lib/anchoring/provisions";
import type { PublicAnnotation, PublicLink } from "@/modules/public/annotations";

/** The article a link leads to (`page`), and where in it: the article itself, or a passage of it. */
function articleOf(link: PublicLink): { page: string; href: string; title: string } | null {
  if (link.type === "article") return { page: link.href, href: link.href, title: link.title };
  if (link.passage?.on === "article")
    return { page: link.passage.page, href: link.href, title: link.passage.pageTitle };
  return null;
}

/**
 * "Commentary on its provisions": for each heading of the text (Article 5), the cross-references
 * on its passages that point to articles or to passages of articles, so a reader sees at once
 * which provisions the commentary discusses, and goes to the passage or the article.
 */
export function ProvisionCommentary({ markdown, annotations }: { markdown: string; annotations: PublicAnnotation[] }) {
  const commentary = annotations.filter(
    (a) => a.kind === "cross_reference" && a.links.some((l) => articleOf(l) !== null),
  );
  if (commentary.length === 0) return null;
  const provisions = provisionsOf(markdown);
  const groups = new Map<string, { title: string; notes: PublicAnnotation[] }>();
  for (const a of commentary) {
    const provision = provisionAt(provisions, a.start);
    const key = provision ? `${provision.start}` : "text";
    const group = groups.get(key) ?? { title: provision?.title ?? "The text", notes: [] };
    group.notes.push(a);
    groups.set(key, group);
  }
  return (
    <section aria-labelledby="provision-commentary" className="mb-6 rounded border border-rule bg-surface p-4 text-sm">
      <h3 id="provision-commentary" className="mb-2 font-semibold">
        Commentary on its provisions
      </h3>
      <ul className="space-y-2">
        {[...groups.values()].map((group) => {
          const articles = group.notes.flatMap((n) => n.links.flatMap((l) => articleOf(l) ?? []));
          // One article discussed in several notes counts once; its first link (a passage, if any) stands for it.
          const unique = articles.filter((l, i) => articles.findIndex((o) => o.page === l.page) === i);
          return (
            <li key={group.title}>
              <a href={`#annotation-${group.notes[0]!.id}`} className="font-semibold">
                {group.title}
              </a>
              {": "}
              {unique.length === 1 ? "1 commentary" : `${unique.length} commentaries`}
              {" — "}
              {unique.map((l, i) => (
                <span key={l.href}>
                  {i > 0 && "; "}
                  <Link href={l.href}>{l.title}</Link>
                </span>
              ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
