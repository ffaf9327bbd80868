import type { DeskArticle } from "@/lib/articles/desk-queries";
import { formatDateTime } from "@/lib/time/format";
import { restoreRevisionAction, restoredRevisionNumber } from "@/lib/articles/revisions";
import { isWorkflowAction, statusLabels, transitions, type ArticleStatus } from "@/lib/articles/workflow";

type HistoryEvent = DeskArticle["history"][number];

/** The article's history, oldest first: who moved it where, when, and their note. */
export function ArticleHistory({ history, timeZone }: { history: DeskArticle["history"]; timeZone: string }) {
  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ol>
        {history.map((event) => {
          const restored = event.action === restoreRevisionAction ? restoredRevisionNumber(event.note) : null;
          return (
            <li key={event.id}>
              <time dateTime={event.at.toISOString()}>{formatDateTime(event.at, timeZone)}</time>{" "}
              <strong>{event.actorName}</strong> {describeEvent(event, restored)}
              {event.fromStatus && event.fromStatus !== event.toStatus
                ? ` (${statusLabels[event.fromStatus as ArticleStatus]} → ${statusLabels[event.toStatus as ArticleStatus]})`
                : null}
              {event.significant ? " — significant update" : null}
              {event.late ? <span className="late"> — late</span> : null}
              {event.note && restored === null ? <blockquote>{event.note}</blockquote> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const otherActions: Record<string, string> = {
  create: "created the article",
  "edited-after-approval": "edited it after approval",
  "edited-after-scheduling": "edited it after it was scheduled",
};

/** The history line in words: a workflow step, a restored revision, or the article's creation. */
function describeEvent(event: HistoryEvent, restored: number | null): string {
  if (isWorkflowAction(event.action)) return transitions[event.action].label.toLowerCase();
  if (event.action === restoreRevisionAction) {
    return restored === null ? "restored an earlier revision" : `restored revision ${restored}`;
  }
  return otherActions[event.action] ?? event.action;
}
