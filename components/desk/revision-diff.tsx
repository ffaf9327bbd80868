import type { DiffSegment, TextDiff } from "@/lib/articles/revision-diff";

/**
 * One field's word-level changes between two revisions. Readable without colour: removed words are
 * struck through inside <del>, added ones underlined inside <ins>, and each says "removed:" or
 * "added:" to screen readers.
 */
export function RevisionDiff({ label, diff }: { label: string; diff: TextDiff }) {
  return (
    <section className="revision-diff" aria-label={label}>
      <h3>
        {label}
        {diff.changed ? null : <span className="hint"> (no changes)</span>}
      </h3>
      {diff.paragraphs.length === 0 ? <p className="empty">Empty in both revisions.</p> : null}
      {diff.paragraphs.map((paragraph, index) => (
        <p key={index}>
          {paragraph.map((segment, position) => (
            <Segment key={position} segment={segment} />
          ))}
        </p>
      ))}
    </section>
  );
}

function Segment({ segment }: { segment: DiffSegment }) {
  if (segment.change === "unchanged") return segment.text;
  const Mark = segment.change === "added" ? "ins" : "del";
  return (
    <Mark>
      <span className="visually-hidden">{segment.change}: </span>
      {segment.paragraphBreak ? (
        <>
          <span aria-hidden="true">¶</span>
          <span className="visually-hidden">paragraph break</span>
        </>
      ) : (
        segment.text
      )}
    </Mark>
  );
}
