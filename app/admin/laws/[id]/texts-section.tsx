import Link from "next/link";
import { Suspense } from "react";
import { formatPartialDate } from "@/lib/partial-date";
import { roleHas } from "@/modules/auth/permissions";
import { requestContext } from "@/modules/auth/session";
import { listLawTextVersions, type LawTextSummary } from "@/modules/laws/texts";
import { describeTextVersion, languageName } from "./texts/describe";
import { EditTextVersion, NewTextVersion, RemoveTextVersion } from "./texts/text-version-editors";

const headingId = "texts-heading";

/** A law's text versions on its edit page: per language, official or translated, per effective date. */
export async function LawTextsSection({ lawId }: { lawId: number }) {
  return (
    <section aria-labelledby={headingId} className="space-y-4 border-t border-rule pt-8">
      <h2 id={headingId} tabIndex={-1} className="font-serif text-2xl">
        Text versions
      </h2>
      <Suspense fallback={<p className="text-sm text-muted">Loading the text versions…</p>}>
        <TextVersionList lawId={lawId} />
      </Suspense>
      <NewTextVersion lawId={lawId} />
    </section>
  );
}

async function TextVersionList({ lawId }: { lawId: number }) {
  const ctx = await requestContext();
  const versions = await listLawTextVersions(ctx, lawId);
  if (versions.length === 0) {
    return <p className="text-muted">No text yet. Add the official text or a translation below.</p>;
  }
  const actor = ctx.actor;
  const canRemove = (v: LawTextSummary) =>
    Boolean(actor) && (v.createdById === actor!.id || roleHas(actor!.role, "content.delete.any"));
  return (
    <ul className="space-y-3">
      {versions.map((version) => {
        const name = describeTextVersion(version);
        return (
          <li
            key={version.id}
            className="space-y-3 rounded-lg border border-rule bg-surface p-4"
            data-testid="text-version"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <p>
                  <span className="font-semibold">{languageName(version.lang)}</span> ·{" "}
                  {version.official ? "Official text" : "Unofficial translation"} ·{" "}
                  {version.effectiveDate
                    ? `effective ${formatPartialDate(version.effectiveDate)}`
                    : "effective date unknown"}
                </p>
                <p className="text-sm text-muted">
                  {version.sourceId ? (
                    <>
                      Source: <Link href={`/admin/sources/${version.sourceId}`}>{version.sourceTitle}</Link>
                    </>
                  ) : (
                    "No source given"
                  )}{" "}
                  · {version.length.toLocaleString("en")} characters
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-3">
                {version.length > 0 && (
                  <Link
                    href={`/admin/laws/${lawId}/texts/${version.id}/annotations`}
                    className="rounded border border-rule bg-surface px-3 py-1 text-sm font-semibold no-underline hover:border-ink"
                  >
                    Annotate<span className="sr-only"> the {name}</span>
                  </Link>
                )}
                {canRemove(version) && <RemoveTextVersion id={version.id} name={name} returnFocusTo={headingId} />}
              </div>
            </div>
            <pre className="overflow-hidden whitespace-pre-wrap break-words rounded bg-surface-muted p-3 font-mono text-sm text-muted">
              {firstLines(version.excerpt, version.length)}
            </pre>
            <EditTextVersion lawId={lawId} versionId={version.id} name={name} />
          </li>
        );
      })}
    </ul>
  );
}

/** The first few non-empty lines, each cut short, with an ellipsis when there is more. */
function firstLines(excerpt: string, length: number, count = 4, width = 160): string {
  const lines = excerpt.split("\n").filter((line) => line.trim() !== "");
  const shown = lines.slice(0, count).map((line) => (line.length > width ? `${line.slice(0, width)}…` : line));
  const more = lines.length > count || length > excerpt.length;
  return shown.join("\n") + (more && !shown.at(-1)?.endsWith("…") ? "\n…" : "");
}
