/**
 * The sitemaps, in parts a publication touches one at a time: `/sitemap.xml` is an index of
 * `/sitemaps/pages.xml` (the front page, Opinion, sections, topics and writers) and one sitemap per
 * month of publication, `/sitemaps/2026-11.xml`, each listing that month's live stories. A story
 * published or changed refreshes the index and its own month; the other months stay stored. Months
 * are UTC's: they only divide the list. A search engine reads each part's `lastmod` in the index and
 * fetches again only what changed. (The sitemap protocol allows 50,000 addresses per file: a month
 * of a daily newspaper is a few thousand.)
 */
import { xmlText } from "@/lib/xml";

export const sitemapPartLimit = 50_000;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month a story is listed under: "2026-11". */
export function sitemapMonth(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** Whether a `/sitemaps/<month>.xml` names a month at all. */
export function isSitemapMonth(month: string): boolean {
  return monthPattern.test(month);
}

/** The month's first instant and the next month's, for the query. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [, year, number] = monthPattern.exec(month) ?? [];
  if (!year || !number) throw new RangeError(`Not a month: ${month}`);
  return { from: new Date(Date.UTC(Number(year), Number(number) - 1, 1)), to: new Date(Date.UTC(Number(year), Number(number), 1)) };
}

/** Every month from the earliest to the latest date, newest first. */
export function monthsBetween(earliest: Date, latest: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(latest.getUTCFullYear(), latest.getUTCMonth(), 1));
  const first = Date.UTC(earliest.getUTCFullYear(), earliest.getUTCMonth(), 1);
  while (cursor.getTime() >= first) {
    months.push(sitemapMonth(cursor));
    cursor.setUTCMonth(cursor.getUTCMonth() - 1);
  }
  return months;
}

export type SitemapEntry = { loc: string; lastmod?: Date };

const entry = (element: "url" | "sitemap", { loc, lastmod }: SitemapEntry) =>
  `<${element}><loc>${xmlText(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}</${element}>`;

const namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

export function sitemapIndexXml(parts: SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${namespace}">\n${parts.map((part) => entry("sitemap", part)).join("\n")}\n</sitemapindex>\n`;
}

export function urlsetXml(urls: SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${namespace}">\n${urls.map((url) => entry("url", url)).join("\n")}\n</urlset>\n`;
}
