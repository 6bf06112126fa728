"use server";

import { endCurrentSessions } from "@/modules/auth/session";
import { signOut } from "@/modules/auth/nextauth";

export async function signOutAction() {
  // Before next-auth deletes the cookie, so that a failure shows instead of leaving copies valid.
  await endCurrentSessions();
  await signOut({ redirectTo: "/login" });
}
