import { formatDateTime } from "@/lib/articles/dates";
import type { DeskArticle } from "@/lib/articles/desk-queries";
import { Countdown } from "./countdown";

/** When a scheduled article goes live, with a countdown; or that the scheduler published it late. */
export function ScheduleStatus({ article, timeZone }: { article: DeskArticle; timeZone: string }) {
  if (article.status === "scheduled" && article.scheduledFor) {
    return (
      <p className="schedule-status">
        Scheduled for{" "}
        <time dateTime={article.scheduledFor.toISOString()}>
          {formatDateTime(article.scheduledFor, timeZone)} ({timeZone})
        </time>
        . <Countdown until={article.scheduledFor.toISOString()} />
      </p>
    );
  }
  if (article.status === "published" && article.publishedLate) {
    return <p className="late">Published late: the server was not running at the scheduled time. See the history.</p>;
  }
  return null;
}
