import type { Role, User } from "@/db/schema";

/** A user as pages may see one: never the password hash or session version. */
export type UserSummary = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
};

export function toUserSummary(user: User): UserSummary {
  const { id, email, name, role, active, createdAt, lastSignInAt } = user;
  return { id, email, name, role, active, createdAt, lastSignInAt };
}
