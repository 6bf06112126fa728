import type { Metadata } from "next";
import Link from "next/link";
import { latestToday } from "@/lib/validation";
import { pageContext } from "../../guard";
import { SourceForm } from "../source-form";

export const metadata: Metadata = { title: "New source" };

export default async function NewSourcePage() {
  await pageContext("content.write", "/admin/sources/new");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/sources">← Sources</Link>
      </p>
      <h1 className="font-serif text-3xl">New source</h1>
      <SourceForm today={latestToday()} />
    </div>
  );
}
