import Link from "next/link";
import type { AuditLogEntry } from "@/modules/audit/list";
import { historyHref, targetHref } from "./target-link";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { timeStyle: "medium", timeZone: "UTC" });

const cell = "px-3 py-2 align-top";

/**
 * The entries as a table. On a narrow screen the table keeps its columns and scrolls sideways
 * inside its frame, which takes keyboard focus so that it can be scrolled without a mouse.
 */
export function AuditTable({ entries }: { entries: AuditLogEntry[] }) {
  return (
    <div
      role="region"
      aria-label="Audit log entries (scrolls sideways on narrow screens)"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-rule bg-surface focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-accent"
    >
      <table className="w-full min-w-[60rem] text-left text-sm">
        <thead className="border-b border-rule bg-surface-muted text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className={cell}>
              Time (UTC)
            </th>
            <th scope="col" className={cell}>
              Actor
            </th>
            <th scope="col" className={cell}>
              Action
            </th>
            <th scope="col" className={cell}>
              Target
            </th>
            <th scope="col" className={cell}>
              Revision
            </th>
            <th scope="col" className={cell}>
              IP
            </th>
            <th scope="col" className={cell}>
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-rule">
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditRow({ entry }: { entry: AuditLogEntry }) {
  const href = targetHref(entry.targetType, entry.targetId);
  const target = `${entry.targetType} ${entry.targetId}`;
  return (
    <tr data-testid={`audit-row-${entry.id}`}>
      <td className={`${cell} whitespace-nowrap tabular-nums`}>
        <time dateTime={entry.at.toISOString()}>
          <span className="block">{dateFormat.format(entry.at)}</span>
          <span className="block">{timeFormat.format(entry.at)}</span>
        </time>
        <div className="text-xs text-muted">#{entry.id}</div>
      </td>
      <td className={cell}>
        <div className="w-40 wrap-anywhere">
          {entry.actorId !== null ? (
            <Link href={`/admin/audit?actor=${entry.actorId}`} prefetch={false} title="Entries by this account">
              <ActorLabel label={entry.actorLabel} />
            </Link>
          ) : (
            <span className="text-muted">
              <ActorLabel label={entry.actorLabel} />
            </span>
          )}
        </div>
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        <code className="rounded bg-surface-strong px-1 text-[0.85em]">{entry.action}</code>
      </td>
      <td className={cell}>
        <div className="w-36 wrap-anywhere">{href ? <Link href={href}>{target}</Link> : target}</div>
        <div className="text-xs">
          <Link
            href={historyHref(entry.targetType, entry.targetId)}
            prefetch={false}
            aria-label={`History of ${target}`}
          >
            History
          </Link>
        </div>
      </td>
      <td className={`${cell} whitespace-nowrap font-mono text-xs`}>
        {entry.beforeRevision || entry.afterRevision ? (
          <>
            {entry.beforeRevision ?? "—"} <span aria-hidden="true">→</span>
            <span className="sr-only">to</span> {entry.afterRevision ?? "—"}
          </>
        ) : (
          <span className="text-muted">—</span>
        )}
      </td>
      <td className={`${cell} font-mono text-xs`}>
        {/* An IPv6 address can be 39 characters long: it wraps rather than widening the table. */}
        <div className="w-28 break-all">{entry.ip ?? <span className="text-muted">—</span>}</div>
      </td>
      <td className={cell}>
        <Details details={entry.details} />
      </td>
    </tr>
  );
}

/**
 * "Name <email>", as record.ts writes it, on two lines: the name, then the email smaller. The
 * operator at the command line has no email ("Command line <command line>"): the name says it all.
 */
function ActorLabel({ label }: { label: string }) {
  const match = /^(.*) <(.*)>$/.exec(label);
  if (!match) return label;
  if (match[2] === "command line") return match[1];
  return (
    <>
      {match[1]}
      <span className="block text-xs">&lt;{match[2]}&gt;</span>
    </>
  );
}

/** One line of key: value pairs; the whole JSON when opened. */
function Details({ details }: { details: Record<string, unknown> }) {
  const pairs = Object.entries(details);
  if (pairs.length === 0) return <span className="text-muted">—</span>;
  const line = pairs
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");
  // The width is set here: a table cell's own max-width does not stop a long line widening it.
  return (
    <details className="group w-52">
      <summary className="cursor-pointer truncate text-xs group-open:whitespace-normal">{line}</summary>
      <pre className="mt-2 whitespace-pre-wrap wrap-anywhere rounded bg-surface-strong p-2 text-xs">
        {JSON.stringify(details, null, 2)}
      </pre>
    </details>
  );
}
