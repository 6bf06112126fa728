import type { CreateField } from "@/components/admin/entity-picker";
import { lawStatusOptions } from "@/modules/laws/labels";

/** What a law created from a picker needs besides its title. */
export function lawCreateFields(jurisdictions: readonly { value: string; label: string }[]): CreateField[] {
  return [
    { name: "jurisdictionCode", label: "Jurisdiction", options: jurisdictions },
    { name: "status", label: "Status", options: lawStatusOptions },
  ];
}
