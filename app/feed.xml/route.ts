import { rssFeed, rssResponse } from "@/lib/articles/feed";
import { getPublicSettings, listLatestArticles } from "@/lib/articles/public-queries";
import { siteUrl } from "@/lib/site-url";

// Served from the cache; publishing and withdrawing refresh it (lib/public-cache).
export const dynamic = "force-static";
export const revalidate = 3600;

/** RSS 2.0 of the latest published articles. */
export async function GET() {
  const [settings, articles] = await Promise.all([getPublicSettings(), listLatestArticles({ take: 50 })]);
  return rssResponse(
    rssFeed({
      articles,
      title: settings.newspaperName,
      description: `The latest from ${settings.newspaperName}`,
      baseUrl: siteUrl(),
      feedPath: "/feed.xml",
      pagePath: "/",
    }),
  );
}
