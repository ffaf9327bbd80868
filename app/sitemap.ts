import type { MetadataRoute } from "next";
import { listPublicSections, listSitemapEntries } from "@/lib/articles/public-queries";
import { siteUrl } from "@/lib/site-url";

// Served from the cache; publishing and withdrawing refresh it (lib/public-cache).
export const revalidate = 3600;

/** Published articles, section fronts, topics and writers' pages: nothing unpublished is ever listed. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const [sections, entries] = await Promise.all([listPublicSections(), listSitemapEntries()]);
  return [
    { url: `${base}/` },
    { url: `${base}/opinion` },
    ...sections.filter((section) => section.slug !== "opinion").map((section) => ({ url: `${base}/${section.slug}` })),
    ...entries.articles.map((article) => ({ url: `${base}${article.path}`, lastModified: article.lastModified })),
    ...entries.tagPaths.map((path) => ({ url: `${base}${path}` })),
    ...entries.authorPaths.map((path) => ({ url: `${base}${path}` })),
  ];
}
