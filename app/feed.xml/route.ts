import { rssFeed, rssResponse } from "@/lib/articles/feed";
import { listLatestArticles } from "@/lib/articles/public-queries";
import { getSettings } from "@/lib/settings";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

/** RSS 2.0 of the latest published articles. */
export async function GET() {
  const [settings, articles] = await Promise.all([getSettings(), listLatestArticles({ take: 50 })]);
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
