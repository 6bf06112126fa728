import { noSource, sourceDocument } from "@/modules/public/api/source-documents";
import { idRoute } from "../../id-route";

/** GET /api/v1/sources/<id>: one source published items cite, with what cites it. */
export const GET = idRoute("source", sourceDocument, noSource);
