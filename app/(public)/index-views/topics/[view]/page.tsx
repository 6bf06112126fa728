import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { publishedTopics } from "@/modules/public/topic";
import { indexView, unnamedView } from "@/modules/public/index-page-view";
import { pageAlternates } from "@/modules/public/syndication";

// /topics, stored whole: proxy.ts rewrites it here whatever its query string
// (modules/public/index-page-view.ts). The build renders only the placeholder.
export const ensureStatic = "navigation";
export function generateStaticParams() {
  return [{ view: unnamedView }];
}

export const metadata: Metadata = {
  title: "Topics",
  description: "The subjects of the laws and articles in the archive, with how many of each.",
  alternates: pageAlternates("/topics"),
};

export default async function TopicsPage({ params }: { params: Promise<{ view: string }> }) {
  if (!indexView("topics", (await params).view)) notFound();
  return (
    <div className="space-y-8">
      <header className="max-w-2xl">
        <h1 className="font-serif text-4xl leading-tight">Topics</h1>
        <p className="mt-2 text-muted">
          The subjects the editors file laws and articles under. Each page sets its laws in the order of their history
          beside what was written about them.
        </p>
      </header>
      <TopicList />
    </div>
  );
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n.toLocaleString("en")} ${many}`);

async function TopicList() {
  const list = await publishedTopics();
  if (list.length === 0) return <p>Nothing filed under a topic has been published yet.</p>;
  return (
    <ul className="max-w-3xl divide-y divide-rule border-y border-rule">
      {list.map((t) => (
        <li key={t.path} className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 py-4">
          <h2 className="font-serif text-xl">
            <Link href={t.path} className="text-ink no-underline hover:underline">
              {t.name}
            </Link>
          </h2>
          <p className="text-sm">
            {plural(t.laws, "law", "laws")} · {plural(t.articles, "article", "articles")}
          </p>
        </li>
      ))}
    </ul>
  );
}
