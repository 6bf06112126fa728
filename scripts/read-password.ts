import readline from "node:readline";

/**
 * Reads a password from the terminal without echoing it (asked twice), or the first line of stdin
 * when stdin is not a terminal. Never from argv, where it would land in shell history and `ps`.
 */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await ask("Password (at least 12 characters): ");
  const second = await ask("Repeat the password: ");
  if (first !== second) {
    console.error("Error: the two passwords differ.");
    process.exit(1);
  }
  return first;
}

async function firstLineOfStdin(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) data += String(chunk);
  return data.split(/\r?\n/)[0] ?? "";
}

function ask(question: string): Promise<string> {
  const output = process.stdout;
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  // Print the question, then swallow the echo of what is typed.
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.startsWith(question)) write.call(rl, question);
  };
  // Ctrl-C at the prompt stops the command cleanly; nothing has been opened yet.
  rl.on("SIGINT", () => {
    rl.close();
    output.write("\n");
    process.exit(130);
  });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      output.write("\n");
      resolve(answer);
    });
  });
}
