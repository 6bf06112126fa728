import { parseArgs } from "node:util";

/**
 * The arguments of a command that takes one FILE, boolean flags and options with a value: on a
 * mistake, what is wrong and the usage, exit 2; with --help, the usage, exit 0.
 */
export function readFileArgument(
  usage: string,
  flags: string[] = [],
  valued: string[] = [],
): { file: string; flags: Set<string>; values: Record<string, string> } {
  const options: Record<string, { type: "boolean" | "string" }> = Object.fromEntries([
    ...[...flags, "help"].map((flag) => [flag, { type: "boolean" as const }]),
    ...valued.map((name) => [name, { type: "string" as const }]),
  ]);
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ options, allowPositionals: true, strict: true }) as {
      values: Record<string, string | boolean | undefined>;
      positionals: string[];
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  if (values.help || positionals.length !== 1) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  return {
    file: positionals[0]!,
    flags: new Set(Object.keys(values).filter((flag) => values[flag] === true)),
    values: Object.fromEntries(
      Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    ),
  };
}
