import { formatPartialDate } from "@/lib/partial-date";
import type { LawTextSummary } from "@/modules/laws/texts";

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** "Russian (ru)"; the bare code when the runtime does not know it. */
export function languageName(code: string): string {
  try {
    const name = languageNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** How a version is named in buttons and lists: "Russian official text of 27 December 2024". */
export function describeTextVersion(version: Pick<LawTextSummary, "lang" | "official" | "effectiveDate">): string {
  const language = languageName(version.lang).replace(/ \(.*\)$/, "");
  const kind = version.official ? "official text" : "unofficial translation";
  const date = version.effectiveDate ? ` of ${formatPartialDate(version.effectiveDate)}` : "";
  return `${language} ${kind}${date}`;
}
