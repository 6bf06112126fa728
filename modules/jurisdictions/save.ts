import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
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
    await checkSuccessor(tx, values.code, values.successorCode);
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
    await checkSuccessor(tx, key, values.successorCode);
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

/**
 * A successor must exist, and following successors from it must not come back to this one (the
 * Kirghiz SSR succeeded by Kyrgyzstan, succeeded by the Kirghiz SSR). The rows are locked, so two
 * admins cannot close a loop between them.
 */
async function checkSuccessor(tx: Tx, code: string, successorCode: string | null) {
  const seen = new Set([code]);
  for (let next = successorCode; next !== null;) {
    if (seen.has(next)) {
      throw new ValidationError({ successorCode: ["That jurisdiction already comes after this one."] });
    }
    seen.add(next);
    const [row] = await tx
      .select({ successorCode: jurisdictions.successorCode })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, next))
      .for("update");
    if (!row) {
      if (next === successorCode) throw new ValidationError({ successorCode: ["No such jurisdiction."] });
      break;
    }
    next = row.successorCode;
  }
}
