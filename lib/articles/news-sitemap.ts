/**
 * The Google News sitemap: articles first published in the last two days. Next's sitemap helper
 * has no news extension, so the XML is written here, every value made safe for XML (lib/xml.ts).
 */
import { xmlText as escapeXml } from "@/lib/xml";

export const newsWindowMs = 2 * 24 * 60 * 60 * 1000;

export function newsSitemapXml({
  entries,
  baseUrl,
  publicationName,
}: {
  entries: { path: string; headline: string; publishedAt: Date }[];
  baseUrl: string;
  publicationName: string;
}): string {
  const urls = entries.map(
    (entry) => `  <url>
    <loc>${escapeXml(`${baseUrl}${entry.path}`)}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(publicationName)}</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>${entry.publishedAt.toISOString()}</news:publication_date>
      <news:title>${escapeXml(entry.headline)}</news:title>
    </news:news>
  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join("\n")}
</urlset>
`;
}
