import { safeLocalPath } from "@/lib/safe-path";

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNextPath(value: unknown): string {
  return safeLocalPath(value, "/admin");
}
