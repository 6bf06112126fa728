"use client";

import Link from "next/link";
import { SearchForm } from "@/components/public/search-form";

// The bodies of the answers any page may give instead of itself (not found, forbidden,
// unauthorized). Next writes each fallback's whole tree into every page's inline RSC payload,
// twice; as client components they are written there as a reference of a few bytes each
// (measured on the law page: 11.8 KB of its 35 KB payload were these trees).

export function NotFoundBody() {
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

export function ForbiddenBody() {
  return (
    <div className="mx-auto max-w-xl py-12" data-testid="forbidden">
      <h1 className="font-serif text-3xl">You do not have access to this page</h1>
      <p className="mt-3 text-muted">
        Your role does not include this part of the admin. If you need it, ask an administrator.
      </p>
      <p className="mt-6">
        <Link href="/admin">Back to the dashboard</Link>
      </p>
    </div>
  );
}

export function UnauthorizedBody() {
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="font-serif text-3xl">Please sign in</h1>
      <p className="mt-3 text-muted">This page is for the archive&apos;s editors.</p>
      <p className="mt-6">
        <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
