import { eq } from "drizzle-orm";
import { jurisdictions } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { parseInput, type Unvalidated } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { jurisdictionInput, type JurisdictionInput } from "./schemas";
import { getJurisdiction, type Jurisdiction } from "./read";

export async function createJurisdiction(ctx: Ctx, input: Unvalidated<JurisdictionInput>): Promise<Jurisdiction> {
  const actor = authorize(ctx, "vocabulary.manage");
  const values = parseInput(jurisdictionInput, input);
  const [row] = await ctx.db
    .insert(jurisdictions)
    .values({ ...values, createdById: actor.id })
    .onConflictDoNothing()
    .returning({ code: jurisdictions.code });
  if (!row) throw new ValidationError({ code: [`${values.code} is already in the list.`] });
  return getJurisdiction(ctx, row.code);
}

/** Edits a jurisdiction. Its code is its identity (laws and articles refer to it) and stays. */
export async function updateJurisdiction(
  ctx: Ctx,
  code: string,
  input: Unvalidated<Omit<JurisdictionInput, "code">>,
): Promise<Jurisdiction> {
  authorize(ctx, "vocabulary.manage");
  const { code: _code, ...values } = parseInput(jurisdictionInput, { ...input, code });
  await getJurisdiction(ctx, code);
  await ctx.db
    .update(jurisdictions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(jurisdictions.code, code.toUpperCase()));
  return getJurisdiction(ctx, code);
}
