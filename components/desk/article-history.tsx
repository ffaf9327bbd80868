import type { DeskArticle } from "@/lib/articles/desk-queries";
import { formatDateTime } from "@/lib/articles/dates";
import { isWorkflowAction, statusLabels, transitions, type ArticleStatus } from "@/lib/articles/workflow";

/** The article's history, oldest first: who moved it where, when, and their note. */
export function ArticleHistory({ history, timeZone }: { history: DeskArticle["history"]; timeZone: string }) {
  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ol>
        {history.map((event) => (
          <li key={event.id}>
            <time dateTime={event.at.toISOString()}>{formatDateTime(event.at, timeZone)}</time>{" "}
            <strong>{event.actorName}</strong>{" "}
            {isWorkflowAction(event.action) ? transitions[event.action].label.toLowerCase() : "created the article"}
            {event.fromStatus ? ` (${statusLabels[event.fromStatus as ArticleStatus]} → ${statusLabels[event.toStatus as ArticleStatus]})` : null}
            {event.significant ? " — significant update" : null}
            {event.note ? <blockquote>{event.note}</blockquote> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
