import { eq } from "drizzle-orm";
import { jurisdictions } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { parseInput, type Unvalidated } from "@/lib/validation";
import { audit } from "@/modules/audit/record";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { jurisdictionInput, type JurisdictionInput } from "./schemas";
import { getJurisdiction, type Jurisdiction } from "./read";
import { publicationCommitted } from "@/modules/workflow/publication-committed";
import { tickPublicationClock } from "@/modules/workflow/publication-clock";
import { vocabularyTags } from "@/modules/workflow/publication-tags";

export async function createJurisdiction(ctx: Ctx, input: Unvalidated<JurisdictionInput>): Promise<Jurisdiction> {
  const actor = authorize(ctx, "vocabulary.manage");
  const values = parseInput(jurisdictionInput, input);
  const code = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(jurisdictions)
      .values({ ...values, createdById: actor.id })
      .onConflictDoNothing()
      .returning({ code: jurisdictions.code });
    if (!row) throw new ValidationError({ code: [`${values.code} is already in the list.`] });
    await audit(tx, {
      actor,
      action: "jurisdiction.create",
      targetType: "jurisdiction",
      targetId: row.code,
      ip: ctx.ip,
    });
    // Its page exists from now on (proxy.ts answers 404 for jurisdictions it does not know).
    await tickPublicationClock(tx, vocabularyTags);
    return row.code;
  });
  publicationCommitted();
  return getJurisdiction(ctx, code);
}

/** Edits a jurisdiction. Its code is its identity (laws and articles refer to it) and stays. */
export async function updateJurisdiction(
  ctx: Ctx,
  code: string,
  input: Unvalidated<Omit<JurisdictionInput, "code">>,
): Promise<Jurisdiction> {
  const actor = authorize(ctx, "vocabulary.manage");
  const { code: _code, ...values } = parseInput(jurisdictionInput, { ...input, code });
  const { code: key } = await getJurisdiction(ctx, code);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(jurisdictions)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(jurisdictions.code, key));
    await audit(tx, { actor, action: "jurisdiction.update", targetType: "jurisdiction", targetId: key, ip: ctx.ip });
    // Public pages show jurisdictions' names.
    await tickPublicationClock(tx, vocabularyTags);
  });
  publicationCommitted();
  return getJurisdiction(ctx, code);
}
