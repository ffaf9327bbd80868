/**
 * What readers are sent, whatever a request carried: body images whose addresses come from the
 * media library alone, and feeds and sitemaps that stay readable XML whatever a headline holds.
 * Real database, real route handlers and commands; only the session is stubbed.
 */
import { Window } from "happy-dom";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./database";
import { signedIn, userByEmail, type TestUser as User } from "./signed-in";

freshDatabase();

vi.mock("@/lib/auth/session", () => import("./signed-in"));

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createArticle } = await import("@/lib/articles/commands/create-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { imageSources } = await import("@/lib/media/urls");
const { newsSitemapXml } = await import("@/lib/articles/news-sitemap");
const articleRoute = await import("@/app/api/articles/[id]/route");
const { renderReaderRoute } = await import("@/components/public/pages");

let reporter: User;
let editor: User;
let city: string;
let image: { id: string; src: string; srcset: string | null; width: number; height: number };

const paragraph = { type: "paragraph", content: [{ type: "text", text: "Words around the picture." }] };
const bodyWith = (attrs: Record<string, unknown>) =>
  JSON.stringify({ type: "doc", content: [paragraph, { type: "bodyImage", attrs: { alt: "Boats", caption: "", credit: "", ...attrs } }] });

const fields = (headline: string, body: string) => ({ headline, dateline: "HARBOURTON", standfirst: "", sectionId: city, kind: "news" as const, body });

function put(articleId: string, body: unknown) {
  return articleRoute.PUT(
    new Request("http://test/api", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    { params: Promise.resolve({ id: articleId }) },
  );
}

const stored = (id: string) =>
  db.article.findUniqueOrThrow({ where: { id }, include: { revisions: { orderBy: { number: "asc" } } } });

/** Parsed by a real XML parser: the root element's name and the text of every `tag` element, or the parser's error. */
function parseXml(xml: string, tag: string) {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(xml, "application/xml");
  const error = document.querySelector("parsererror")?.textContent ?? null;
  window.close();
  return { error, root: document.documentElement?.nodeName, texts: [...document.getElementsByTagName(tag)].map((node) => node.textContent) };
}

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  const users = await db.user.findMany();
  reporter = userByEmail(users, "reporter@example.com");
  editor = userByEmail(users, "editor@example.com");
  city = (await db.section.findFirstOrThrow({ where: { slug: "city" } })).id;
  const record = await db.media.findFirstOrThrow();
  const sources = imageSources(record);
  image = { id: record.id, src: sources.src, srcset: sources.srcSet ?? null, width: sources.width, height: sources.height };
});

afterAll(async () => {
  await db.$disconnect();
});

describe("body images", () => {
  it("are stored and rendered with the addresses of their library record, whatever size the request claimed", async () => {
    const { id } = await createArticle({ fields: fields("Picture kept", bodyWith({ mediaId: image.id, src: "", width: 1, height: 1 })), actor: reporter, now: new Date() });
    const article = await stored(id);
    const node = JSON.parse(article.body).content[1].attrs;
    expect(node).toMatchObject({ mediaId: image.id, src: image.src, srcset: image.srcset, width: image.width, height: image.height, alt: "Boats" });
    expect(article.revisions[0]!.body).toBe(article.body);
    expect(article.revisions[0]!.bodyHtml).toContain(`src="${image.src}"`);
  });

  it("leave out an image whose srcset names another site, say so beside the body, and keep the words", async () => {
    const { id } = await createArticle({ fields: fields("Tracker refused", bodyWith({ mediaId: image.id, src: image.src })), actor: reporter, now: new Date() });
    signedIn(reporter);
    let version = 1;
    for (const attrs of [
      { mediaId: image.id, src: image.src, srcset: "https://tracker.example/p.png 1x" },
      { mediaId: image.id, src: image.src, srcset: `${image.srcset}, //tracker.example/p.png 2x` },
      { mediaId: image.id, src: "https://tracker.example/p.png" },
    ]) {
      const response = await put(id, { ...fields("Tracker refused", bodyWith(attrs)), baseVersion: version });
      expect(response.status, JSON.stringify(attrs)).toBe(200);
      const answer = await response.json();
      expect(answer.fieldErrors.body[0]).toMatch(/media library/);
      version = answer.version;
      const saved = await stored(id);
      expect(saved.body).not.toContain("tracker");
      expect(saved.revisions.at(-1)!.bodyHtml).not.toContain("tracker");
      expect(saved.body).toContain(paragraph.content[0]!.text);
      expect(JSON.parse(saved.body).content.some((node: { type: string }) => node.type === "bodyImage")).toBe(false);
    }
  });

  it("leave out an image without a media id, with an unknown one, or with another record's addresses, and keep the words", async () => {
    const { id } = await createArticle({ fields: fields("Unknown refused", bodyWith({ mediaId: image.id, src: image.src })), actor: reporter, now: new Date() });
    const other = await db.media.findFirstOrThrow({ where: { NOT: { id: image.id } } });
    signedIn(reporter);
    let version = 1;
    for (const attrs of [
      { src: image.src, srcset: image.srcset },
      { mediaId: "no-such-image", src: image.src },
      { mediaId: other.id, src: image.src, srcset: image.srcset },
    ]) {
      const response = await put(id, { ...fields("Unknown refused", bodyWith(attrs)), baseVersion: version });
      expect(response.status, JSON.stringify(attrs)).toBe(200);
      const answer = await response.json();
      expect(answer.fieldErrors.body[0]).toMatch(/media library/);
      version = answer.version;
      const saved = await stored(id);
      expect(saved.body).toContain(paragraph.content[0]!.text);
      expect(JSON.parse(saved.body).content.some((node: { type: string }) => node.type === "bodyImage")).toBe(false);
    }
  });
});

describe("feeds and sitemaps", () => {
  // Two CDATA terminators (the feed library escaped only the first) and characters XML 1.0 forbids.
  const headline = "Harbour ]]><injected>first</injected> and ]]><injected>second</injected> \u0001\u0008\u000B\uFFFE end & <b>";

  it("stay XML that parses, with the headline as text, on the paper's, the section's and the topic's feed", async () => {
    const { id } = await createArticle({
      fields: { ...fields(headline, JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Body ]]> text \u0002." }] }] })), tags: ["Harbour"] },
      actor: editor,
      now: new Date(),
    });
    await moveArticle({ input: { articleId: id, action: "publish" }, actor: editor, now: new Date() });
    const readable = "Harbour ]]><injected>first</injected> and ]]><injected>second</injected>  end & <b>";

    const feeds = await Promise.all([
      renderReaderRoute({ page: "feed", of: "paper" }),
      renderReaderRoute({ page: "feed", of: "section", slug: "city" }),
      renderReaderRoute({ page: "feed", of: "tag", slug: "harbour" }),
    ]);
    for (const feedPage of feeds) {
      if (!("html" in feedPage)) throw new Error(`no feed: ${JSON.stringify(feedPage)}`);
      expect([feedPage.status, feedPage.contentType]).toEqual([200, "application/rss+xml; charset=utf-8"]);
      const xml = feedPage.html;
      const feed = parseXml(xml, "title");
      expect(feed.error).toBeNull();
      expect(feed.root).toBe("rss");
      expect(feed.texts).toContain(readable);
      expect(parseXml(xml, "injected").texts).toEqual([]);
      expect(parseXml(xml, "description").texts.join()).not.toMatch(/[\u0001\u0002]/);
    }
  });

  it("serve the news sitemap from the page store: the story just published, kept five minutes at most as its window moves", async () => {
    const { id } = await createArticle({ fields: fields(headline, JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Body." }] }] })), actor: editor, now: new Date() });
    await moveArticle({ input: { articleId: id, action: "publish" }, actor: editor, now: new Date() });
    const rendered = await renderReaderRoute({ page: "sitemap", part: "news" });
    if (!("html" in rendered)) throw new Error(`no news sitemap: ${JSON.stringify(rendered)}`);
    expect([rendered.status, rendered.contentType, rendered.keptForMs]).toEqual([200, "application/xml; charset=utf-8", 5 * 60_000]);
    expect(rendered.tags).toContain("sitemap");
    const sitemap = parseXml(rendered.html, "news:title");
    expect(sitemap.error).toBeNull();
    expect(sitemap.texts).toContain("Harbour ]]><injected>first</injected> and ]]><injected>second</injected>  end & <b>");
  });

  it("keep a news sitemap parseable whatever the headline holds", () => {
    const xml = newsSitemapXml({
      entries: [{ path: "/city/a", headline, publishedAt: new Date("2026-11-24T08:00:00Z") }],
      baseUrl: "https://paper.example",
      publicationName: "The ]]> Gazette \u0007",
    });
    const sitemap = parseXml(xml, "news:title");
    expect(sitemap.error).toBeNull();
    expect(sitemap.root).toBe("urlset");
    expect(sitemap.texts).toEqual(["Harbour ]]><injected>first</injected> and ]]><injected>second</injected>  end & <b>"]);
  });
});
