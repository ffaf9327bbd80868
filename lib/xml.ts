/**
 * Text made safe for XML 1.0, for the feeds and sitemaps we write by hand. Every value goes into an
 * element or attribute as escaped text, never into CDATA (a `]]>` inside CDATA ends it, and a
 * library that escapes only the first one let a headline inject elements into the feed), and the
 * characters XML 1.0 forbids (most control characters, lone surrogates, U+FFFE and U+FFFF) are
 * dropped, since no escape makes them legal and one of them makes the whole document unreadable.
 */
const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function xmlText(text: string): string {
  return text.replace(forbidden, "").replace(/[&<>"']/g, (char) => escapes[char]!);
}
