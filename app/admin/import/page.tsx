import type { Metadata } from "next";
import { roleHas } from "@/modules/auth/permissions";
import { pageContext } from "../guard";
import { ImportForm } from "./import-form";
import { importUploadLimitMb } from "./limits";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  const ctx = await pageContext("archive.import", "/admin/import");
  const isAdmin = roleHas(ctx.actor.role, "workflow.override");
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="font-serif text-3xl">Import</h1>
        <p className="max-w-prose text-muted">
          Bring many laws, articles, agents, sources, topics and figures into the archive at once. The files are checked
          first and nothing is written until you import; then everything is written, or nothing.
        </p>
      </div>

      <ImportForm canPublish={isAdmin} />

      <section aria-labelledby="formats-heading" className="max-w-prose space-y-2 text-sm">
        <h2 id="formats-heading" className="font-serif text-lg">
          Which files
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <strong>One .json file</strong> in the read API&apos;s shape, starting{" "}
            <code>{`{ "format": "marginalia-import", "version": 1 }`}</code>, with lists of topics, sources, agents,
            laws, articles and figures.
          </li>
          <li>
            <strong>Or .csv files, one per type</strong>, named by it: <code>laws.csv</code>,{" "}
            <code>law_timeline.csv</code>, <code>law_texts.csv</code>, <code>law_relations.csv</code>,{" "}
            <code>articles.csv</code>, <code>agents.csv</code>, <code>sources.csv</code>, <code>topics.csv</code>,{" "}
            <code>figures.csv</code>, <code>figure_accounts.csv</code>.
          </li>
          <li>
            Laws, articles, agents and figures carry an <code>externalId</code>: importing the same file again updates
            what it made instead of making it twice.
          </li>
          <li>
            UTF-8 text, at most {importUploadLimitMb} MB together.
            {!isAdmin && " Only an admin can add or change topics."}
          </li>
        </ul>
        <p className="text-muted">
          Every column and field is described in <code>docs/import-format.md</code> in the source code, with examples in{" "}
          <code>docs/import-examples/</code>.
        </p>
      </section>
    </div>
  );
}
