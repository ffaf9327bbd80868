import { rssFeed, rssResponse } from "@/lib/articles/feed";
import { getPublicSettings, getTag, listPublishedPage } from "@/lib/articles/public-queries";
import { siteUrl } from "@/lib/site-url";

// Served from the cache; publishing and withdrawing a story with this topic refresh it (lib/public-cache).
export const dynamic = "force-static";
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

/** RSS 2.0 of one topic's latest published stories (its page's first page). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const tag = await getTag(slug);
  if (!tag) return new Response("No such topic.", { status: 404 });
  const [settings, latest] = await Promise.all([getPublicSettings(), listPublishedPage({ tagSlug: slug }, 1)]);
  return rssResponse(
    rssFeed({
      articles: latest.items,
      title: `${tag.name} | ${settings.newspaperName}`,
      description: `Stories about ${tag.name} from ${settings.newspaperName}`,
      baseUrl: siteUrl(),
      feedPath: `${tag.path}/feed.xml`,
      pagePath: tag.path,
    }),
  );
}
