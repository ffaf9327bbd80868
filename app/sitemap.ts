import type { MetadataRoute } from "next";
import { listPublicSections, listSitemapEntries } from "@/lib/articles/public-queries";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

/** Published articles and section fronts only: nothing unpublished is ever listed. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const [sections, articles] = await Promise.all([listPublicSections(), listSitemapEntries()]);
  return [
    { url: `${base}/` },
    { url: `${base}/opinion` },
    ...sections.filter((section) => section.slug !== "opinion").map((section) => ({ url: `${base}/${section.slug}` })),
    ...articles.map((article) => ({ url: `${base}${article.path}`, lastModified: article.lastModified })),
  ];
}
