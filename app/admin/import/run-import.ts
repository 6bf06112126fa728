import type { ImportProgress, ImportReport } from "@/modules/system/import/report";
import type { ImportLine } from "./stream";

export type ImportOutcome = { report: ImportReport } | { error: string };

const generic = "Something went wrong on our side. Your files are still chosen: please try again.";

/**
 * Sends the chosen files to app/admin/import/run and reads its answer line by line as it streams,
 * passing progress on. Every failure becomes a message for the page; the files stay chosen.
 */
export async function runImport(
  files: File[],
  options: { dryRun: boolean; publish: boolean },
  onProgress: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  const body = new FormData();
  for (const file of files) body.append("files", file, file.name);
  body.set("dryRun", String(options.dryRun));
  body.set("publish", String(options.publish));
  let response: Response;
  try {
    response = await fetch("/admin/import/run", { method: "POST", body, redirect: "manual" });
  } catch {
    return { error: "The server could not be reached. Check your connection and try again." };
  }
  if (response.type === "opaqueredirect" || response.status === 401)
    return { error: "Your session has ended. Sign in again in another tab, then try again here." };
  if (!response.ok || !response.body) {
    if (response.status === 413) return { error: "The files are too large to send at once. Split the import." };
    const answer = (await response.json().catch(() => null)) as { error?: unknown } | null;
    return { error: typeof answer?.error === "string" ? answer.error : generic };
  }

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (value) buffered += value;
      const lines = buffered.split("\n");
      buffered = done ? "" : lines.pop()!;
      for (const text of lines) {
        if (!text.trim()) continue;
        const line = JSON.parse(text) as ImportLine;
        if ("progress" in line) onProgress(line.progress);
        else return line;
      }
      if (done) break;
    }
  } catch {
    // A broken connection or a cut line: below.
  }
  return {
    error: options.dryRun
      ? "The check was interrupted. Please check the files again."
      : "The connection was lost before the import finished. It is all or nothing: check the files again to see whether it was written.",
  };
}
