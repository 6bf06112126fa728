import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { jurisdictions } from "@/db/schema";
import { jurisdictionKinds, type JurisdictionKind } from "@/db/schema/enums";
import { NotFoundError } from "@/lib/errors";
import { likePattern } from "@/lib/text";
import { isStorableText } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";

export type Jurisdiction = {
  code: string;
  name: string;
  kind: JurisdictionKind;
  startYear: number | null;
  endYear: number | null;
  otherNames: { name: string; lang: string }[];
  successorCode: string | null;
};

const columns = {
  code: jurisdictions.code,
  name: jurisdictions.name,
  kind: jurisdictions.kind,
  startYear: jurisdictions.startYear,
  endYear: jurisdictions.endYear,
  otherNames: jurisdictions.otherNames,
  successorCode: jurisdictions.successorCode,
};

/** The vocabulary is small (a few hundred codes at most), so it is listed whole, filtered. */
export async function listJurisdictions(ctx: Ctx, filter: { q?: string; kind?: string } = {}): Promise<Jurisdiction[]> {
  authorize(ctx, "admin.access");
  const where: SQL[] = [];
  // A filter no column can hold (a NUL) matches nothing, rather than failing the query.
  if (filter.q && !isStorableText(filter.q)) return [];
  if (filter.q) {
    const pattern = likePattern(filter.q);
    where.push(
      or(
        ilike(jurisdictions.code, pattern),
        ilike(jurisdictions.name, pattern),
        ilike(sql`${jurisdictions.otherNames}::text`, pattern),
      )!,
    );
  }
  // A kind from a URL that is not one of ours is ignored, not passed to the enum (a database error).
  if (isKind(filter.kind)) where.push(eq(jurisdictions.kind, filter.kind));
  return ctx.db
    .select(columns)
    .from(jurisdictions)
    .where(and(...where))
    .orderBy(asc(jurisdictions.name));
}

function isKind(kind: unknown): kind is JurisdictionKind {
  return (jurisdictionKinds as readonly unknown[]).includes(kind);
}

export async function getJurisdiction(ctx: Ctx, code: string): Promise<Jurisdiction> {
  authorize(ctx, "admin.access");
  const [row] = await ctx.db.select(columns).from(jurisdictions).where(eq(jurisdictions.code, code.toUpperCase()));
  if (!row) throw new NotFoundError("No such jurisdiction.");
  return row;
}
