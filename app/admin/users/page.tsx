import type { Metadata } from "next";
import Link from "next/link";
import { listUsers } from "@/modules/users/list";
import { pageContext } from "../guard";
import { CreateUserForm } from "./create-user-form";
import { UserRowActions } from "./user-row-actions";

export const metadata: Metadata = { title: "Users" };

type Search = { q?: string; after?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await pageContext("users.read", "/admin/users");
  const { q, after } = await searchParams;
  const page = await listUsers(ctx, { q, after });
  const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

  return (
    <div className="space-y-10">
      <h1 className="font-serif text-3xl">Users</h1>

      <section aria-labelledby="create-heading" className="rounded-lg border border-rule bg-surface p-6">
        <h2 id="create-heading" className="font-serif text-xl">
          Create an account
        </h2>
        <p className="mb-4 mt-1 text-sm text-muted">A password is generated and shown once, for you to hand over.</p>
        <CreateUserForm />
      </section>

      <section aria-labelledby="list-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h2 id="list-heading" className="font-serif text-xl">
            Accounts
          </h2>
          <form role="search" className="flex gap-2">
            <label htmlFor="user-search" className="sr-only">
              Search by name or email
            </label>
            <input
              id="user-search"
              name="q"
              defaultValue={q}
              placeholder="Name or email"
              className="rounded border border-rule bg-surface px-3 py-1.5 text-sm"
            />
            <button type="submit" className="rounded border border-rule bg-surface px-3 py-1.5 text-sm font-semibold">
              Search
            </button>
          </form>
        </div>

        {page.users.length === 0 ? (
          <p className="rounded border border-dashed border-rule p-6 text-center text-muted">
            {q ? `No account matches “${q}”.` : "No accounts yet."}
          </p>
        ) : (
          <div className="rounded-lg border border-rule bg-surface">
            {/* Below the sm breakpoint each row stacks into a card; the cells carry their own labels. */}
            <table className="w-full text-left text-sm">
              <thead className="hidden border-b border-rule bg-surface-muted text-xs uppercase tracking-wide text-muted sm:table-header-group">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    Name and email
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Last sign-in
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Actions
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.users.map((user) => (
                  <tr
                    key={user.id}
                    className="block border-b border-rule px-4 py-3 align-top last:border-0 sm:table-row sm:p-0"
                    data-testid={`user-row-${user.email}`}
                  >
                    <td className="block sm:table-cell sm:px-4 sm:py-3">
                      <div className="font-semibold">{user.name}</div>
                      <div className="break-all text-muted">{user.email}</div>
                    </td>
                    <td className="block sm:table-cell sm:px-4 sm:py-3">
                      <span className="sm:hidden">Status: </span>
                      {user.active ? "Active" : <span className="font-semibold text-danger">Deactivated</span>}
                    </td>
                    <td className="block text-muted sm:table-cell sm:px-4 sm:py-3">
                      <span className="sm:hidden">Last sign-in: </span>
                      {user.lastSignInAt ? `${dateFormat.format(user.lastSignInAt)} UTC` : "Never"}
                    </td>
                    <td className="mt-2 block sm:mt-0 sm:table-cell sm:px-4 sm:py-3">
                      <UserRowActions
                        userId={user.id}
                        email={user.email}
                        role={user.role}
                        active={user.active}
                        isSelf={user.id === ctx.actor.id}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {after && <Link href={`/admin/users${q ? `?q=${encodeURIComponent(q)}` : ""}`}>First page</Link>}
          {page.nextAfter && (
            <Link href={`/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), after: String(page.nextAfter) })}`}>
              Next page
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
