"use server";

import { endSessions } from "@/modules/auth/sign-out";
import { requestContext } from "@/modules/auth/session";
import { signOut } from "@/modules/auth/nextauth";

export async function signOutAction() {
  await endSessions(await requestContext());
  await signOut({ redirectTo: "/login" });
}
