"use server";

import { signOut } from "@/modules/auth/nextauth";

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
