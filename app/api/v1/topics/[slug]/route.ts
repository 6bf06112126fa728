import { noTopic, topicDocument } from "@/modules/public/api/topic-documents";
import { slugRoute } from "../../slug-route";

/** GET /api/v1/topics/<slug>: one topic, as its page /topics/<slug> shows it. */
export const GET = slugRoute("topic", topicDocument, noTopic);
