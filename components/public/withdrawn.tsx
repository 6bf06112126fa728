import Link from "next/link";
import { statusMarker } from "@/lib/http/stored-page.mjs";

/**
 * What the address of a withdrawn law, article or entry shows. The page is stored whole like any
 * other; the marker has it stored as 410 Gone (lib/http/stored-page.mjs).
 */
export function Withdrawn({ noun, detail }: { noun: string; detail: string }) {
  return (
    <div className="max-w-2xl space-y-3">
      <meta name={statusMarker} content="410" />
      <h1 className="font-serif text-3xl">{`This ${noun} was withdrawn`}</h1>
      <p className="text-muted">{detail}</p>
      <p>
        <Link href="/">Back to the archive</Link>
      </p>
    </div>
  );
}
