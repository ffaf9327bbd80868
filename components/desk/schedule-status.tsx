import { formatDateTime } from "@/lib/time/format";
import type { DeskArticle } from "@/lib/articles/desk-queries";
import { Countdown } from "./countdown";

/**
 * When a scheduled article goes live, with a countdown and a warning when it has been edited since
 * (the scheduled revision goes live, not the later edits); or how the scheduler published it late.
 */
export function ScheduleStatus({ article, timeZone }: { article: DeskArticle; timeZone: string }) {
  if (article.status === "scheduled" && article.scheduledFor) {
    const editedSince = article.scheduledVersion !== null && article.scheduledVersion !== article.version;
    return (
      <div className="schedule-status">
        <p>
          Scheduled for{" "}
          <time dateTime={article.scheduledFor.toISOString()}>
            {formatDateTime(article.scheduledFor, timeZone)} ({timeZone})
          </time>
          . <Countdown until={article.scheduledFor.toISOString()} />
        </p>
        {editedSince ? (
          <p className="warning" role="note">
            Edited since it was scheduled: revision {article.scheduledVersion} goes live at that time, not the later
            changes (revision {article.version}). To publish the newest text, schedule it again or publish it now.
          </p>
        ) : null}
      </div>
    );
  }
  if (article.status === "published" && article.publishedLate) {
    return <p className="late">{article.publishedLate}</p>;
  }
  return null;
}
