/**
 * What a cached public page depends on, named as tags. Every cached read carries `public` and the
 * tags of what it lists (lib/public-cache/cached.ts); a change to an article expires the tags of
 * where it was shown before and where it is shown after (`tagsToRefresh`), so a publication, an
 * update, a withdrawal, a spike or a new address each refresh exactly the pages that showed, or
 * now show, the story: its own page, the front page, its section, Opinion, its writers' and tags'
 * pages, the feeds, the sitemaps, search and the corrections page. Article pages that list it
 * (related stories, the Opinion rail) carry their section's, tags' and Opinion's tags, so they
 * follow too.
 */
import { isOpinion, type ArticleKind } from "@/lib/articles/kinds";

/** Where a live article appears; null for an article readers cannot see. */
export type PublicFootprint = {
  slug: string;
  sectionSlug: string;
  kind: ArticleKind;
  /** The address segment of each byline's author page (/authors/<segment>). */
  authorSegments: string[];
  tagSlugs: string[];
  hasCorrections: boolean;
  /** The month of its publication, whose sitemap lists it (lib/articles/sitemaps.ts). */
  publishedMonth: string;
};

export const publicTag = {
  /** Everything public: the newspaper's name, time zone and sections are on every page. */
  everything: "public",
  article: (slug: string) => `article:${slug}`,
  /** The front page's lead and latest stories (news and analysis). */
  front: "front",
  /** Opinion: the /opinion pages and the Opinion rail on the front page and beside articles. */
  opinion: "opinion",
  section: (slug: string) => `section:${slug}`,
  author: (segment: string) => `author:${segment}`,
  tag: (slug: string) => `tag:${slug}`,
  /** The whole paper's feed. */
  feed: "feed",
  /** The sitemap index and its part of pages (sections, topics, writers). */
  sitemap: "sitemap",
  /** One month's sitemap. */
  sitemapMonth: (month: string) => `sitemap:${month}`,
  search: "search",
  corrections: "corrections",
} as const;

function tagsOf(footprint: PublicFootprint): string[] {
  return [
    publicTag.article(footprint.slug),
    isOpinion(footprint.kind) ? publicTag.opinion : publicTag.front,
    publicTag.section(footprint.sectionSlug),
    ...footprint.authorSegments.map(publicTag.author),
    ...footprint.tagSlugs.map(publicTag.tag),
    publicTag.feed,
    publicTag.sitemap,
    publicTag.sitemapMonth(footprint.publishedMonth),
    publicTag.search,
    ...(footprint.hasCorrections ? [publicTag.corrections] : []),
  ];
}

/**
 * The tags to expire when an article goes from `before` to `after` (either null when readers
 * cannot see it). Both sides count: a story that moves section, loses a tag or a writer, or
 * changes address must leave the old pages as well as reach the new ones.
 */
export function tagsToRefresh(before: PublicFootprint | null, after: PublicFootprint | null): string[] {
  const tags = new Set<string>();
  for (const footprint of [before, after]) if (footprint) for (const tag of tagsOf(footprint)) tags.add(tag);
  return [...tags].sort();
}
