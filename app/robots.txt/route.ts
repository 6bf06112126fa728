import { connection } from "next/server";
import { siteOrigin } from "@/modules/public/site";

/** Readers' pages are open to crawlers; the admin, the sign-in page and previews are not. */
export async function GET() {
  await connection();
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /admin",
    "Disallow: /login",
    "Disallow: /api/",
    "",
    `Sitemap: ${await siteOrigin()}/sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
}
