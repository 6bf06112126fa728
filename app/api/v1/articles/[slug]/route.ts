import { articleDocument, noArticle } from "@/modules/public/api/article-documents";
import { slugRoute } from "../../slug-route";

/** GET /api/v1/articles/<slug>: one published article, as its page /articles/<slug> shows it. */
export const GET = slugRoute("article", articleDocument, noArticle);
