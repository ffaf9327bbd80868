/**
 * How the desk names an article that has no headline yet: "Untitled draft" (the lists add its
 * opening words, desk-queries.ts, so the writer can find it again).
 */
export const untitledDraft = "Untitled draft";

/** The headline, or "Untitled draft". */
export function deskHeadline(headline: string): string {
  return headline.trim() || untitledDraft;
}
