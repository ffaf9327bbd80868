import type { DeskArticleNote } from "@/lib/articles/desk-queries";
import { formatDateTime } from "@/lib/time/format";
import { AddNoteForm } from "./add-note-form";

/** The newsroom's internal notes on an article, oldest first. Desk only: never in public output. */
export function ArticleNotes({
  articleId,
  notes,
  timeZone,
}: {
  articleId: string;
  notes: DeskArticleNote[];
  timeZone: string;
}) {
  return (
    <section className="article-notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      <p className="hint">Internal: seen only in the desk, never by readers.</p>
      {notes.length === 0 ? (
        <p className="empty">No notes yet.</p>
      ) : (
        <ol>
          {notes.map((note) => (
            <li key={note.id} id={`note-${note.id}`}>
              <p className="note-meta">
                <strong>{note.authorName}</strong>{" "}
                <time dateTime={note.at.toISOString()}>{formatDateTime(note.at, timeZone)}</time>
              </p>
              <p className="note-body">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <AddNoteForm articleId={articleId} />
    </section>
  );
}
