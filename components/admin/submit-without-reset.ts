"use client";

import { startTransition } from "react";

/**
 * React resets a form after its action runs, which would throw away what the user typed in rows
 * and fields the server sends no value back for. Long edit forms submit through this instead: the
 * form keeps its contents exactly, and only a success moves on.
 */
export function submitWithoutReset(dispatch: (form: FormData) => void) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(form));
  };
}
