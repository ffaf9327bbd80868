/**
 * Every reader page, rendered to finished HTML (and the RSS feeds, to finished XML): no client runtime, no hydration data. The server
 * (lib/server/request-listener.ts) asks for a route (lib/reader/routes.ts); the page's module
 * gathers its data from the public data layer and returns its head and content; this wraps them in
 * the document and records the tags of every read, so the stored page is refreshed exactly when
 * what it shows changes (lib/reader/page-store.ts).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { getPublicSettings, listPublicSections } from "@/lib/articles/public-queries";
import { collectingTags } from "@/lib/public-cache/cached";
import { PageMoved, PageNotFound, type ReaderPage } from "@/lib/reader/page";
import type { RenderedPage } from "@/lib/reader/responder";
import type { ReaderRoute } from "@/lib/reader/routes";
import { siteUrl } from "@/lib/site-url";
import { ReaderDocument } from "../document";
import readerFontCss from "../reader-font.css?raw";
import readerCss from "../reader.css?raw";
import { articlePage } from "./article";
import { correctionsPage } from "./corrections";
import { paperFeed, sectionFeed, tagFeed } from "./feeds";
import { sitemapPart } from "./sitemaps";
import { homePage } from "./home";
import { authorPage, opinionPage, sectionPage, tagPage } from "./listings";
import { notFoundPage, withdrawnPage } from "./notices";
import { searchPage } from "./search";

/** The inline stylesheet, exactly as sent: the page's Content-Security-Policy names its hash. */
export const readerStylesheet: string = `${readerFontCss}\n${readerCss}`;

function pageFor(route: Exclude<ReaderRoute, { page: "feed" | "sitemap" }>): Promise<ReaderPage> {
  switch (route.page) {
    case "home":
      return homePage();
    case "article":
      return articlePage(route.section, route.slug);
    case "section":
      return sectionPage(route.slug, route.number);
    case "opinion":
      return opinionPage(route.kind, route.number);
    case "author":
      return authorPage(route.slug, route.number);
    case "tag":
      return tagPage(route.slug, route.number);
    case "corrections":
      return correctionsPage(route.number);
    case "search":
      return searchPage(route.query, route.number);
    case "withdrawn":
      return withdrawnPage();
    case "not-found":
      return notFoundPage();
  }
}

async function renderDocument(page: ReaderPage): Promise<string> {
  const [settings, sections] = await Promise.all([getPublicSettings(), listPublicSections()]);
  const markup = renderToStaticMarkup(
    <ReaderDocument head={page.head} baseUrl={siteUrl()} css={readerStylesheet} newspaperName={settings.newspaperName} sections={sections}>
      {page.content}
    </ReaderDocument>,
  );
  return `<!DOCTYPE html>${markup}`;
}

export async function renderReaderRoute(route: ReaderRoute, now: () => number = Date.now): Promise<RenderedPage> {
  const renderedAt = now();
  try {
    const { result, tags } = await collectingTags(async () => {
      if (route.page === "feed") {
        const feed = await (route.of === "paper" ? paperFeed() : route.of === "section" ? sectionFeed(route.slug) : tagFeed(route.slug));
        return { status: 200, html: feed.body, contentType: feed.contentType };
      }
      if (route.page === "sitemap") {
        const sitemap = await sitemapPart(route.part);
        return { status: 200, html: sitemap.body, contentType: sitemap.contentType, keptForMs: sitemap.keptForMs };
      }
      const page = await pageFor(route);
      return { status: page.status ?? 200, html: await renderDocument(page) };
    });
    return { ...result, tags, renderedAt };
  } catch (error) {
    if (error instanceof PageMoved) return { redirect: error.to };
    if (error instanceof PageNotFound) return { notFound: true };
    throw error;
  }
}
