import { roles, type Role } from "@/modules/auth/permissions";

const labels: Record<Role, string> = {
  contributor: "Contributor: drafts and submits",
  editor: "Editor: reviews and publishes",
  admin: "Admin: everything, and accounts",
};

export const roleOptions = roles.map((value) => ({ value, label: labels[value] }));
