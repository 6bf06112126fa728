import type { Metadata } from "next";
import Link from "next/link";
import { roleHas } from "@/modules/auth/permissions";
import { listJurisdictions } from "@/modules/jurisdictions/read";
import { pageContext } from "../../guard";
import { ArticleForm } from "../article-form";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const ctx = await pageContext("content.write", "/admin/articles/new");
  const jurisdictions = await listJurisdictions(ctx);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/articles">← Articles</Link>
      </p>
      <h1 className="font-serif text-3xl">New article</h1>
      <ArticleForm
        jurisdictions={jurisdictions.map(({ code, name }) => ({ code, name }))}
        canCreateTopics={roleHas(ctx.actor.role, "vocabulary.manage")}
      />
    </div>
  );
}
