import Link from "next/link";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-rule">
        <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-x-4 gap-y-2 px-5 py-4">
          <Link href="/" className="font-serif text-2xl font-bold tracking-tight text-ink no-underline">
            Marginalia
          </Link>
          <nav aria-label="Site" className="flex gap-4 whitespace-nowrap text-sm font-semibold sm:gap-5 print:hidden">
            <Link href="/laws">Laws</Link>
            <Link href="/articles">Articles</Link>
            <Link href="/search">Search</Link>
            <Link href="/login">Sign in</Link>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-5 py-10 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-rule">
        <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-x-6 gap-y-2 px-5 py-6 text-sm text-muted">
          <p>Marginalia records laws and what is written about them; it does not endorse the views it archives.</p>
          <Link href="/api-docs">Read API</Link>
        </div>
      </footer>
    </div>
  );
}
