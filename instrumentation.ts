export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootOrExit } = await import("./modules/system/boot");
  await bootOrExit();
}
