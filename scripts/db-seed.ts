import { env } from "@/env";
import { firstAdminBanner, seed } from "@/modules/system/seed";
import { runCli } from "./cli";

await runCli(async ({ db, location }) => {
  const { lawsAdded, admin } = await seed(db, {
    adminEmail: env().ADMIN_EMAIL,
    adminPassword: env().SEED_ADMIN_PASSWORD,
  });
  console.log(`Demo content loaded into ${location}: ${lawsAdded} new law(s); existing rows were left as they were.`);
  if (admin) console.log(firstAdminBanner(admin));
});
