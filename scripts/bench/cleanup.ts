/**
 * Everything a benchmark made (servers, nginx, databases, folders) is undone in reverse order: on
 * success, on failure and on Ctrl-C.
 */
import { describeError } from "@/lib/describe-error";

const undo: { label: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | undefined;

export function onCleanup(label: string, run: () => Promise<void>): void {
  undo.push({ label, run });
}

export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (undo.length) {
      const step = undo.pop()!;
      await step
        .run()
        .catch((error: unknown) => console.error(`Cleanup (${step.label}) failed: ${describeError(error)}`));
    }
  })();
  return cleaning;
}

/** Ctrl-C and kill stop what was started before the process exits. */
export function cleanupOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the servers and removing what the benchmark made…`);
      void cleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  }
}
