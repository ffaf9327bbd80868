/**
 * Readable plain text from an article body's sanitized HTML, for excerpts and the search index.
 * Reading the HTML rather than the stored document keeps this independent of how bodies are
 * written (plain text in old rows, the editor's structured document in new ones).
 */
const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

function decodeEntity(match: string, name: string): string {
  if (name.startsWith("#x") || name.startsWith("#X")) return safeCodePoint(parseInt(name.slice(2), 16)) ?? match;
  if (name.startsWith("#")) return safeCodePoint(parseInt(name.slice(1), 10)) ?? match;
  return entities[name] ?? match;
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
    // Blocks and breaks separate words; inline marks (<em>, <a>…) do not.
    .replace(/<\/?(p|div|br|hr|h[1-6]|li|ul|ol|blockquote|figure|figcaption|pre|table|tr|td|th)\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#?[a-zA-Z0-9]+);/g, decodeEntity)
    .replace(/\s+/g, " ")
    .trim();
}
