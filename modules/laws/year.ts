import type { LawSnapshot } from "./snapshot";
import { placeOnTimeline } from "./timeline-order";

/**
 * The year a law is known by in the index: when it was adopted, else signed, else the first dated
 * step of its history; null when no date is known. Pure: computed from a revision.
 */
export function lawYear(revision: Pick<LawSnapshot, "events">): number | null {
  const timeline = placeOnTimeline(revision.events);
  const dated = (kind?: string) => timeline.find((e) => e.date && (!kind || e.kind === kind))?.date;
  const date = dated("adopted") ?? dated("signed") ?? dated();
  return date ? Number(date.date.slice(0, 4)) : null;
}
