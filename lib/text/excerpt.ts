/** Short excerpts for lists and rails, cut at a word boundary and ended with an ellipsis. */
export function excerpt(text: string, maxLength = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(" ");
  const words = (lastSpace > 0 ? cut.slice(0, lastSpace) : flat.slice(0, maxLength)).replace(/[\s,;:.–—-]+$/, "");
  return `${words}…`;
}
