import { handlers } from "@/modules/auth/nextauth";

export const { GET, POST } = handlers;
