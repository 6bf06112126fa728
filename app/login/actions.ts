"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { ThrottledSignIn, signIn } from "@/modules/auth/nextauth";
import { invalidCredentialsMessage, throttledMessage } from "@/modules/auth/sign-in";
import { loggable } from "@/lib/describe-error";
import { safeNextPath } from "./next-path";

export type SignInState = { error?: string; email?: string };

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: safeNextPath(form.get("next")),
    });
    return {};
  } catch (error) {
    // On success signIn throws Next's redirect, which must travel on.
    if (error instanceof ThrottledSignIn) return { email, error: throttledMessage(error.retryAfterSeconds) };
    if (error instanceof CredentialsSignin) return { email, error: invalidCredentialsMessage };
    if (error instanceof AuthError) {
      console.error("Sign-in failed:", loggable(error));
      return { email, error: "Signing in is not possible right now. Please try again in a moment." };
    }
    throw error;
  }
}
