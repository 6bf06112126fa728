import { revalidatePath, updateTag } from "next/cache";
import { lawsCacheTag } from "@/modules/laws/public";

/**
 * After a law changes: its admin pages show the change, and the public pages cached under the
 * laws tag are recomputed on their next request.
 */
export function refreshLaws(...lawIds: (number | string)[]) {
  for (const id of lawIds) revalidatePath(`/admin/laws/${id}`);
  revalidatePath("/admin/laws");
  updateTag(lawsCacheTag);
}
