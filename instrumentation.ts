/** Runs once when the server starts: a bad environment stops start-up with a message naming the variable. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkServerConfigOrExit } = await import("@/lib/server/startup");
  checkServerConfigOrExit();
}
