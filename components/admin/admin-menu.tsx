"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { Destination } from "./command-palette";

/**
 * The admin's sections and the account's menu: in the header's row from 1280 px, behind a Menu
 * button below that. The menu closes once a section opens.
 */
export function AdminMenu({ links, account }: { links: Destination[]; account: React.ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  const current = (href: string) =>
    href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="admin-nav"
        onClick={() => setOpen(!open)}
        className="order-3 rounded border border-rule px-3 py-1 text-sm font-semibold hover:border-ink xl:hidden"
      >
        Menu
      </button>
      <nav
        id="admin-nav"
        aria-label="Admin"
        className={`${open ? "block" : "hidden"} order-4 basis-full text-sm font-semibold xl:order-2 xl:block xl:basis-auto`}
      >
        <ul className="grid grid-cols-2 gap-x-4 gap-y-1 py-2 sm:grid-cols-3 xl:flex xl:gap-x-2 xl:py-0">
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current(link.href) ? "page" : undefined}
                className="block whitespace-nowrap py-1 aria-[current=page]:text-ink aria-[current=page]:underline xl:py-0"
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div
        className={`${open ? "block" : "hidden"} order-5 basis-full pb-2 text-sm xl:order-4 xl:block xl:basis-auto xl:pb-0`}
      >
        {account}
      </div>
    </>
  );
}
