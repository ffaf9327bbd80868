/** Runs once when the server starts: the scheduler that publishes scheduled articles on time. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("@/lib/articles/scheduler");
  startScheduler();
}
