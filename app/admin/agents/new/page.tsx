import type { Metadata } from "next";
import Link from "next/link";
import { pageContext } from "../../guard";
import { AgentForm } from "../agent-form";

export const metadata: Metadata = { title: "New agent" };

export default async function NewAgentPage() {
  await pageContext("content.write", "/admin/agents/new");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/agents">← Agents</Link>
      </p>
      <h1 className="font-serif text-3xl">New agent</h1>
      <AgentForm />
    </div>
  );
}
