/** The placeholder shown while a page's data streams in. */
export function PageLoading({ label = "Loading…" }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4 py-2">
      <div className="h-8 w-48 rounded bg-rule" />
      <div className="h-4 w-80 max-w-full rounded bg-rule" />
      <div className="h-32 w-full rounded bg-surface-strong" />
      <span className="sr-only">{label}</span>
    </div>
  );
}
