"use client";

import { createContext, useContext } from "react";

const BaseRevision = createContext<number | null>(null);

/** The working revision the page was rendered from: every form inside saves against it. */
export function BaseRevisionProvider({ revision, children }: { revision: number; children: React.ReactNode }) {
  return <BaseRevision.Provider value={revision}>{children}</BaseRevision.Provider>;
}

/**
 * Names the revision a save is based on, so that a save made after someone else's is refused
 * rather than silently overwriting it. `override` is set only when the user chose, after a
 * conflict, to save their version over the newer one. Outside a provider (a new item) it is empty.
 */
export function BaseRevisionInput({ override }: { override?: number | null }) {
  const fromPage = useContext(BaseRevision);
  const revision = override ?? fromPage;
  return revision === null ? null : <input type="hidden" name="baseRevision" value={revision} />;
}
