import type { Metadata } from "next";
import { Suspense } from "react";
import { openApiDocument } from "@/modules/public/api/openapi";
import { publishedArticlesIndex } from "@/modules/public/articles-index";
import { latestPublishedLaws, publicLawPath } from "@/modules/public/law";
import { siteOrigin } from "@/modules/public/site";
import { pageAlternates } from "@/modules/public/syndication";

export const metadata: Metadata = {
  title: "Read API",
  description:
    "Read the archive's published laws, articles, agents, topics, jurisdictions, figures, sources and annotations as JSON, and search it: the endpoints, with examples.",
  alternates: pageAlternates("/api-docs"),
};

/** Examples for each endpoint, as paths under /api/v1, on a law and an article readers can see (when there are). */
function examplesFor(law: string, article: { path: string; agent?: string }): Record<string, string[]> {
  return {
    "/laws": ["/laws?jurisdiction=kg&limit=10", "/laws?updated_since=2025-01-01T00:00:00Z"],
    "/laws/{jurisdiction}/{slug}": [law],
    "/articles": ["/articles?kind=news&jurisdiction=kg", "/articles?updated_since=2025-01-01T00:00:00Z"],
    "/articles/{slug}": [article.path],
    "/topics": ["/topics"],
    "/topics/{slug}": ["/topics/rehabilitation"],
    "/agents": ["/agents?kind=person&limit=10"],
    "/agents/{slug}": [article.agent ?? "/agents/its-slug"],
    "/jurisdictions": ["/jurisdictions"],
    "/jurisdictions/{code}": ["/jurisdictions/kg"],
    "/figures": ["/figures?jurisdiction=kg", "/figures?updated_since=2025-01-01T00:00:00Z"],
    "/figures/{id}": ["/figures/1"],
    "/sources": ["/sources?limit=20", "/sources?updated_since=2025-01-01T00:00:00Z"],
    "/sources/{id}": ["/sources/1"],
    "/search": ["/search?q=japarov", "/search?q=rehabilitation&type=law&jurisdiction=kg"],
    "/annotations": [
      `/annotations?target=${law}`,
      "/annotations?limit=100",
      "/annotations?updated_since=2025-01-01T00:00:00Z",
    ],
    "/annotations/{id}": ["/annotations/1"],
  };
}

export default function ApiDocsPage() {
  return (
    <div className="max-w-3xl space-y-10">
      <header>
        <h1 className="font-serif text-4xl leading-tight">Read API</h1>
        <p className="mt-2 text-muted">
          Everything published here can be read as JSON, by any site or program: no key, no sign-in. Only what readers
          see on the site comes out, never a draft.
        </p>
      </header>
      <Suspense fallback={<p>Loading the endpoints…</p>}>
        <Reference />
      </Suspense>
    </div>
  );
}

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> };
type Operation = { summary: string; parameters: Parameter[]; responses: Record<string, { description: string }> };

/** The endpoints as the OpenAPI document describes them: the page cannot say other than the API does. */
async function Reference() {
  const origin = await siteOrigin();
  const document = openApiDocument(origin);
  const [latest] = await latestPublishedLaws();
  const [article] = (await publishedArticlesIndex({ page: 1 })).articles;
  const examples = examplesFor(latest ? publicLawPath(latest) : "/laws/kg/its-slug", {
    path: article?.path ?? "/articles/its-slug",
    agent: article?.authors[0]?.path,
  });
  const base = document.servers[0]!.url;
  const paths = Object.entries(document.paths) as [string, { get: Operation }][];
  return (
    <>
      <section aria-labelledby="api-basics" className="space-y-3">
        <h2 id="api-basics" className="font-serif text-2xl">
          How it works
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            The whole API is described in an OpenAPI 3.1 document, for code generators and API tools:{" "}
            <a href={`${base}/openapi.json`} className="break-all underline">
              {`${base}/openapi.json`}
            </a>
            .
          </li>
          <li>
            Lists come a page at a time. Each page ends with <code>next</code>: the address of the following page with
            the same filters, or <code>null</code> on the last. <code>limit</code> sets the page size.
          </li>
          <li>
            To stay up to date, ask a list for <code>updated_since</code> the time of your last visit: what was
            published or republished since then comes back.
          </li>
          <li>
            Every answer carries an <code>ETag</code>. Send it back in <code>If-None-Match</code>: while nothing has
            changed, the answer is an empty <code>304 Not Modified</code>.
          </li>
          <li>Any website may call the API from the browser (CORS is open for GET).</li>
          <li>
            Errors are JSON with the status and a message: a 400 names the parameter to correct, a 404 means nothing is
            published at that address.
          </li>
        </ul>
      </section>
      {paths.map(([path, { get }]) => (
        <Endpoint key={path} base={base} path={path} operation={get} examples={examples[path] ?? []} />
      ))}
    </>
  );
}

function Endpoint({
  base,
  path,
  operation,
  examples,
}: {
  base: string;
  path: string;
  operation: Operation;
  examples: string[];
}) {
  const id = `endpoint-${path.replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "")}`;
  return (
    <section aria-labelledby={id} className="space-y-4 border-t border-rule pt-6">
      <h2 id={id} className="font-serif text-2xl">
        <code className="text-xl">GET /api/v1{path}</code>
      </h2>
      <p>{operation.summary}.</p>
      {operation.parameters.length > 0 && (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Parameters of GET /api/v1{path}</caption>
          <thead>
            <tr className="border-b border-rule">
              <th scope="col" className="py-2 pr-4">
                Parameter
              </th>
              <th scope="col" className="py-2">
                Meaning
              </th>
            </tr>
          </thead>
          <tbody>
            {operation.parameters.map((p) => (
              <tr key={p.name} className="border-b border-rule align-top">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <code>{p.name}</code>
                  <span className="block text-muted">
                    {p.in === "path" ? "in the path" : p.required ? "required" : "optional"}
                  </span>
                </th>
                <td className="py-2">
                  {p.description}
                  <span className="block text-muted">{accepted(p.schema)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {Object.entries(operation.responses).map(([status, response]) => (
          <div key={status} className="contents">
            <dt className="font-semibold">{status}</dt>
            <dd>{response.description}</dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className="font-semibold">{examples.length === 1 ? "Example" : "Examples"}</h3>
        {examples.map((example) => (
          <pre
            key={example}
            className="mt-2 whitespace-pre-wrap break-all rounded border border-rule bg-surface-muted p-3 text-sm"
          >
            <code>curl &apos;{base + example}&apos;</code>
          </pre>
        ))}
      </div>
    </section>
  );
}

/** What a parameter accepts, in words. */
function accepted(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return `One of: ${schema.enum.join(", ")}.`;
  if (schema.format === "date-time") return "An ISO 8601 date-time with its offset, e.g. 2025-01-01T00:00:00Z.";
  if (schema.type === "integer") {
    const limits = [schema.minimum, schema.maximum].every((n) => typeof n === "number")
      ? ` from ${String(schema.minimum)} to ${String(schema.maximum)}`
      : "";
    const otherwise = schema.default === undefined ? "" : `; ${String(schema.default)} if not given`;
    return `A whole number${limits}${otherwise}.`;
  }
  return "";
}
