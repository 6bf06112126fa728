import Link from "next/link";
import { statusMarker } from "@/lib/http/stored-page.mjs";
import { FollowMove } from "./follow-move";

/**
 * What an old address (an earlier slug, an item merged into another) shows: a permanent redirect.
 * The page is stored whole; the marker has it stored as 308 with the new address as its Location
 * (lib/http/stored-page.mjs). A reader who arrives by a client-side navigation is sent on too.
 */
export function Moved({ to }: { to: string }) {
  return (
    <div className="max-w-2xl space-y-3">
      <meta name={statusMarker} content={`308 ${to}`} />
      <h1 className="font-serif text-3xl">This page has moved</h1>
      <p>
        It is now at <Link href={to}>{to}</Link>.
      </p>
      <FollowMove to={to} />
    </div>
  );
}
