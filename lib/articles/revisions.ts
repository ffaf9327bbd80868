/**
 * Rules about an article's revisions that the desk's screens and commands share: which two
 * revisions the compare screen shows, which revisions may be restored, and how a restore's note
 * (its history line, of kind "restore-revision" in history.ts) names the revision it brought back.
 */

export function restoreNote(revisionNumber: number): string {
  return `Restored revision ${revisionNumber}`;
}

/** The revision a restore line in the history brought back, or null when the note is not one. */
export function restoredRevisionNumber(note: string | null): number | null {
  const match = /^Restored revision (\d+)$/.exec(note ?? "");
  return match ? Number(match[1]) : null;
}

/** Only an older revision can be restored: restoring the current one would change nothing. */
export function isRestorable(revisionNumber: number, currentVersion: number): boolean {
  return revisionNumber >= 1 && revisionNumber < currentVersion;
}

/**
 * The two revisions to compare. Asked-for numbers are kept when such revisions exist; otherwise
 * the screen falls back to the previous revision against the current one (or the only revision
 * against itself).
 */
export function chooseComparison(
  existing: readonly number[],
  currentVersion: number,
  asked: { from?: number; to?: number },
): { from: number; to: number } {
  const exists = (number: number | undefined): number is number => number !== undefined && existing.includes(number);
  const to = exists(asked.to) ? asked.to : currentVersion;
  const previous = existing.filter((number) => number < to).reduce((max, number) => Math.max(max, number), 0);
  const from = exists(asked.from) ? asked.from : previous || to;
  return { from, to };
}
