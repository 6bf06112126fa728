/**
 * Publishes a new law in Kyrgyzstan on DATABASE_URL from a process of its own, as the command line
 * does (an admin who is never an author): a third party to the two servers under test, like the
 * scheduler of another instance. Usage: tsx --conditions=react-server e2e/two-instances/publish-law.ts TITLE
 */
import { runCli } from "@/scripts/cli";
import { commandLineActor, type Ctx } from "@/modules/auth/context";
import { createLaw } from "@/modules/laws/save";
import { editorialStatus } from "@/modules/workflow/status";
import { moveItem } from "@/modules/workflow/transitions";

const title = process.argv[2];
if (!title) throw new Error("Give the new law's title.");
await runCli(async ({ db }) => {
  const ctx: Ctx = { db, actor: commandLineActor };
  const law = await createLaw(ctx, {
    jurisdictionCode: "KG",
    type: "law",
    status: "in_force",
    summary: title,
    titles: [{ lang: "en", title }],
  });
  for (const action of ["submit", "approve", "publish"] as const) {
    const { workingRevisionId } = await editorialStatus(ctx, "law", law.id);
    await moveItem(ctx, { type: "law", id: law.id, action, baseRevision: workingRevisionId });
  }
});
