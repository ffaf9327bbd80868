/**
 * Article body -> HTML for readers. The walking skeleton's body is plain text, paragraphs separated
 * by blank lines; every character is escaped, so nothing a writer types becomes markup. It is
 * rendered once, when a revision is saved, never per request.
 */
const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

export function bodyParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

export function renderBody(body: string): string {
  return bodyParagraphs(body)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** The body as one line of plain text, for excerpts and feeds. */
export function bodyText(body: string): string {
  return bodyParagraphs(body).join(" ");
}
