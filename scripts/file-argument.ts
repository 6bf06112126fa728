import { parseArgs } from "node:util";

/**
 * The arguments of a command that takes one FILE and boolean flags: on a mistake, what is wrong and
 * the usage, exit 2; with --help, the usage, exit 0.
 */
export function readFileArgument(usage: string, flags: string[] = []): { file: string; flags: Set<string> } {
  const options = Object.fromEntries([...flags, "help"].map((flag) => [flag, { type: "boolean" as const }]));
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ options, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length !== 1) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  return { file: positionals[0]!, flags: new Set(Object.keys(values).filter((flag) => values[flag])) };
}
