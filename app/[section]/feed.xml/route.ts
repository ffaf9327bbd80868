import { rssFeed, rssResponse } from "@/lib/articles/feed";
import { getPublicSettings, getSection, listLatestArticles } from "@/lib/articles/public-queries";
import { siteUrl } from "@/lib/site-url";

// Served from the cache; publishing and withdrawing in the section refresh it (lib/public-cache).
export const dynamic = "force-static";
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

/** RSS 2.0 of one section's latest published articles. */
export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  const { section: slug } = await params;
  const section = await getSection(slug);
  if (!section) return new Response("No such section.", { status: 404 });
  const [settings, articles] = await Promise.all([getPublicSettings(), listLatestArticles({ sectionSlug: slug, take: 50 })]);
  return rssResponse(
    rssFeed({
      articles,
      title: `${section.name} | ${settings.newspaperName}`,
      description: `The latest ${section.name} stories from ${settings.newspaperName}`,
      baseUrl: siteUrl(),
      feedPath: `/${slug}/feed.xml`,
      pagePath: `/${slug}`,
    }),
  );
}
