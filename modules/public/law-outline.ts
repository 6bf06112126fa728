import { sql } from "drizzle-orm";
import { liveDocuments } from "@/db/schema";

/**
 * A live law's snapshot without its texts, computed in the database: lists, timelines and
 * relations read titles, events and topics, and a code's texts can run to megabytes.
 */
export const lawOutline = sql<Record<string, unknown>>`(${liveDocuments.snapshot} - 'texts')`;
