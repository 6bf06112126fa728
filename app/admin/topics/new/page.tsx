import type { Metadata } from "next";
import Link from "next/link";
import { topicParentOptions } from "@/modules/topics/read";
import { pageContext } from "../../guard";
import { TopicForm } from "../topic-form";

export const metadata: Metadata = { title: "New topic" };

export default async function NewTopicPage() {
  const ctx = await pageContext("vocabulary.manage", "/admin/topics/new");
  const parents = await topicParentOptions(ctx);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/topics">← Topics</Link>
      </p>
      <h1 className="font-serif text-3xl">New topic</h1>
      <TopicForm parents={parents} />
    </div>
  );
}
