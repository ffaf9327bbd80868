/**
 * The article body's structure: one list of Tiptap (ProseMirror) extensions shared by the desk's
 * editor and the server's renderer, so what a writer can make is exactly what readers can be shown.
 * Client-safe: no server imports.
 *
 * The body is stored as the editor's JSON. Bodies written before the rich-text editor are plain
 * text (paragraphs separated by blank lines); `parseBody` reads both.
 */
import { getSchema, Node, mergeAttributes, type Extensions, type JSONContent } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { embedFromUrl } from "./embeds";
import { isSafeHref } from "./links";

export type BodyDoc = JSONContent & { type: "doc" };

/** A reader-facing quote set large in the column; separate from a block quote of a source. */
export const PullQuote = Node.create({
  name: "pullQuote",
  group: "block",
  content: "text*",
  marks: "",
  defining: true,
  parseHTML: () => [{ tag: "blockquote.pull-quote", priority: 100, contentElement: "p" }],
  renderHTML: ({ HTMLAttributes }) => ["blockquote", mergeAttributes(HTMLAttributes, { class: "pull-quote" }), ["p", 0]],
});

/**
 * An image from the media library in the text, with its caption and credit. It keeps the library
 * item's id and the addresses of its sizes, so the page can offer the right size to each screen.
 */
export const BodyImage = Node.create({
  name: "bodyImage",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes: () => ({
    mediaId: { default: null },
    src: { default: "" },
    srcset: { default: null },
    width: { default: null },
    height: { default: null },
    alt: { default: "" },
    caption: { default: "" },
    credit: { default: "" },
  }),
  parseHTML: () => [
    {
      tag: "figure.inline-image",
      getAttrs: (element) => {
        const image = element.querySelector("img");
        if (!image) return false;
        return {
          mediaId: element.getAttribute("data-media-id"),
          src: image.getAttribute("src") ?? "",
          srcset: image.getAttribute("srcset"),
          width: Number(image.getAttribute("width")) || null,
          height: Number(image.getAttribute("height")) || null,
          alt: image.getAttribute("alt") ?? "",
          caption: element.querySelector("figcaption .caption")?.textContent ?? "",
          credit: element.querySelector("figcaption .credit")?.textContent ?? "",
        };
      },
    },
  ],
  renderHTML: ({ node }) => {
    const { mediaId, src, srcset, width, height, alt, caption, credit } = node.attrs as Record<string, string | number | null>;
    const image = [
      "img",
      {
        src,
        ...(srcset ? { srcset, sizes: "(max-width: 45rem) 100vw, 42rem" } : {}),
        ...(width ? { width } : {}),
        ...(height ? { height } : {}),
        alt: alt ?? "",
        loading: "lazy",
        decoding: "async",
      },
    ] as const;
    const captionParts = [
      ...(caption ? [["span", { class: "caption" }, String(caption)] as const] : []),
      ...(credit ? [["span", { class: "credit" }, String(credit)] as const] : []),
    ];
    return [
      "figure",
      { class: "inline-image", "data-media-id": mediaId ?? "" },
      image,
      ...(captionParts.length ? [["figcaption", {}, ...captionParts]] : []),
    ] as never;
  },
});

/**
 * A video, a post or a link card, by its address. Only the address is kept; what it becomes is
 * decided here from the address (lib/render/embeds.ts), never from markup a writer could supply.
 */
export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes: () => ({ url: { default: "" } }),
  parseHTML: () => [{ tag: "figure.embed", getAttrs: (element) => ({ url: element.getAttribute("data-url") ?? "" }) }],
  renderHTML: ({ node }) => {
    const url = String(node.attrs.url ?? "");
    const embed = embedFromUrl(url);
    if (!embed) return ["p", {}, ""];
    if (embed.kind === "youtube") {
      return [
        "figure",
        { class: "embed embed-youtube", "data-url": embed.url },
        [
          "iframe",
          {
            src: embed.frameSrc,
            title: "YouTube video",
            width: "560",
            height: "315",
            loading: "lazy",
            allow: "encrypted-media; picture-in-picture; fullscreen",
            referrerpolicy: "strict-origin-when-cross-origin",
            sandbox: "allow-scripts allow-same-origin allow-presentation allow-popups",
          },
        ],
      ];
    }
    // Posts and other links become a card with a plain link: no third-party script on our pages.
    return [
      "figure",
      { class: `embed embed-${embed.kind}`, "data-url": embed.url },
      [
        "a",
        { href: embed.url, rel: "noopener noreferrer nofollow" },
        ["span", { class: "embed-label" }, embed.label],
        ["span", { class: "embed-host" }, embed.host],
      ],
    ];
  },
});

export const bodyExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      protocols: ["http", "https", "mailto"],
      isAllowedUri: (url) => isSafeHref(url),
      HTMLAttributes: { rel: "noopener noreferrer", target: null },
    },
  }),
  PullQuote,
  BodyImage,
  Embed,
];

let bodySchema: ReturnType<typeof getSchema> | undefined;
export function getBodySchema() {
  bodySchema ??= getSchema(bodyExtensions);
  return bodySchema;
}

/** Plain text, paragraphs separated by blank lines, as a document. */
export function docFromPlainText(text: string): BodyDoc {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return {
    type: "doc",
    content: paragraphs.length
      ? paragraphs.map((paragraph) => ({
          type: "paragraph",
          content: paragraph.split("\n").flatMap((line, index) => [
            ...(index > 0 ? [{ type: "hardBreak" }] : []),
            ...(line ? [{ type: "text", text: line }] : []),
          ]),
        }))
      : [{ type: "paragraph" }],
  };
}

export function isStructuredBody(body: string): boolean {
  return body.trimStart().startsWith("{");
}

/** The stored body as a document: the editor's JSON, or an older plain-text body converted. */
export function parseBody(body: string): BodyDoc {
  if (!isStructuredBody(body)) return docFromPlainText(body);
  try {
    const json = JSON.parse(body) as JSONContent;
    if (json && json.type === "doc") return json as BodyDoc;
  } catch {
    // Not JSON after all: treat it as text.
  }
  return docFromPlainText(body);
}

export function serializeBody(doc: JSONContent): string {
  return JSON.stringify(doc);
}

const blockTypes = new Set(["paragraph", "heading", "blockquote", "pullQuote", "listItem", "bodyImage", "embed"]);

/**
 * The body's words as plain text, one block per paragraph (separated by blank lines): for word
 * counts, excerpts, feeds, search and the revision diff.
 */
export function bodyPlainText(body: string | JSONContent): string {
  const doc = typeof body === "string" ? parseBody(body) : body;
  const blocks: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.type === "bodyImage") {
      const caption = [node.attrs?.caption, node.attrs?.credit].filter(Boolean).join(" ");
      if (caption) blocks.push(caption);
      return;
    }
    if (node.type === "embed") return;
    if (blockTypes.has(node.type ?? "") && node.content?.every((child) => child.type === "text" || child.type === "hardBreak")) {
      const text = node.content.map((child) => (child.type === "hardBreak" ? "\n" : (child.text ?? ""))).join("");
      if (text.trim()) blocks.push(text.trim());
      return;
    }
    if (blockTypes.has(node.type ?? "") && !node.content) return;
    node.content?.forEach(walk);
  };
  walk(doc);
  return blocks.join("\n\n");
}

/** What a body image node says about itself; only `mediaId` is trusted, and only once the library knows it. */
export type BodyImageClaim = { mediaId: string; src: string; srcset: string };

/** Every link address, embed address and image in the document, for validation. */
export function collectAddresses(doc: JSONContent): { links: string[]; embeds: string[]; images: BodyImageClaim[] } {
  const found = { links: [] as string[], embeds: [] as string[], images: [] as BodyImageClaim[] };
  const walk = (node: JSONContent) => {
    for (const mark of node.marks ?? []) if (mark.type === "link") found.links.push(String(mark.attrs?.href ?? ""));
    if (node.type === "embed") found.embeds.push(String(node.attrs?.url ?? ""));
    if (node.type === "bodyImage") {
      const { mediaId, src, srcset } = node.attrs ?? {};
      found.images.push({ mediaId: typeof mediaId === "string" ? mediaId : "", src: String(src ?? ""), srcset: String(srcset ?? "") });
    }
    node.content?.forEach(walk);
  };
  walk(doc);
  return found;
}

/** The addresses a `srcset` names (`/media/a/480.webp 480w, …` gives the two paths). */
export function srcsetAddresses(srcset: string): string[] {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter(Boolean);
}

/** Whether an image node's addresses could be the library's own: on this site, under /media/. */
export function isLibraryImageClaim({ mediaId, src, srcset }: BodyImageClaim): boolean {
  const ours = (address: string) => address.startsWith("/media/") && !address.startsWith("//");
  return mediaId !== "" && (src === "" || ours(src)) && srcsetAddresses(srcset).every(ours);
}

export type LibraryImageSources = { src: string; srcset: string | null; width: number; height: number };

/**
 * The document with every image's `src`, `srcset` and size replaced by what the media library says
 * for its `mediaId` (`sourcesOf`); the writer's alt text, caption and credit are kept. Nodes whose id
 * `sourcesOf` does not know are left as they are: the caller refuses those first.
 */
export function withLibrarySources(doc: BodyDoc, sourcesOf: (mediaId: string) => LibraryImageSources | undefined): BodyDoc {
  const rebuild = (node: JSONContent): JSONContent => {
    if (node.type === "bodyImage") {
      const sources = sourcesOf(String(node.attrs?.mediaId ?? ""));
      return sources ? { ...node, attrs: { ...node.attrs, ...sources } } : node;
    }
    return node.content ? { ...node, content: node.content.map(rebuild) } : node;
  };
  return rebuild(doc) as BodyDoc;
}

/** The body's paragraphs as plain text, for the revision diff. */
export function bodyParagraphs(body: string): string[] {
  return bodyPlainText(body).split(/\n\s*\n/).filter(Boolean);
}
