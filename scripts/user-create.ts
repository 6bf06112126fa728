import { parseArgs } from "node:util";
import { commandLineActor } from "@/modules/auth/context";
import { ValidationError } from "@/lib/errors";
import { createUser } from "@/modules/users/create";
import { runCli } from "./cli";
import { readPassword } from "./read-password";

const usage =
  'Usage: npm run user:create -- --email someone@example.org --role admin|editor|contributor [--name "Display name"]';

function readArgs() {
  try {
    return parseArgs({
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        help: { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
}

const values = readArgs();
if (values.help || !values.email || !values.role) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const password = await readPassword();

await runCli(async ({ db }) => {
  try {
    const { user } = await createUser(
      { db, actor: commandLineActor },
      { email: values.email!, role: values.role, name: values.name ?? values.email!.split("@")[0]!, password },
    );
    console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
  } catch (error) {
    if (error instanceof ValidationError) {
      const details = Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
      throw new Error(details.join("; "));
    }
    throw error;
  }
});
