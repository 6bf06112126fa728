import type { ImportProgress, ImportReport } from "@/modules/system/import/report";

/**
 * The lines of the import's answer (app/admin/import/run/route.ts), one JSON object a line:
 * progress while it runs, then the report, or an error message if it failed.
 */
export type ImportLine = { progress: ImportProgress } | { report: ImportReport } | { error: string };

export const importStreamType = "text/x-ndjson; charset=utf-8";
