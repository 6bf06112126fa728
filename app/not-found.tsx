import Link from "next/link";
import { SearchForm } from "@/components/public/search-form";

export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-xl px-5 py-20 focus:outline-none">
      <h1 className="font-serif text-3xl">Page not found</h1>
      <p className="mt-3 text-muted">
        There is nothing at this address. It may have moved, or the link may be mistyped. A law that was withdrawn says
        so at its address.
      </p>
      <div className="mt-6">
        <SearchForm />
      </div>
      <ul className="mt-6 space-y-2">
        <li>
          <Link href="/laws" className="underline underline-offset-2">
            Browse every published law
          </Link>
          , by jurisdiction, year and topic
        </li>
        <li>
          <Link href="/" className="underline underline-offset-2">
            Go to the archive&apos;s home page
          </Link>
        </li>
      </ul>
    </main>
  );
}
