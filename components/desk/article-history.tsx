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
            {describeAction(event.action)}
            {event.fromStatus ? ` (${statusLabels[event.fromStatus as ArticleStatus]} → ${statusLabels[event.toStatus as ArticleStatus]})` : null}
            {event.significant ? " — significant update" : null}
            {event.late ? <span className="late"> — late</span> : null}
            {event.note ? <blockquote>{event.note}</blockquote> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

const otherActions: Record<string, string> = {
  create: "created the article",
  "edited-after-approval": "edited it after approval",
};

function describeAction(action: string): string {
  if (isWorkflowAction(action)) return transitions[action].label.toLowerCase();
  return otherActions[action] ?? action;
}
