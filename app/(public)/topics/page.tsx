import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { publishedTopics } from "@/modules/public/topic";
import { pageAlternates } from "@/modules/public/syndication";

export const metadata: Metadata = {
  title: "Topics",
  description: "The subjects of the laws and articles in the archive, with how many of each.",
  alternates: pageAlternates("/topics"),
};

export default function TopicsPage() {
  return (
    <div className="space-y-8">
      <header className="max-w-2xl">
        <h1 className="font-serif text-4xl leading-tight">Topics</h1>
        <p className="mt-2 text-muted">
          The subjects the editors file laws and articles under. Each page sets its laws in the order of their history
          beside what was written about them.
        </p>
      </header>
      <Suspense fallback={<p className="text-muted">Loading the topics…</p>}>
        <TopicList />
      </Suspense>
    </div>
  );
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n.toLocaleString("en")} ${many}`);

async function TopicList() {
  await connection();
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
