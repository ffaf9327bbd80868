/**
 * Runs once when the server starts, before it serves: fills the search index for articles
 * published without it (the seed, databases from before the index), on PostgreSQL reads that
 * index into the database's memory in the background, then starts the scheduler
 * that publishes scheduled articles on time, the delivery of queued notifications, the deadline
 * reminders, and the email outbox's worker (when a mail server is configured).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ db }, { indexMissing }, { warmSearchIndex, describeWarmUp }, { databaseProvider }, { errorSummary }, { startScheduler }, { startNoticeDelivery }, { startOutboxWorker }, { startDeadlineReminders }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/articles/search-index"),
    import("@/lib/articles/search-warm-up"),
    import("@/lib/database-url"),
    import("@/lib/errors"),
    import("@/lib/articles/scheduler"),
    import("@/lib/notifications/queue"),
    import("@/lib/notifications/outbox"),
    import("@/lib/notifications/deadlines"),
  ]);
  // A failure here must not keep the newspaper from serving: search misses those articles until
  // the next start, and the log says so.
  try {
    const indexed = await indexMissing(db);
    if (indexed > 0) console.log(`Search index: added ${indexed} published article${indexed === 1 ? "" : "s"}.`);
  } catch (error) {
    console.error("Search index: filling in missing articles failed:", error);
  }
  // PostgreSQL: what readers' search reads, into the database's memory, in the background; once per
  // machine's server (its first process), as the others would find it there already.
  if (databaseProvider() === "postgresql" && (process.env.NEWSDESK_PROCESS ?? "1") === "1") {
    warmSearchIndex(db).then(
      (result) => console.log(describeWarmUp(result)),
      (error: unknown) => console.error(`Search index: reading it into memory failed (${errorSummary(error)}).`),
    );
  }
  startScheduler();
  startNoticeDelivery();
  startOutboxWorker();
  startDeadlineReminders();
}
