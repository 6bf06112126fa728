"use server";

import { toActionResult } from "@/lib/action-result";
import { searchText } from "@/lib/validation";
import { requestContext } from "@/modules/auth/session";
import { findRecordsByTitle, type FoundRecord } from "@/modules/records/find-by-title";

/** For the command palette: records by title; empty when refused (signed out). */
export async function findRecordsAction(q: string): Promise<FoundRecord[]> {
  const ctx = await requestContext();
  const result = await toActionResult(() => findRecordsByTitle(ctx, searchText(q)));
  return result.ok ? result.data : [];
}
