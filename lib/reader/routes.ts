/**
 * Which reader page an address asks for, decided from the address alone (pure; routes.test.ts).
 * Every address that is not the desk's, a file (a dot in its last segment: feeds, sitemaps,
 * robots.txt, icons, fonts) or a media image is a reader's: a page of the paper, or its 404.
 *
 * Each route carries its `key`: the page store keeps one copy per key, so `/city?page=2&utm=x` and
 * `/city?page=2` are one page, and a stray query string never fills the store.
 */
import { notArticleParents } from "@/lib/site-paths";
import { isArticleKind, isOpinion } from "@/lib/articles/kinds";
import { isSitemapMonth } from "@/lib/articles/sitemaps";

export type ReaderRoute =
  | { page: "home" }
  | { page: "article"; section: string; slug: string }
  | { page: "section"; slug: string; number: number }
  | { page: "opinion"; kind?: string; number: number }
  | { page: "author"; slug: string; number: number }
  | { page: "tag"; slug: string; number: number }
  | { page: "corrections"; number: number }
  | { page: "search"; query: string; number: number }
  | { page: "feed"; of: "paper" }
  | { page: "feed"; of: "section" | "tag"; slug: string }
  /**
   * The sitemap index (`index`), its part of pages (`pages`) or one month's part ("2026-11"):
   * lib/articles/sitemaps.ts; or the Google News sitemap (`news`, lib/articles/news-sitemap.ts).
   */
  | { page: "sitemap"; part: string }
  | { page: "not-found" }
  /** Never from an address alone: the server finds an article withdrawn (lib/articles/public-routing.ts). */
  | { page: "withdrawn" };

const segment = /^[a-z0-9-]+$/;

/** The page number from `?page=`: a whole number from 1 to 9999, else the first page. */
export function pageNumber(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 && page < 10_000 ? page : 1;
}

/** A search as it is looked up and stored: trimmed, spaces collapsed, at most 200 characters. */
export function normaliseQuery(q: string | null): string {
  return (q ?? "").trim().replace(/\s+/g, " ").slice(0, 200);
}

/** The reader's pages with an address of their own at the top level (lib/site-paths.json reserves them). */
export const readerTopLevelPaths: readonly string[] = ["authors", "corrections", "feed.xml", "news-sitemap.xml", "opinion", "search", "sitemap.xml", "sitemaps", "tags"];

/** The RSS feeds: the paper's, a section's and a topic's. */
const feedPath = /^\/(?:([a-z0-9-]+)\/|tags\/([a-z0-9-]+)\/)?feed\.xml$/;

/** The sitemap index and its parts. */
const sitemapPath = /^\/(?:sitemap|sitemaps\/([a-z0-9-]+))\.xml$/;
const newsSitemapPath = "/news-sitemap.xml";

/** Whether the address is a reader's at all (else Next serves it: robots.txt, files, media). */
export function isReaderAddress(pathname: string): boolean {
  const last = pathname.slice(pathname.lastIndexOf("/") + 1);
  if (last.includes(".")) return feedPath.test(pathname) || sitemapPath.test(pathname) || pathname === newsSitemapPath;
  return !pathname.startsWith("/media/") && pathname !== "/media";
}

/** The page for a reader's address; `not-found` when there is none (an article's standing is the server's to check). */
export function readerRoute(pathname: string, query: URLSearchParams): ReaderRoute {
  if (pathname === newsSitemapPath) return { page: "sitemap", part: "news" };
  const sitemap = sitemapPath.exec(pathname);
  if (sitemap) {
    const part = sitemap[1];
    if (part === undefined) return { page: "sitemap", part: "index" };
    return part === "pages" || isSitemapMonth(part) ? { page: "sitemap", part } : { page: "not-found" };
  }
  const feed = feedPath.exec(pathname);
  if (feed) {
    const [, section, tag] = feed;
    if (tag) return { page: "feed", of: "tag", slug: tag };
    if (!section) return { page: "feed", of: "paper" };
    return notArticleParents.has(section) ? { page: "not-found" } : { page: "feed", of: "section", slug: section };
  }
  const parts = pathname === "/" ? [] : pathname.slice(1).split("/");
  const number = pageNumber(query.get("page"));
  if (parts.length === 0) return { page: "home" };
  if (parts.some((part) => !segment.test(part))) return { page: "not-found" };
  const [first, second] = parts as [string, string | undefined];
  if (parts.length === 1) {
    if (first === "search") return { page: "search", query: normaliseQuery(query.get("q")), number };
    if (first === "corrections") return { page: "corrections", number };
    if (first === "opinion") {
      const kind = query.get("kind");
      return { page: "opinion", kind: kind && isArticleKind(kind) && isOpinion(kind) ? kind : undefined, number };
    }
    if (notArticleParents.has(first)) return { page: "not-found" };
    return { page: "section", slug: first, number };
  }
  if (parts.length === 2 && second) {
    if (first === "authors") return { page: "author", slug: second, number };
    if (first === "tags") return { page: "tag", slug: second, number };
    if (notArticleParents.has(first)) return { page: "not-found" };
    return { page: "article", section: first, slug: second };
  }
  return { page: "not-found" };
}

/** The page store's key for a route: one copy per page the reader can see. */
export function routeKey(route: ReaderRoute): string {
  switch (route.page) {
    case "home":
    case "not-found":
    case "withdrawn":
      return route.page;
    case "article":
      return `article:${route.section}/${route.slug}`;
    case "opinion":
      return `opinion:${route.kind ?? ""}:${route.number}`;
    case "corrections":
      return `corrections:${route.number}`;
    case "search":
      return `search:${route.number}:${route.query}`;
    case "feed":
      return route.of === "paper" ? "feed" : `feed:${route.of}:${route.slug}`;
    case "sitemap":
      return `sitemap:${route.part}`;
    default:
      return `${route.page}:${route.slug}:${route.number}`;
  }
}
