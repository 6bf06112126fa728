import type { Db } from "@/db";
import { readFiguresOfJurisdiction } from "@/modules/public/figures";
import { readJurisdiction, readJurisdictions } from "@/modules/public/jurisdiction";
import { figureSummary } from "./figures";
import {
  jurisdictionListSchema,
  jurisdictionSchema,
  type Jurisdiction,
  type JurisdictionList,
} from "./schemas/jurisdiction";

/*
 * Jurisdictions are a vocabulary admins edit outside the workflow, public as they stand (README,
 * Security model): the API reads them as the /jurisdictions pages do, with published laws,
 * articles and approved figures only.
 */

/** Every jurisdiction with a published law, by name, as /jurisdictions lists them. */
export async function readJurisdictionList(db: Db, origin: string): Promise<JurisdictionList> {
  const list = await readJurisdictions(db);
  return jurisdictionListSchema.parse({
    data: list.map((j) => ({
      code: j.code,
      name: j.name,
      kind: j.kind,
      startYear: j.startYear,
      endYear: j.endYear,
      laws: j.laws,
      url: origin + j.path,
      api: `${origin}/api/v1${j.path}`,
    })),
    next: null,
  });
}

/** One jurisdiction as its page /jurisdictions/<code> shows it, or null when no jurisdiction has this code. */
export async function readJurisdictionRecord(db: Db, code: string, origin: string): Promise<Jurisdiction | null> {
  const jurisdiction = await readJurisdiction(db, code);
  if (!jurisdiction) return null;
  const figures = await readFiguresOfJurisdiction(db, jurisdiction.code);
  const api = (path: string) => `${origin}/api/v1${path}`;
  const linked = (j: { name: string; path: string }) => ({
    code: j.path.slice("/jurisdictions/".length).toUpperCase(),
    name: j.name,
    url: origin + j.path,
    api: api(j.path),
  });
  const about = new URLSearchParams({ jurisdiction: jurisdiction.code });
  return jurisdictionSchema.parse({
    code: jurisdiction.code,
    name: jurisdiction.name,
    kind: jurisdiction.kind,
    startYear: jurisdiction.startYear,
    endYear: jurisdiction.endYear,
    url: origin + jurisdiction.path,
    api: api(jurisdiction.path),
    otherNames: jurisdiction.otherNames,
    successor: jurisdiction.successor && linked(jurisdiction.successor),
    predecessors: jurisdiction.predecessors.map(linked),
    laws: jurisdiction.laws.map((law) => ({
      title: law.title,
      type: law.type,
      status: law.status,
      milestone: law.milestone,
      url: origin + law.path,
      api: api(law.path),
    })),
    lawCount: jurisdiction.lawCount,
    lawsApi: `${origin}/api/v1/laws?${about}`,
    topics: jurisdiction.topics.map((t) => ({
      slug: t.path.slice("/topics/".length),
      name: t.name,
      laws: t.laws,
      url: origin + t.path,
      api: api(t.path),
    })),
    articles: jurisdiction.articles.map((a) => ({
      kind: a.kind,
      title: a.title,
      url: origin + a.path,
      api: api(a.path),
    })),
    articleCount: jurisdiction.articleCount,
    articlesApi: `${origin}/api/v1/articles?${about}`,
    figures: figures.map((f) => figureSummary(f, jurisdiction.path, origin)),
  });
}
