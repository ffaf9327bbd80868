import type { DeskArticle } from "@/lib/articles/desk-queries";
import { formatDateTime } from "@/lib/time/format";
import { describeEvent } from "@/lib/articles/history";
import { statusLabels, type ArticleStatus } from "@/lib/articles/workflow";

/** The article's history, oldest first: who moved it where, when, and their note. */
export function ArticleHistory({ history, timeZone }: { history: DeskArticle["history"]; timeZone: string }) {
  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ol>
        {history.map((event) => {
          const { says, note } = describeEvent(event);
          return (
            <li key={event.id} id={`event-${event.id}`}>
              <time dateTime={event.at.toISOString()}>{formatDateTime(event.at, timeZone)}</time>{" "}
              <strong>{event.actorName}</strong> {says}
              {event.fromStatus && event.fromStatus !== event.toStatus
                ? ` (${statusLabels[event.fromStatus as ArticleStatus]} → ${statusLabels[event.toStatus as ArticleStatus]})`
                : null}
              {event.significant ? " — significant update" : null}
              {event.late ? <span className="late"> — late</span> : null}
              {note ? <blockquote>{note}</blockquote> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
