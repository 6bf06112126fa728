import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/admin/delete-button";
import { EditLayout } from "@/components/admin/edit-layout";
import { NotFoundError } from "@/lib/errors";
import { requestId } from "@/lib/validation";
import { agentKindLabels } from "@/modules/agents/labels";
import { getAgent } from "@/modules/agents/read";
import { roleHas } from "@/modules/auth/permissions";
import { editorialStatus } from "@/modules/workflow/status";
import { BaseRevisionProvider } from "@/components/admin/base-revision";
import { WorkflowPanel } from "../../workflow/workflow-panel";
import { pageContext } from "../../guard";
import { deleteAgentAction } from "../actions";
import { AgentForm } from "../agent-form";

export const metadata: Metadata = { title: "Agent" };

export default async function AgentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await pageContext("content.write", `/admin/agents/${id}`);
  const [agent, status] = await Promise.all([
    getAgent(ctx, requestId(id)),
    editorialStatus(ctx, "agent", requestId(id)),
  ]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // The domain decides again on delete; this only spares a button that would be refused.
  const canDelete =
    status.liveRevisionId === null &&
    (agent.createdById === ctx.actor.id || roleHas(ctx.actor.role, "content.delete.any"));
  return (
    <EditLayout
      header={
        <>
          <p className="text-sm">
            <Link href="/admin/agents">← Agents</Link>
          </p>
          <div>
            <h1 className="font-serif text-3xl">{agent.preferredName}</h1>
            <p className="text-sm text-muted">
              {agentKindLabels[agent.kind]} · /agents/{agent.slug}
            </p>
          </div>
        </>
      }
      sidebar={
        <WorkflowPanel
          type="agent"
          id={agent.id}
          removal={
            canDelete && (
              <DeleteButton
                action={deleteAgentAction}
                id={agent.id}
                what={agent.preferredName}
                afterDelete="/admin/agents"
              />
            )
          }
        />
      }
    >
      <BaseRevisionProvider revision={status.workingRevisionId}>
        <AgentForm agent={agent} />
      </BaseRevisionProvider>
    </EditLayout>
  );
}
