"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Sends a reader who navigated to an old address inside the site on to its new one. */
export function FollowMove({ to }: { to: string }) {
  const router = useRouter();
  useEffect(() => router.replace(to), [router, to]);
  return null;
}
