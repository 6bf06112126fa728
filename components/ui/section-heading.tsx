/** A section's heading on public pages: small capitals over a rule, as on a law's page. */
export function SectionHeading({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <h2 id={id} className="mb-4 border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">
      {children}
    </h2>
  );
}
