import { revalidatePath } from "next/cache";

/**
 * After a law changes: its admin pages show the change. Public pages change only when something is
 * published, which expires them itself (modules/workflow/publication-clock.ts): a draft save expires nothing.
 */
export function refreshLaws(...lawIds: (number | string)[]) {
  for (const id of lawIds) revalidatePath(`/admin/laws/${id}`);
  revalidatePath("/admin/laws");
}
