/**
 * Runs once when the server starts, before it serves: fills the search index for articles
 * published without it (the seed, databases from before the index), then starts the scheduler
 * that publishes scheduled articles on time, the delivery of queued notifications, the deadline
 * reminders, and the email outbox's worker (when a mail server is configured).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ db }, { indexMissing }, { startScheduler }, { startNoticeDelivery }, { startOutboxWorker }, { startDeadlineReminders }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/articles/search-index"),
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
  startScheduler();
  startNoticeDelivery();
  startOutboxWorker();
  startDeadlineReminders();
}
