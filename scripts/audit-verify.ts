import { verifyAuditChain } from "@/modules/audit/verify";
import { runCli } from "./cli";

await runCli(async ({ db, location }) => {
  const report = await verifyAuditChain(db);
  if (report.ok) {
    console.log(`The audit log in ${location} is intact: ${report.rows} rows, each chained to the one before.`);
    return;
  }
  const { id, action, at, reason } = report.brokenAt;
  console.error(
    `The audit log is broken at row ${id} (${action}, ${at.toISOString()}): ${reason}. The ${report.rows} rows before it are intact.`,
  );
  process.exitCode = 1;
});
