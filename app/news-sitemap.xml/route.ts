import { newsSitemapXml, newsWindowMs } from "@/lib/articles/news-sitemap";
import { getPublicSettings, listNewsSitemapEntries } from "@/lib/articles/public-queries";
import { now } from "@/lib/time/clock";
import { siteUrl } from "@/lib/site-url";

// Served from the cache; publishing refreshes it (lib/public-cache). Its two-day window also
// moves with the clock, so it is re-made every five minutes regardless.
export const dynamic = "force-static";
export const revalidate = 300;

const minute = 60_000;

export async function GET() {
  // The window's start, to the minute, so the cached read is shared for a minute at least.
  const since = new Date(Math.floor((now().getTime() - newsWindowMs) / minute) * minute);
  const [settings, entries] = await Promise.all([getPublicSettings(), listNewsSitemapEntries(since.toISOString())]);
  return new Response(newsSitemapXml({ entries, baseUrl: siteUrl(), publicationName: settings.newspaperName }), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
}
