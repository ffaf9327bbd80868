/**
 * RSS 2.0 for the whole paper, one section or one topic. Written here rather than by a feed library
 * so that every text is escaped the one way that cannot be broken out of (lib/xml.ts): a headline
 * with `]]>` in it, or a stray control character, stays text and the feed stays readable XML.
 */
import { xmlText } from "@/lib/xml";
import type { PublicArticleCard } from "./public-records";

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;

function itemXml(article: PublicArticleCard, baseUrl: string): string {
  const link = `${baseUrl}${article.path}`;
  return [
    "    <item>",
    `      ${element("title", article.headline)}`,
    `      ${element("link", link)}`,
    `      <guid isPermaLink="false">${xmlText(link)}</guid>`,
    `      ${element("pubDate", (article.updatedStampAt ?? article.publishedAt).toUTCString())}`,
    `      ${element("description", article.excerpt)}`,
    ...article.authors.map((author) => `      ${element("dc:creator", author.name)}`),
    `      ${element("category", article.section.name)}`,
    "    </item>",
  ].join("\n");
}

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
  const updated = articles[0]?.publishedAt;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "  <channel>",
    `    ${element("title", title)}`,
    `    ${element("link", `${baseUrl}${pagePath}`)}`,
    `    ${element("description", description)}`,
    `    <atom:link href="${xmlText(`${baseUrl}${feedPath}`)}" rel="self" type="application/rss+xml"/>`,
    `    ${element("language", "en")}`,
    `    ${element("copyright", `© ${title}`)}`,
    ...(updated ? [`    ${element("lastBuildDate", updated.toUTCString())}`] : []),
    ...articles.map((article) => itemXml(article, baseUrl)),
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}

export function rssResponse(xml: string): Response {
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
