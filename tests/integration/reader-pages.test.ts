/**
 * Reader pages rendered by our own renderer from a real database (docs/decisions/023): every page
 * type is a complete HTML document with no client runtime, carries the tags of what it shows, and a
 * publication reaches the page store's very next answer.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createArticle } = await import("@/lib/articles/commands/create-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { renderReaderRoute } = await import("@/components/public/pages");
const { memoryPageStore } = await import("@/lib/reader/page-store");
const { readerResponder } = await import("@/lib/reader/responder");
const { onTagsExpired } = await import("@/lib/public-cache/store");
const { siteUrl } = await import("@/lib/site-url");
type ReaderRoute = import("@/lib/reader/routes").ReaderRoute;

let editor: { id: string; role: "editor"; name: string; email: string };
let article: { section: string; slug: string; tag: string };

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  const user = await db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
  editor = { id: user.id, role: "editor", name: user.name, email: user.email };
  const live = await db.article.findFirstOrThrow({
    where: { status: "published", kind: "news", liveRevision: { tags: { some: {} } } },
    include: { section: true, liveRevision: { include: { tags: { include: { tag: true } } } } },
  });
  article = { section: live.section.slug, slug: live.slug, tag: live.liveRevision!.tags[0]!.tag.slug };
});

const rendered = async (route: ReaderRoute) => {
  const result = await renderReaderRoute(route);
  if (!("html" in result)) throw new Error(`${JSON.stringify(route)} gave ${JSON.stringify(result)}`);
  return result;
};

describe("every reader page", () => {
  it("is a complete document with no client runtime", async () => {
    const routes: ReaderRoute[] = [
      { page: "home" },
      { page: "article", section: article.section, slug: article.slug },
      { page: "section", slug: article.section, number: 1 },
      { page: "opinion", number: 1 },
      { page: "opinion", kind: "editorial", number: 1 },
      { page: "tag", slug: article.tag, number: 1 },
      { page: "corrections", number: 1 },
      { page: "search", query: "harbour", number: 1 },
      { page: "not-found" },
      { page: "withdrawn" },
    ];
    for (const route of routes) {
      const { html, status } = await rendered(route);
      const label = JSON.stringify(route);
      expect(html.startsWith('<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>'), label).toBe(true);
      expect(html, label).toMatch(/<title>[^<]+<\/title>/);
      expect(html, label).toContain('<main id="main" class="public-main">');
      // JSON-LD is data, not a script; nothing else may be a script.
      expect(html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, ""), label).not.toMatch(/<script|_next|__next_f|modulepreload|rel="prefetch"/);
      expect(status, label).toBe(route.page === "not-found" ? 404 : route.page === "withdrawn" ? 410 : 200);
    }
  });

  it("says what it is to search engines and feed readers", async () => {
    const { html } = await rendered({ page: "article", section: article.section, slug: article.slug });
    expect(html).toContain(`<link rel="canonical" href="${siteUrl()}/${article.section}/${article.slug}"/>`);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toMatch(/<script type="application\/ld\+json">\{"@context":"https:\/\/schema.org"/);
    const section = await rendered({ page: "section", slug: article.section, number: 1 });
    expect(section.html).toContain(`<link rel="alternate" type="application/rss+xml" href="${siteUrl()}/${article.section}/feed.xml"/>`);
    const search = await rendered({ page: "search", query: "harbour", number: 1 });
    expect(search.html).toContain('<meta name="robots" content="noindex"/>');
  });

  it("carries the tags of what it shows", async () => {
    const { tags } = await rendered({ page: "article", section: article.section, slug: article.slug });
    expect(tags).toContain("public");
    expect(tags.some((tag) => tag.includes(article.slug))).toBe(true);
  });

  it("is no page at all past the last page or for an unknown section, and a redirect for an article in the wrong section", async () => {
    expect(await renderReaderRoute({ page: "section", slug: article.section, number: 999 })).toEqual({ notFound: true });
    expect(await renderReaderRoute({ page: "section", slug: "no-such-section", number: 1 })).toEqual({ notFound: true });
    expect(await renderReaderRoute({ page: "article", section: "opinion", slug: article.slug })).toEqual({ redirect: `/${article.section}/${article.slug}` });
  });
});

describe("a publication", () => {
  it("is on the stored front page at the very next request", async () => {
    const store = memoryPageStore();
    onTagsExpired((tags) => store.expire(tags));
    const respond = readerResponder({ render: renderReaderRoute, store, policy: "default-src 'none'" });
    const front = async () => {
      let body = "";
      const res = { writeHead: () => res, end: (chunk?: Buffer) => ((body = chunk?.toString() ?? ""), res) } as unknown as ServerResponse;
      await respond({ method: "GET", headers: {} } as IncomingMessage, res, { page: "home" });
      return body;
    };
    const headline = "Night ferry returns to the harbour timetable";
    expect(await front()).not.toContain(headline);
    const section = await db.section.findFirstOrThrow({ where: { slug: article.section } });
    const { id } = await createArticle({
      fields: { headline, dateline: "HARBOURTON", standfirst: "", sectionId: section.id, kind: "news", body: "The ferry is back." },
      actor: editor,
      now: new Date(),
    });
    expect(await front()).not.toContain(headline);
    await moveArticle({ input: { articleId: id, action: "publish" }, actor: editor, now: new Date() });
    expect(await front()).toContain(headline);
    await respond.settled();
  });
});
