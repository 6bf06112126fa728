import Link from "next/link";

export default function Forbidden() {
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
