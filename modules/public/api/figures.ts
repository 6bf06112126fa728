import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { figureLaws, figures, jurisdictions, publicLaws } from "@/db/schema";
import { figureShownToReaders, readFigures, type PublicFigure } from "@/modules/public/figures";
import { publicJurisdictionPath } from "@/modules/public/jurisdiction";
import { publicLawPath } from "@/modules/public/law-view";
import { harvestConditions, pageOf } from "./pages";
import {
  figureListSchema,
  figureSchema,
  type Figure,
  type FigureList,
  type FigureListQuery,
  type FigureSummary,
} from "./schemas/figure";

/*
 * Figures have no revisions and no page of their own: readers see one, on its jurisdiction's page
 * and on the pages of the published laws it concerns, once it is approved (modules/public/figures.ts).
 * The API gives those, and no other: an approved figure no public page shows is not public either.
 */

/** A figure's record in the read API: /api/v1/figures/<id>, the id its anchor on a page (#figure-<id>) carries. */
export const figureApiPath = (figure: { id: number }) => `/api/v1/figures/${figure.id}`;

/** A figure as a page shows it, at its anchor on `page`. */
export function figureSummary(figure: PublicFigure, page: string, origin: string): FigureSummary {
  return {
    id: figure.id,
    label: figure.label,
    unit: figure.unit,
    note: figure.note,
    disputed: figure.disputed,
    accounts: figure.accounts.map((a) => ({
      value: a.value,
      wording: a.wording,
      asOf: a.asOf,
      source: a.sourceTitle === null ? null : { title: a.sourceTitle, url: a.sourceUrl },
      preferred: a.preferred,
    })),
    url: `${origin}${page}#figure-${figure.id}`,
    api: origin + figureApiPath(figure),
  };
}

/** A page of approved figures readers see, of one jurisdiction or all, by approval time then id (./pages.ts). */
export async function readFigureList(db: Db, query: FigureListQuery, origin: string): Promise<FigureList> {
  const rows = await db
    // Approval times are JavaScript dates (modules/figures/approve.ts): to the cursor's milliseconds.
    .select({ id: figures.id, publishedAt: sql<Date>`${figures.approvedAt}`.mapWith(figures.approvedAt) })
    .from(figures)
    .where(
      and(
        figureShownToReaders,
        query.jurisdiction ? eq(figures.jurisdictionCode, query.jurisdiction) : undefined,
        harvestConditions({ publishedAt: figures.approvedAt, id: figures.id }, query),
      ),
    )
    .orderBy(asc(figures.approvedAt), asc(figures.id))
    .limit(query.limit + 1);
  const filters = { jurisdiction: query.jurisdiction };
  const { page, next } = pageOf(rows, query, { origin, path: "/figures", filters });
  const records = await readFigureRecords(
    db,
    page.map((r) => r.id),
    origin,
  );
  return figureListSchema.parse({ data: page.flatMap((r) => records.get(r.id) ?? []), next });
}

/** One figure readers see, or null: not approved since its last change, or on no public page. */
export async function readFigureRecord(db: Db, id: number, origin: string): Promise<Figure | null> {
  const [shown] = await db
    .select({ id: figures.id })
    .from(figures)
    .where(and(eq(figures.id, id), figureShownToReaders));
  return shown ? ((await readFigureRecords(db, [shown.id], origin)).get(shown.id) ?? null) : null;
}

/** Figures by id, with their jurisdictions and the published laws they concern: three queries, whatever their number. */
async function readFigureRecords(db: Db, ids: number[], origin: string): Promise<Map<number, Figure>> {
  if (ids.length === 0) return new Map();
  const [shown, scopes, laws] = await Promise.all([
    readFigures(db, inArray(figures.id, ids)),
    db
      .select({
        id: figures.id,
        approvedAt: figures.approvedAt,
        code: jurisdictions.code,
        name: jurisdictions.name,
      })
      .from(figures)
      .leftJoin(jurisdictions, eq(jurisdictions.code, figures.jurisdictionCode))
      .where(inArray(figures.id, ids)),
    db
      .select({
        figureId: figureLaws.figureId,
        jurisdictionCode: publicLaws.jurisdictionCode,
        slug: publicLaws.slug,
        title: publicLaws.title,
      })
      .from(figureLaws)
      .innerJoin(publicLaws, eq(publicLaws.lawId, figureLaws.lawId))
      .where(inArray(figureLaws.figureId, ids))
      .orderBy(asc(figureLaws.figureId), asc(publicLaws.lawId)),
  ]);
  const records = new Map<number, Figure>();
  for (const figure of shown) {
    const scope = scopes.find((s) => s.id === figure.id)!;
    const itsLaws = laws
      .filter((l) => l.figureId === figure.id)
      .map((l) => ({ title: l.title, path: publicLawPath(l) }));
    const jurisdiction = scope.code === null ? null : { code: scope.code, name: scope.name! };
    const page = jurisdiction ? publicJurisdictionPath(jurisdiction) : itsLaws[0]?.path;
    if (!page || !scope.approvedAt) continue;
    records.set(
      figure.id,
      figureSchema.parse({
        ...figureSummary(figure, page, origin),
        approvedAt: scope.approvedAt.toISOString(),
        jurisdiction: jurisdiction && {
          ...jurisdiction,
          url: origin + publicJurisdictionPath(jurisdiction),
          api: `${origin}/api/v1${publicJurisdictionPath(jurisdiction)}`,
        },
        laws: itsLaws.map((l) => ({ title: l.title, url: origin + l.path, api: `${origin}/api/v1${l.path}` })),
      }),
    );
  }
  return records;
}
