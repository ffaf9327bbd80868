import { listPublicSections, listSitemapMonth, listSitemapMonths, listSitemapPages } from "@/lib/articles/public-queries";
import { sitemapIndexXml, urlsetXml } from "@/lib/articles/sitemaps";
import { notFound, type ReaderFeed } from "@/lib/reader/page";
import { siteUrl } from "@/lib/site-url";

const xml = (body: string): ReaderFeed => ({ contentType: "application/xml; charset=utf-8", body });

/** `/sitemap.xml`, `/sitemaps/pages.xml` or `/sitemaps/<month>.xml` (lib/articles/sitemaps.ts). */
export async function sitemapPart(part: string): Promise<ReaderFeed> {
  const base = siteUrl();
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
