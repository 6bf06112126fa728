"use client";

import { useLayoutEffect, useRef, useState, type ComponentProps, type RefObject } from "react";
import { keptIslandHtml } from "@/lib/html-islands/store";

/*
 * A long stretch of server-made HTML (a law's text with its notes) that goes to the reader once.
 * Anything a server component renders is written twice into a page: as HTML, and again in the RSC
 * payload that React hydrates from and that client-side navigation fetches. For a law with 200
 * notes that was 334 KB of HTML and as much again of payload. An island's payload carries only a
 * key; its HTML reaches the server rendering through lib/html-islands/store.ts, and the browser:
 * - on a page load, keeps the HTML the server sent (hydration leaves an element's innerHTML as
 *   it found it);
 * - after client-side navigation, which brings only the payload, fetches the page it is on and
 *   takes its own element out of it.
 */

type Status = "ready" | "loading" | "failed";

// What client-side navigation fetched, so that going back to a page shows it at once.
const fetched = new Map<string, string>();
const fetchedLimit = 8;

function initialHtml(key: string): string {
  if (typeof window !== "undefined") return fetched.get(key) ?? "";
  const html = keptIslandHtml(key);
  if (html !== undefined) return html;
  // Failing the render keeps a page without its text out of every cache; the next reader renders
  // it anew. The development server also renders each page in a realm of its own (a check for
  // its overlay), which never sees the store: there the island comes out empty.
  if (process.env.NODE_ENV !== "production") return "";
  throw new Error(`The HTML of island ${key} was not kept for this render.`);
}

/** The island's HTML from the page at the current address, or null when that page no longer has it. */
async function fetchIsland(key: string, signal: AbortSignal): Promise<string | null> {
  const response = await fetch(window.location.pathname + window.location.search, { signal });
  if (!response.ok) throw new Error(`${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const html = page.querySelector(`[data-island="${CSS.escape(key)}"]`)?.innerHTML;
  if (html === undefined) return null;
  fetched.set(key, html);
  if (fetched.size > fetchedLimit) fetched.delete(fetched.keys().next().value!);
  return html;
}

export function HtmlIsland({
  htmlKey,
  ref,
  onReady,
  ...props
}: {
  htmlKey: string;
  ref?: RefObject<HTMLDivElement | null>;
  /** Called once the HTML is in place, for code that works on it. */
  onReady?: () => void;
} & Omit<ComponentProps<"div">, "children" | "dangerouslySetInnerHTML" | "ref">) {
  const [content, setContent] = useState(() => ({ key: htmlKey, html: initialHtml(htmlKey), fetched: false }));
  const current =
    content.key === htmlKey ? content : { key: htmlKey, html: fetched.get(htmlKey) ?? "", fetched: false };
  const [status, setStatus] = useState<Status>("ready");
  const own = useRef<HTMLDivElement>(null);
  const element = ref ?? own;
  const ready = useRef(onReady);
  useLayoutEffect(() => {
    ready.current = onReady;
  });

  const { html } = current;
  const settled = current.fetched;
  useLayoutEffect(() => {
    if (html !== "" || settled || element.current?.hasChildNodes()) {
      setStatus("ready");
      ready.current?.();
      return;
    }
    setStatus("loading");
    const abort = new AbortController();
    fetchIsland(htmlKey, abort.signal).then(
      (found) => {
        // The page changed since its payload was made: load it whole.
        if (found === null) window.location.reload();
        else setContent({ key: htmlKey, html: found, fetched: true });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        console.error("The text could not be loaded:", error);
        setStatus("failed");
      },
    );
    return () => abort.abort();
  }, [htmlKey, html, settled, element]);

  return (
    <>
      {status === "loading" && (
        <p role="status" className="text-muted">
          Loading the text…
        </p>
      )}
      {status === "failed" && (
        <p role="alert">
          The text could not be loaded. <a href="">Reload the page</a> to read it.
        </p>
      )}
      <div
        key={htmlKey}
        {...props}
        ref={element}
        data-island={htmlKey}
        // The browser keeps the HTML the server sent; the client has no copy of it to compare.
        suppressHydrationWarning
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </>
  );
}
