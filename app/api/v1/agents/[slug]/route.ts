import { agentDocument, noAgent } from "@/modules/public/api/agent-documents";
import { slugRoute } from "../../slug-route";

/** GET /api/v1/agents/<slug>: one published agent, as its page /agents/<slug> shows it. */
export const GET = slugRoute("agent", agentDocument, noAgent);
