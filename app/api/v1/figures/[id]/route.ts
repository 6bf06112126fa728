import { figureDocument, noFigure } from "@/modules/public/api/figure-documents";
import { idRoute } from "../../id-route";

/** GET /api/v1/figures/<id>: one figure readers see (the id its anchor on a page carries, #figure-<id>). */
export const GET = idRoute("figure", figureDocument, noFigure);
