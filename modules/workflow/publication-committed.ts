import { describeError } from "@/lib/describe-error";
import { forgetPublicationVersion } from "@/modules/public/clock";
import { syncPageCache } from "@/modules/system/page-cache-sync";

/**
 * After a transaction that moved the publication clock commits: this instance shows the change at
 * once (the proxy's addresses, and the cached pages and reads it made stale); the others within a second.
 */
export function publicationCommitted(): void {
  forgetPublicationVersion();
  // Not awaited: a caller inside a transaction of its own (the demo seed) would wait on itself,
  // since the embedded database runs one statement at a time. The query is queued before the
  // caller answers, so the next request on this instance sees the change; the poller catches up.
  void syncPageCache().catch((error) => console.error(`Marginalia: cache sync failed: ${describeError(error)}`));
}
