/**
 * Which link addresses a story may carry: web pages, e-mail addresses and our own pages. Anything
 * else (`javascript:`, `data:`, `vbscript:`, `file:` …) is refused, however it is spelled.
 */
const allowedSchemes = new Set(["http:", "https:", "mailto:"]);

export function isSafeHref(href: string): boolean {
  const value = href.trim();
  if (!value) return false;
  // A path on this site ("/opinion", "#notes"), but not a protocol-relative address ("//host").
  if ((value.startsWith("/") && !value.startsWith("//")) || value.startsWith("#")) return true;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): so do we.
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  let url: URL;
  try {
    url = new URL(compact);
  } catch {
    return false;
  }
  return allowedSchemes.has(url.protocol);
}

export const unsafeLinkMessage = "Links must be web addresses (http:// or https://) or e-mail addresses (mailto:).";
