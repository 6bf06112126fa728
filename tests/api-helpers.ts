import { Ajv2020 } from "ajv/dist/2020";
import { NextRequest } from "next/server";
import { expect } from "vitest";
import type { Database } from "@/db";
import { problemSchema } from "@/modules/public/api/schemas/common";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";

/*
 * The read API's route handlers on a test database. Each test file mocks, before its imports:
 *   vi.mock("next/cache", () => ({ cacheTag: () => undefined, cacheLife: () => undefined }));
 *   vi.mock("@/modules/public/site", () => ({ siteOrigin: async () => "https://archive.example" }));
 *   vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDatabase: async () => api.database! }));
 * so Next's cache calls are no-ops, and the database and the site's address are the test's.
 */
export const origin = "https://archive.example";
export const api: { database?: Database } = {};

export const ask = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(`${origin}${path}`, { headers });

/** A path under `base` (a list's `next` address, say) as the query string to ask it with. */
export const queryOf = (address: string, base: string) => address.slice(`${origin}${base}`.length);

export type DocumentSchema = (apiPath: string, status: number) => (body: unknown) => unknown[] | null;

/**
 * The OpenAPI document's schema for an answer of a path, checked by an independent JSON Schema
 * validator: the validation errors, or null when the body is valid.
 */
export async function openApiSchemas(): Promise<{ document: OpenApi; documentSchema: DocumentSchema }> {
  const document = (await (await getOpenApi(ask("/api/v1/openapi.json"))).json()) as OpenApi;
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  // The document's own fields around its schemas.
  for (const keyword of ["openapi", "jsonSchemaDialect", "info", "servers", "paths", "components"])
    ajv.addKeyword(keyword);
  ajv.addSchema(document, "openapi");
  const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
  const documentSchema: DocumentSchema = (apiPath, status) => {
    const { content } = document.paths[apiPath]!.get.responses[status]!;
    const validate = ajv.compile({
      $ref: `openapi#/${pointer("paths", apiPath, "get", "responses", String(status), "content", Object.keys(content!)[0]!, "schema")}`,
    });
    return (body) => (validate(body) ? null : validate.errors!);
  };
  return { document, documentSchema };
}

type OpenApi = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<
    string,
    {
      get: {
        parameters: { name: string }[];
        responses: Record<string, { content?: Record<string, unknown>; description: string }>;
      };
    }
  >;
};

/** An answer with `status`, valid by the OpenAPI document; its body. */
export async function expectAnswer(
  documentSchema: DocumentSchema,
  response: Response,
  status: number,
  apiPath: string,
) {
  expect(response.status).toBe(status);
  const body: unknown = await response.json();
  expect(documentSchema(apiPath, status)(body)).toBeNull();
  return body;
}

/** An error answer, checked against the zod schema and the OpenAPI document; its message. */
export async function expectProblem(
  documentSchema: DocumentSchema,
  response: Response,
  status: number,
  apiPath: string,
) {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const parsed = problemSchema.strict().parse(await expectAnswer(documentSchema, response, status, apiPath));
  expect(parsed.status).toBe(status);
  return parsed.message;
}

/** Follows a list's `next` addresses from `first`, at most 10 pages; every item's key, in order. */
export async function walk<T>(
  first: string,
  base: string,
  page: (query: string) => Promise<{ data: T[]; next: string | null }>,
  key: (item: T) => string,
  limit: number,
) {
  const seen: string[] = [];
  let address: string | null = first;
  let pages = 0;
  while (address !== null) {
    const { data, next } = await page(address);
    expect(data.length).toBeLessThanOrEqual(limit);
    seen.push(...data.map(key));
    if (next) expect(next).toContain(`limit=${limit}`);
    address = next === null ? null : queryOf(next, base);
    pages += 1;
    expect(pages).toBeLessThan(10);
  }
  return seen;
}

/** The headers every answer of the read API carries, and a 304 to a request that holds its ETag. */
export async function expectCachedAnswer(get: (headers?: Record<string, string>) => Promise<Response>) {
  const first = await get();
  expect(first.status).toBe(200);
  const etag = first.headers.get("etag")!;
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  expect(first.headers.get("cache-control")).toMatch(/^public, /);
  expect(first.headers.get("access-control-allow-origin")).toBe("*");
  expect(first.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  const again = await get();
  expect(again.headers.get("etag")).toBe(etag);
  expect(await again.text()).toBe(await first.text());
  const cached = await get({ "if-none-match": etag });
  expect(cached.status).toBe(304);
  expect(await cached.text()).toBe("");
}
