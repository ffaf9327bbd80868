import { Feed } from "feed";
import { hasByline } from "@/lib/articles/kinds";
import { listLatestArticles } from "@/lib/articles/public-queries";
import { getSettings } from "@/lib/settings";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

/** RSS 2.0 of the latest published articles. */
export async function GET() {
  const [settings, articles] = await Promise.all([getSettings(), listLatestArticles({ take: 50 })]);
  const base = siteUrl();
  const feed = new Feed({
    title: settings.newspaperName,
    description: `The latest from ${settings.newspaperName}`,
    id: `${base}/`,
    link: `${base}/`,
    language: "en",
    copyright: `© ${settings.newspaperName}`,
    updated: articles[0]?.publishedAt,
    feedLinks: { rss: `${base}/feed.xml` },
  });
  for (const article of articles) {
    feed.addItem({
      title: article.headline,
      id: `${base}${article.path}`,
      link: `${base}${article.path}`,
      description: article.excerpt,
      date: article.updatedStampAt ?? article.publishedAt,
      published: article.publishedAt,
      category: [{ name: article.section.name }],
      author: hasByline(article.kind) ? [{ name: article.authorName }] : undefined,
    });
  }
  return new Response(feed.rss2(), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
}
