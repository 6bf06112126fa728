export type PagePart = { id: string; label: string };

/**
 * An item's edit page: the form in the main column and, beside it from 1024 px, a sidebar that
 * stays in view (the item's status, its next moves and its comments). On phones the sidebar
 * comes first, under the title, so the status is not 4,000 px below the form's top.
 */
export function EditLayout({
  header,
  sidebar,
  parts,
  children,
}: {
  header: React.ReactNode;
  sidebar: React.ReactNode;
  /** The page's sections, listed in the sidebar to jump to. */
  parts?: PagePart[];
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-6">
      {header}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-8">
        <aside
          aria-label="Status and actions"
          className="space-y-4 lg:sticky lg:top-4 lg:col-start-2 lg:row-start-1 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
        >
          {parts && parts.length > 1 && <PartsNav parts={parts} />}
          {sidebar}
        </aside>
        <div className="min-w-0 space-y-8 lg:col-start-1 lg:row-start-1 [&_h2[id]]:scroll-mt-4">{children}</div>
      </div>
    </div>
  );
}

function PartsNav({ parts }: { parts: PagePart[] }) {
  return (
    <nav aria-label="On this page" className="rounded border border-rule bg-surface p-4 text-sm">
      <h2 className="text-xs font-bold uppercase tracking-widest">On this page</h2>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 lg:block lg:space-y-1">
        {parts.map((part) => (
          <li key={part.id}>
            <a href={`#${part.id}`}>{part.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
