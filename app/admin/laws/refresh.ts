import { revalidatePath, updateTag } from "next/cache";
import { publicCacheTag } from "@/modules/public/clock";

/**
 * After a law changes: its admin pages show the change. Public pages change only when something is
 * published (their cache is keyed by the publication clock); the tag makes this process see it at once.
 */
export function refreshLaws(...lawIds: (number | string)[]) {
  for (const id of lawIds) revalidatePath(`/admin/laws/${id}`);
  revalidatePath("/admin/laws");
  updateTag(publicCacheTag);
}
