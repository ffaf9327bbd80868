import { newsSitemapXml, newsWindowMs } from "@/lib/articles/news-sitemap";
import { listNewsSitemapEntries } from "@/lib/articles/public-queries";
import { now } from "@/lib/clock";
import { getSettings } from "@/lib/settings";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

export async function GET() {
  const [settings, entries] = await Promise.all([getSettings(), listNewsSitemapEntries(new Date(now().getTime() - newsWindowMs))]);
  return new Response(newsSitemapXml({ entries, baseUrl: siteUrl(), publicationName: settings.newspaperName }), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
}
