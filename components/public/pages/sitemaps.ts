import { newsSitemapXml, newsWindowMs } from "@/lib/articles/news-sitemap";
import { getPublicSettings, listNewsSitemapEntries, listPublicSections, listSitemapMonth, listSitemapMonths, listSitemapPages } from "@/lib/articles/public-queries";
import { sitemapIndexXml, urlsetXml } from "@/lib/articles/sitemaps";
import { notFound, type ReaderFeed } from "@/lib/reader/page";
import { siteUrl } from "@/lib/site-url";
import { now } from "@/lib/time/clock";

const xml = (body: string): ReaderFeed => ({ contentType: "application/xml; charset=utf-8", body });

const minute = 60_000;

/**
 * `/sitemap.xml`, `/sitemaps/pages.xml` or `/sitemaps/<month>.xml` (lib/articles/sitemaps.ts), or
 * `/news-sitemap.xml` (`news`).
 */
export async function sitemapPart(part: string): Promise<ReaderFeed> {
  const base = siteUrl();
  if (part === "news") {
    // The window's start, to the minute, so the cached read is shared for a minute at least.
    const since = new Date(Math.floor((now().getTime() - newsWindowMs) / minute) * minute);
    const [settings, entries] = await Promise.all([getPublicSettings(), listNewsSitemapEntries(since.toISOString())]);
    // Publishing refreshes it; its two-day window also moves with the clock, so it is re-made every five minutes regardless.
    return { ...xml(newsSitemapXml({ entries, baseUrl: base, publicationName: settings.newspaperName })), keptForMs: 5 * minute };
  }
  if (part === "index") {
    const months = await listSitemapMonths();
    const newest = months[0]?.lastModified;
    return xml(
      sitemapIndexXml([
        { loc: `${base}/sitemaps/pages.xml`, lastmod: newest },
        ...months.map(({ month, lastModified }) => ({ loc: `${base}/sitemaps/${month}.xml`, lastmod: lastModified })),
      ]),
    );
  }
  if (part === "pages") {
    const [sections, { tagPaths, authorPaths }] = await Promise.all([listPublicSections(), listSitemapPages()]);
    return xml(
      urlsetXml([
        { loc: `${base}/` },
        { loc: `${base}/opinion` },
        ...sections.filter((section) => section.slug !== "opinion").map((section) => ({ loc: `${base}/${section.slug}` })),
        ...[...tagPaths, ...authorPaths].map((path) => ({ loc: `${base}${path}` })),
      ]),
    );
  }
  const articles = await listSitemapMonth(part);
  // A month with no live story (a stray address, or its last story withdrawn) is no sitemap.
  if (articles.length === 0) notFound();
  return xml(urlsetXml(articles.map(({ path, lastModified }) => ({ loc: `${base}${path}`, lastmod: lastModified }))));
}
