"use client";

import { formatDateTime } from "@/lib/time/format";
import type { LatestVersion } from "@/lib/articles/desk-queries";
import { diffText } from "@/lib/articles/revision-diff";
import { bodyPlainText } from "@/lib/render/document";
import { RevisionDiff } from "./revision-diff";

/**
 * Shown when a save was stale: someone saved a newer version first. The writer's text stays in
 * the form; here they see the newer one and choose: overwrite it, keep theirs as a copy, or load
 * the newer text and merge by hand with their own shown beside it.
 */
type ArticleText = { headline: string; standfirst: string; body: string };

export function ConflictPanel({
  latest,
  mine,
  yours,
  timeZone,
  onOverwrite,
  onSaveCopy,
  onLoadTheirs,
  busy,
}: {
  latest: LatestVersion;
  /** The writer's own text, set aside while they merge into theirs. */
  mine: ArticleText | null;
  /** The writer's text as it stands: their unsaved version, or the merge in progress. */
  yours: ArticleText;
  timeZone: string;
  onOverwrite: () => void;
  onSaveCopy: () => void;
  onLoadTheirs: () => void;
  busy: boolean;
}) {
  const savedAt = new Date(latest.savedAt);
  const fields = [
    { label: "Headline", theirs: latest.headline, yours: yours.headline },
    { label: "Standfirst", theirs: latest.standfirst, yours: yours.standfirst },
    { label: "Body", theirs: bodyPlainText(latest.body), yours: bodyPlainText(yours.body) },
  ];
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else saved a newer version</h2>
      <p>
        {latest.savedBy} saved revision {latest.version} at{" "}
        <time dateTime={savedAt.toISOString()}>
          {formatDateTime(savedAt, timeZone)} ({timeZone})
        </time>
        , after you opened this article. Nothing has been lost: {mine ? "your text is shown below" : "your text is still in the form"}.
      </p>
      <details className="conflict-diff" open>
        <summary>What differs from their version to {mine ? "the text in the form" : "yours"}</summary>
        {fields.map((field) => (
          <RevisionDiff key={field.label} label={field.label} diff={diffText(field.theirs, field.yours)} />
        ))}
      </details>
      <h3>Their version</h3>
      <p>
        <strong>{latest.headline}</strong>
      </p>
      <pre aria-label="Their version of the body">{bodyPlainText(latest.body)}</pre>
      {mine ? (
        <>
          <h3>Your version</h3>
          <p>
            <strong>{mine.headline}</strong>
          </p>
          <pre aria-label="Your version of the body">{bodyPlainText(mine.body)}</pre>
        </>
      ) : null}
      <div className="button-row">
        {mine ? null : (
          <>
            <button type="button" className="button" disabled={busy} onClick={onLoadTheirs}>
              Load their version to merge
            </button>
            <button type="button" className="button" disabled={busy} onClick={onSaveCopy}>
              Save mine as a copy
            </button>
            <button type="button" className="button primary" disabled={busy} onClick={onOverwrite}>
              Overwrite with my version
            </button>
          </>
        )}
      </div>
    </section>
  );
}
