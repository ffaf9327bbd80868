import { rssFeed } from "@/lib/articles/feed";
import { getPublicSettings, getSection, getTag, listLatestArticles, listPublishedPage } from "@/lib/articles/public-queries";
import { notFound, type ReaderFeed } from "@/lib/reader/page";
import { siteUrl } from "@/lib/site-url";

const rss = (body: string): ReaderFeed => ({ contentType: "application/rss+xml; charset=utf-8", body });

/** RSS 2.0 of the latest published articles. */
export async function paperFeed(): Promise<ReaderFeed> {
  const [settings, articles] = await Promise.all([getPublicSettings(), listLatestArticles({ take: 50 })]);
  return rss(
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

/** RSS 2.0 of one section's latest published articles. */
export async function sectionFeed(slug: string): Promise<ReaderFeed> {
  const section = await getSection(slug);
  if (!section) notFound();
  const [settings, articles] = await Promise.all([getPublicSettings(), listLatestArticles({ sectionSlug: slug, take: 50 })]);
  return rss(
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

/** RSS 2.0 of one topic's latest published stories (its page's first page). */
export async function tagFeed(slug: string): Promise<ReaderFeed> {
  const tag = await getTag(slug);
  if (!tag) notFound();
  const [settings, latest] = await Promise.all([getPublicSettings(), listPublishedPage({ tagSlug: slug }, 1)]);
  return rss(
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
