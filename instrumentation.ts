/**
 * Runs once when the server starts, before it serves: fills the search index for articles
 * published without it (the seed, databases from before the index), then starts the scheduler
 * that publishes scheduled articles on time.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ db }, { indexMissing }, { startScheduler }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/articles/search-index"),
    import("@/lib/articles/scheduler"),
  ]);
  const indexed = await indexMissing(db);
  if (indexed > 0) console.log(`Search index: added ${indexed} published article${indexed === 1 ? "" : "s"}.`);
  startScheduler();
}
