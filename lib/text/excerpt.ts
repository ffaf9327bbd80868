import { htmlToText } from "./plain-text";

/** Short excerpts for lists and rails, cut at a word boundary and ended with an ellipsis. */
export function excerpt(text: string, maxLength = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(" ");
  const words = (lastSpace > 0 ? cut.slice(0, lastSpace) : flat.slice(0, maxLength)).replace(/[\s,;:.–—-]+$/, "");
  return `${words}…`;
}

/**
 * The excerpt of an HTML body, the same as `excerpt(htmlToText(html))`, reading only the markup
 * it needs: a card wants a long story's first sentence, and turning all of it into text cost a
 * search result page about 6 % of its render.
 */
export function htmlExcerpt(html: string, maxLength = 160): string {
  // Cut just after a tag's end, so no half tag or entity is left; text continues past the cut.
  const close = html.lastIndexOf(">", maxLength * 8);
  if (close > 0 && close + 1 < html.length) {
    const lead = html.slice(0, close + 1);
    const text = htmlToText(lead);
    // Enough text to decide the cut, and no script or style left open by it.
    if (text.length > maxLength + 1 && !/<(script|style)\b/i.test(lead)) return excerpt(text, maxLength);
  }
  return excerpt(htmlToText(html), maxLength);
}
