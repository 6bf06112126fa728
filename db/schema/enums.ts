import { pgEnum } from "drizzle-orm/pg-core";

export const roles = ["contributor", "editor", "admin"] as const;
export type Role = (typeof roles)[number];
export const roleEnum = pgEnum("role", roles);

export const lawStatuses = ["bill", "adopted", "in_force", "amended", "repealed"] as const;
export type LawStatus = (typeof lawStatuses)[number];
export const lawStatusEnum = pgEnum("law_status", lawStatuses);
