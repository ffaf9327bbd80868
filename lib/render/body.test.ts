import { describe, expect, it } from "vitest";
import { bodyText, renderBody, sanitizeBodyHtml } from "./body";
import { bodyPlainText, collectAddresses, docFromPlainText, parseBody, serializeBody } from "./document";
import { embedFromUrl } from "./embeds";
import { isSafeHref } from "./links";

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: object[]) => ({ type: "paragraph", content });
const doc = (...content: object[]) => serializeBody({ type: "doc", content });

describe("rendering the editor's document", () => {
  it("keeps the markup a story is made of", () => {
    const html = renderBody(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("The vote")] },
        paragraph(text("A "), text("bold", [{ type: "bold" }]), text(" and "), text("italic", [{ type: "italic" }]), text(" claim.")),
        paragraph(text("Read the report", [{ type: "link", attrs: { href: "https://example.org/report" } }])),
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("one"))] }] },
        { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [paragraph(text("first"))] }] },
        { type: "blockquote", content: [paragraph(text("A source said so."))] },
        { type: "pullQuote", content: [text("We will not move.")] },
      ),
    );
    expect(html).toContain("<h2>The vote</h2>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>italic</em>");
    expect(html).toContain('<a href="https://example.org/report" rel="noopener noreferrer">Read the report</a>');
    expect(html).toContain("<ul><li><p>one</p></li></ul>");
    expect(html).toMatch(/<ol[^>]*><li><p>first<\/p><\/li><\/ol>/);
    expect(html).toContain("<blockquote><p>A source said so.</p></blockquote>");
    expect(html).toContain('<blockquote class="pull-quote"><p>We will not move.</p></blockquote>');
  });

  it("escapes text that looks like markup", () => {
    const html = renderBody(doc(paragraph(text('<script>alert("x")</script> & <img src=x onerror=alert(1)>'))));
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops javascript:, data: and other unsafe link addresses smuggled into the document", () => {
    for (const href of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x"]) {
      const html = renderBody(doc(paragraph(text("click", [{ type: "link", attrs: { href } }]))));
      expect(html, href).not.toMatch(/javascript|data:|vbscript/i);
      expect(html, href).toContain("click");
    }
  });

  it("keeps library images with caption and credit, and drops images from anywhere else", () => {
    const ours = renderBody(
      doc({ type: "bodyImage", attrs: { mediaId: "m1", src: "/media/abc/960.webp", srcset: "/media/abc/480.webp 480w", width: 960, height: 640, alt: "Boats at dawn", caption: "The harbour", credit: "Photo: A. Writer" } }),
    );
    expect(ours).toContain('src="/media/abc/960.webp"');
    expect(ours).toContain('alt="Boats at dawn"');
    expect(ours).toContain('<span class="caption">The harbour</span>');
    expect(ours).toContain('<span class="credit">Photo: A. Writer</span>');
    const theirs = renderBody(doc({ type: "bodyImage", attrs: { src: "https://tracker.example/pixel.gif", alt: "x" } }));
    expect(theirs).not.toContain("<img");
  });

  it("renders a saved image whose srcset names another site without that srcset", () => {
    const html = renderBody(
      doc({ type: "bodyImage", attrs: { mediaId: "m1", src: "/media/abc/960.webp", srcset: "/media/abc/480.webp 480w, https://tracker.example/p.png 1x", alt: "Boats" } }),
    );
    expect(html).toContain('src="/media/abc/960.webp"');
    expect(html).not.toContain("tracker.example");
    expect(html).not.toContain("srcset");
    const protocolRelative = renderBody(doc({ type: "bodyImage", attrs: { mediaId: "m1", src: "/media/abc/960.webp", srcset: "//tracker.example/p.png 2x", alt: "Boats" } }));
    expect(protocolRelative).not.toContain("tracker.example");
  });

  it("turns a video address into a privacy-enhanced frame and a post into a plain link card", () => {
    const video = renderBody(doc({ type: "embed", attrs: { url: "https://youtu.be/dQw4w9WgXcQ" } }));
    expect(video).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(video).toContain('sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"');
    const post = renderBody(doc({ type: "embed", attrs: { url: "https://twitter.com/someone/status/12345" } }));
    expect(post).toContain('href="https://x.com/someone/status/12345"');
    expect(post).not.toMatch(/<script|<iframe/);
    expect(renderBody(doc({ type: "embed", attrs: { url: "javascript:alert(1)" } }))).not.toMatch(/javascript|<iframe|<a/);
  });

  it("refuses a document that is not the editor's structure", () => {
    expect(() => renderBody(doc({ type: "script", content: [text("alert(1)")] }))).toThrow();
  });

  it("renders older plain-text bodies as escaped paragraphs", () => {
    expect(renderBody('First <script>alert("x")</script>\n\nSecond & last')).toBe(
      "<p>First &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>\n<p>Second &amp; last</p>",
    );
  });
});

describe("the sanitizer", () => {
  it("removes scripts, event handlers, styles and unsafe addresses, and keeps allowed markup", () => {
    const html = sanitizeBodyHtml(
      [
        '<p onclick="steal()">Hi <strong>there</strong><script>alert(1)</script></p>',
        '<style>body{display:none}</style><p style="position:fixed">styled</p>',
        '<a href="javascript:alert(1)">bad</a> <a href="https://example.org" target="_blank" onmouseover="x()">good</a>',
        '<img src="/media/a/480.webp" onerror="alert(1)" alt="ok"><img src="https://elsewhere.example/x.png">',
        '<iframe src="https://evil.example/"></iframe><iframe src="https://www.youtube-nocookie.com/embed/abcdefghijk"></iframe>',
        '<svg><a xlink:href="javascript:alert(1)">x</a></svg><object data="x"></object><form action="/x"><input></form>',
        '<blockquote class="pull-quote evil">quoted</blockquote>',
      ].join(""),
    );
    expect(html).not.toMatch(/onclick|onerror|onmouseover|<script|alert\(|<style|style=|javascript:|evil\.example|elsewhere|<svg|<object|<form|<input|target=/i);
    expect(html).toContain("<strong>there</strong>");
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">good</a>');
    expect(html).toContain('<img src="/media/a/480.webp" alt="ok" />');
    expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/abcdefghijk"></iframe>');
    expect(html).toContain('<blockquote class="pull-quote">quoted</blockquote>');
  });
});

describe("link and embed addresses", () => {
  it("allows web, e-mail and site-relative links only", () => {
    expect(isSafeHref("https://example.org/a?b=c")).toBe(true);
    expect(isSafeHref("mailto:desk@example.org")).toBe(true);
    expect(isSafeHref("/opinion")).toBe(true);
    for (const bad of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "\u0001javascript:alert(1)", "data:text/html,x", "//evil.example", "file:///etc/passwd", "ftp://x", "", "not a url"]) {
      expect(isSafeHref(bad), bad).toBe(false);
    }
  });

  it("recognises videos and posts, and treats other pages as link cards", () => {
    expect(embedFromUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3")?.kind).toBe("youtube");
    expect(embedFromUrl("https://x.com/desk/status/1")?.kind).toBe("x");
    expect(embedFromUrl("https://example.org/story")).toMatchObject({ kind: "link", host: "example.org" });
    expect(embedFromUrl("javascript:alert(1)")).toBeNull();
    expect(embedFromUrl("mailto:a@b.c")).toBeNull();
  });
});

describe("the body as text", () => {
  it("reads both the editor's document and older plain text", () => {
    const structured = doc(paragraph(text("One "), text("two", [{ type: "bold" }])), { type: "heading", attrs: { level: 2 }, content: [text("Three")] });
    expect(bodyPlainText(structured)).toBe("One two\n\nThree");
    expect(bodyText(structured)).toBe("One two Three");
    expect(bodyPlainText("Alpha\n\nBeta")).toBe("Alpha\n\nBeta");
    expect(parseBody("Alpha\n\nBeta")).toEqual(docFromPlainText("Alpha\n\nBeta"));
  });

  it("collects every link, embed and image address for validation", () => {
    const found = collectAddresses(JSON.parse(doc(paragraph(text("x", [{ type: "link", attrs: { href: "javascript:x" } }])), { type: "embed", attrs: { url: "https://x.com/a/status/1" } })));
    expect(found).toEqual({ links: ["javascript:x"], embeds: ["https://x.com/a/status/1"], images: [] });
  });
});
