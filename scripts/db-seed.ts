import { ensureFirstAdmin, firstAdminBanner, seedDemoContent } from "@/db/seed";
import { env } from "@/env";
import { runCli } from "./cli";

await runCli(async ({ db, location }) => {
  const { lawsAdded } = await seedDemoContent(db);
  console.log(`Demo content loaded into ${location}: ${lawsAdded} new law(s); existing rows were left as they were.`);
  const admin = await ensureFirstAdmin(db, { email: env().ADMIN_EMAIL, password: env().SEED_ADMIN_PASSWORD });
  if (admin) console.log(firstAdminBanner(admin));
});
