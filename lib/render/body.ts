/**
 * Article body -> HTML for readers, rendered once when a revision is saved, never per request.
 *
 * Two steps: the editor's document is serialized by Tiptap with the same extensions the editor uses
 * (lib/render/document.ts), then a sanitizer with an allow-list stands between that HTML and
 * readers. Even if a crafted request smuggles markup or an address into the document, only the
 * tags, attributes, classes and schemes listed here reach a page.
 */
import { generateHTML } from "@tiptap/html/server";
import sanitizeHtml from "sanitize-html";
import { videoFrameOrigin } from "./embeds";
import { bodyExtensions, bodyPlainText, isStructuredBody, parseBody, srcsetAddresses } from "./document";

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "h2", "h3", "strong", "em", "a", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "iframe", "span"],
  allowedAttributes: {
    a: ["href", "rel"],
    img: ["src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"],
    iframe: ["src", "title", "width", "height", "loading", "allow", "referrerpolicy", "sandbox"],
    figure: ["class", "data-url", "data-media-id"],
    blockquote: ["class"],
    span: ["class"],
    ol: ["start"],
  },
  allowedClasses: {
    figure: ["inline-image", "embed", "embed-youtube", "embed-x", "embed-link"],
    blockquote: ["pull-quote"],
    span: ["caption", "credit", "embed-label", "embed-host"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  // Images come from our own media library only; frames only from the privacy-enhanced video host.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  allowedIframeHostnames: [new URL(videoFrameOrigin).hostname],
  allowIframeRelativeUrls: false,
  exclusiveFilter: (frame) =>
    (frame.tag === "img" && !String(frame.attribs.src ?? "").startsWith("/media/")) ||
    (frame.tag === "iframe" && !frame.attribs.src),
  transformTags: {
    // Saves rebuild srcset from the library (working-copy.ts); a document saved before that, or one
    // that slipped past, still never makes readers load another site's image: its srcset goes.
    img: (tagName, attribs) => {
      const foreign = srcsetAddresses(attribs.srcset ?? "").some((address) => !address.startsWith("/media/") || address.startsWith("//"));
      if (!foreign) return { tagName, attribs };
      const kept = { ...attribs };
      delete kept.srcset;
      delete kept.sizes;
      return { tagName, attribs: kept };
    },
    a: (tagName, attribs) => {
      const href = attribs.href ?? "";
      const kept: sanitizeHtml.Attributes = href.startsWith("/") ? { href } : { href, rel: "noopener noreferrer" };
      return { tagName, attribs: kept };
    },
  },
};

/** The allow-list pass on its own, for anything that is already HTML. */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

export function renderBody(body: string): string {
  if (!isStructuredBody(body)) return renderPlainText(body);
  return sanitizeBodyHtml(generateHTML(parseBody(body), bodyExtensions));
}

/** Older bodies (and the benchmark's) are plain text: escape every character, no DOM needed. */
function renderPlainText(body: string): string {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** The body as one line of plain text, for excerpts and feeds. */
export function bodyText(body: string): string {
  return bodyPlainText(body).replace(/\s*\n\s*/g, " ");
}

