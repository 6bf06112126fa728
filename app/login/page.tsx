import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { LoginForm } from "./login-form";
import { safeNextPath } from "./next-path";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12 focus:outline-none"
    >
      <Link href="/" className="font-serif text-3xl font-bold text-ink no-underline">
        Marginalia
      </Link>
      <h1 className="mt-8 font-serif text-2xl">Sign in to edit the archive</h1>
      <p className="mt-2 text-sm text-muted">For contributors, editors and administrators. Readers need no account.</p>
      <div className="mt-8 rounded-lg border border-rule bg-surface p-6 shadow-sm">
        <Suspense fallback={<p className="text-sm text-muted">Loading the sign-in form…</p>}>
          <FormWithTarget searchParams={searchParams} />
        </Suspense>
      </div>
    </main>
  );
}

async function FormWithTarget({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return <LoginForm next={safeNextPath(next)} />;
}
