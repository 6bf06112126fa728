import { z } from "zod";
import { agentKinds } from "@/db/schema/vocabulary";

/**
 * An agent revision's snapshot as stored. Revisions are immutable and hashed as stored, so a
 * change of this shape is a new version: keep the old schema, upgrade it to the new one in the
 * parser, and add tests/fixtures/snapshots/agent-v<N>.json. Snapshots written before versions
 * were recorded have no schemaVersion; their shape is version 1's.
 */
export const agentSnapshotVersion = 1 as const;

export const agentSnapshotSchema = z.object({
  schemaVersion: z.literal(agentSnapshotVersion).default(agentSnapshotVersion),
  slug: z.string(),
  kind: z.enum(agentKinds),
  preferredName: z.string(),
  description: z.string(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  names: z.array(z.object({ name: z.string(), lang: z.string() })),
});

export type AgentSnapshot = z.output<typeof agentSnapshotSchema>;

export function parseAgentSnapshot(raw: unknown): AgentSnapshot {
  return agentSnapshotSchema.parse(raw);
}
