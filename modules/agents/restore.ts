import type { Ctx } from "@/modules/auth/context";
import { revisionSnapshot } from "@/modules/workflow/history";
import { updateAgent } from "./save";
import { parseAgentSnapshot } from "./snapshot-schema";

/** Makes an old revision of an agent its working revision again, as a new revision. */
export async function restoreAgentRevision(ctx: Ctx, id: number, number: number, baseRevision: unknown) {
  const old = parseAgentSnapshot(await revisionSnapshot(ctx, "agent", id, number));
  return updateAgent(
    ctx,
    id,
    {
      baseRevision,
      kind: old.kind,
      preferredName: old.preferredName,
      description: old.description,
      slug: old.slug,
      names: old.names,
      links: old.links,
    },
    { message: `Restored revision ${number}` },
  );
}
