/** RSS 2.0 for the whole paper or one section, built with the maintained `feed` library. */
import { Feed } from "feed";
import type { PublicArticleCard } from "./public-records";

export function rssFeed({
  articles,
  title,
  description,
  baseUrl,
  feedPath,
  pagePath,
}: {
  articles: PublicArticleCard[];
  title: string;
  description: string;
  baseUrl: string;
  feedPath: string;
  pagePath: string;
}): string {
  const feed = new Feed({
    title,
    description,
    id: `${baseUrl}${pagePath}`,
    link: `${baseUrl}${pagePath}`,
    language: "en",
    copyright: `© ${title}`,
    updated: articles[0]?.publishedAt,
    feedLinks: { rss: `${baseUrl}${feedPath}` },
  });
  for (const article of articles) {
    feed.addItem({
      title: article.headline,
      id: `${baseUrl}${article.path}`,
      link: `${baseUrl}${article.path}`,
      description: article.excerpt,
      date: article.updatedStampAt ?? article.publishedAt,
      published: article.publishedAt,
      category: [{ name: article.section.name }],
      author: article.authors.length > 0 ? article.authors.map((author) => ({ name: author.name, link: `${baseUrl}${author.path}` })) : undefined,
    });
  }
  return feed.rss2();
}

export function rssResponse(xml: string): Response {
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
