import { cacheLife, cacheTag } from "next/cache";
import { getDatabase } from "@/db";
import { apiMoved, apiProblem, jsonRendering } from "@/lib/api/problem";
import type { Rendering } from "@/lib/http/cached-response";
import { publicCacheTag } from "@/modules/public/clock";
import { addressTag, itemTag, listTag } from "@/modules/public/cache-tags";
import { readAgentList, readAgentRecord } from "./agents";
import type { AgentListQuery } from "./schemas/agent";

/*
 * The read API's agent answers, each rendered once for every client until a publication changes
 * it: tagged as the public agent page is (modules/public/agent.ts).
 */

/** GET /api/v1/agents: a page of published agents. */
export async function agentListDocument(query: AgentListQuery, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag, listTag("agent"));
  cacheLife("days");
  const { db } = await getDatabase();
  return jsonRendering(await readAgentList(db, query, origin));
}

/** GET /api/v1/agents/<slug>: one published agent; 308 from an old address, 410 once withdrawn, else 404. */
export async function agentDocument(slug: string, origin: string): Promise<Rendering> {
  "use cache";
  cacheTag(publicCacheTag, addressTag("agent", "", slug));
  cacheLife("days");
  const { db } = await getDatabase();
  const found = await readAgentRecord(db, slug, origin);
  if (!found) return noAgent;
  if (found.kind === "gone") return apiProblem(410, "This agent was withdrawn from the archive.");
  if (found.kind === "moved") return apiMoved(found.api, "This agent has moved to another address.");
  cacheTag(itemTag("agent", found.id));
  return jsonRendering(found.agent);
}

/** Unpublished, never existed, or not an address at all: the same answer. */
export const noAgent = apiProblem(404, "No published agent has this address.");
