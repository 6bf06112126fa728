import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/admin/delete-button";
import { NotFoundError } from "@/lib/errors";
import { getTopic, topicParentOptions } from "@/modules/topics/read";
import { pageContext } from "../../guard";
import { deleteTopicAction } from "../actions";
import { TopicForm } from "../topic-form";

export const metadata: Metadata = { title: "Topic" };

export default async function TopicPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await pageContext("vocabulary.manage", `/admin/topics/${id}`);
  const topic = await getTopic(ctx, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const parents = await topicParentOptions(ctx, topic.id);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/topics">← Topics</Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">{topic.name}</h1>
        <DeleteButton action={deleteTopicAction} id={topic.id} what={topic.name} afterDelete="/admin/topics" />
      </div>
      <TopicForm topic={topic} parents={parents} />
    </div>
  );
}
