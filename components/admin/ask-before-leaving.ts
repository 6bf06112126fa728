"use client";

import { useEffect } from "react";

const question = "This form has changes that are not saved. Leave without saving them?";

/** The part of the Navigation API used here, which TypeScript's DOM types do not carry yet. */
type NavigateEvent = Event & { navigationType: string; destination: { url: string } };
type Navigation = {
  addEventListener(type: "navigate", listener: (event: NavigateEvent) => void): void;
  removeEventListener(type: "navigate", listener: (event: NavigateEvent) => void): void;
};

/**
 * While `changed()` is true, leaving the page asks first: by a link in the app, by the browser's
 * Back or Forward to a page of the app, by a reload, by closing the tab or by going to another
 * site. A link that opens a new tab or only moves to a part of this page (`#id`) does not ask.
 * `changed` must keep its identity: the listeners are set up once.
 */
export function useAskBeforeLeaving(changed: () => boolean) {
  useEffect(() => {
    const page = withoutHash(window.location.href);
    const onThisPage = (href: string) => withoutHash(href) === page;

    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!changed()) return;
      event.preventDefault();
      event.returnValue = "";
    };

    // Links inside the app navigate without unloading the page: ask before they go.
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey) return;
      if (link.target === "_blank" || (new URL(link.href).hash !== "" && onThisPage(link.href))) return;
      if (!changed() || window.confirm(question)) return;
      event.preventDefault();
      event.stopPropagation();
    };

    // Back and Forward between pages of the app change the address, then the router renders the
    // page found there, again without unloading. The Navigation API announces the move before it
    // is made and lets the page call it off, so nothing is rendered and no history entry changes.
    // Browsers let a page call off a Back pressed in their toolbar once per interaction with the
    // page: pressed again straight after staying, Back is not cancelable and leaves.
    const traverse = (event: NavigateEvent) => {
      if (event.navigationType !== "traverse" || !event.cancelable || onThisPage(event.destination.url)) return;
      if (!changed() || window.confirm(question)) return;
      event.preventDefault();
    };
    const navigation = (window as Window & { navigation?: Navigation }).navigation;

    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    navigation?.addEventListener("navigate", traverse);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
      navigation?.removeEventListener("navigate", traverse);
    };
  }, [changed]);
}

function withoutHash(href: string): string {
  const url = new URL(href, window.location.href);
  url.hash = "";
  return url.href;
}
