import { z } from "zod";
import { lawStatuses } from "@/db/schema/vocabulary";
import { parseInput, text } from "@/lib/validation";
import { authorize } from "@/modules/auth/authorize";
import type { Ctx } from "@/modules/auth/context";
import { lawStatusLabels } from "./labels";
import { createLaw } from "./save";

const inlineLawInput = z.object({
  title: text().trim().min(1, "Type the law's title first.").max(1000),
  jurisdictionCode: text().trim().toUpperCase().min(1, "Choose a jurisdiction."),
  status: z.enum(lawStatuses, { message: "Choose a status." }),
});

/**
 * A law created from a picker (an article's "laws discussed", a relation): its title, jurisdiction
 * and status, to be completed on its own page. The title's language is recorded as undetermined
 * ("und", BCP 47) until an editor says which it is.
 */
export async function createLawInline(ctx: Ctx, input: unknown) {
  authorize(ctx, "content.write");
  const { title, jurisdictionCode, status } = parseInput(inlineLawInput, input);
  const law = await createLaw(ctx, { jurisdictionCode, status, type: "law", titles: [{ lang: "und", title }] });
  return { value: String(law.id), label: law.title, hint: `${law.jurisdictionCode} · ${lawStatusLabels[law.status]}` };
}
