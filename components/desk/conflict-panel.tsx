"use client";

import type { LatestVersion } from "@/lib/articles/desk-queries";
import { bodyPlainText } from "@/lib/render/document";

/**
 * Shown when a save was stale: someone saved a newer version first. The writer's text stays in
 * the form; here they see the newer one and choose: overwrite it, keep theirs as a copy, or load
 * the newer text and merge by hand with their own shown beside it.
 */
export function ConflictPanel({
  latest,
  mine,
  onOverwrite,
  onSaveCopy,
  onLoadTheirs,
  busy,
}: {
  latest: LatestVersion;
  mine: { headline: string; body: string } | null;
  onOverwrite: () => void;
  onSaveCopy: () => void;
  onLoadTheirs: () => void;
  busy: boolean;
}) {
  const savedAt = new Date(latest.savedAt);
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else saved a newer version</h2>
      <p>
        {latest.savedBy} saved revision {latest.version} at <time dateTime={savedAt.toISOString()}>{savedAt.toLocaleString()}</time>
        , after you opened this article. Nothing has been lost: {mine ? "your text is shown below" : "your text is still in the form"}.
      </p>
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
