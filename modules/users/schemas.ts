import { z } from "zod";
import { roles } from "@/db/schema";
import { recordId, text } from "@/lib/validation";
import { passwordSchema } from "@/modules/auth/passwords";

export const emailSchema = text()
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(320, "That email address is too long.")
  .email("Enter a valid email address.");

export const roleSchema = z.enum(roles, { message: "Choose a role." });

export const createUserInput = z.object({
  email: emailSchema,
  name: text().trim().min(1, "Enter a display name.").max(120, "Use at most 120 characters."),
  role: roleSchema,
  // Given only by the command line; the admin pages generate one and show it once.
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const userIdInput = z.object({ userId: recordId });

export const changeRoleInput = userIdInput.extend({ role: roleSchema });

export const setActiveInput = userIdInput.extend({ active: z.boolean() });

export const listUsersInput = z.object({
  q: text().trim().max(200).optional().catch(undefined),
  // From a URL: an id no account can have starts from the first page.
  after: recordId.optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
