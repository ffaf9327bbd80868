/** How long a piece is, as the desk shows it while writing. */

/** Words in a text: runs of letters or digits, with apostrophes and hyphens inside a word. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Minutes to read at a steady 230 words a minute, never less than one for a non-empty text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230));
}

/** Search results show about this many characters of a title; social cards about the same. */
export const headlineDisplayLength = 70;

export function headlineHint(headline: string): string | null {
  const length = headline.trim().length;
  if (length <= headlineDisplayLength) return null;
  return `${length} characters: search results and social cards show about ${headlineDisplayLength}.`;
}
