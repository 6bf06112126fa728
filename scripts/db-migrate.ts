import { runCli } from "./cli";

// Opening the database applies every pending migration.
await runCli(async (database) => {
  console.log(`Migrations are applied to ${database.location}.`);
});
