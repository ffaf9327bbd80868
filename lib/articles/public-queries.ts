/**
 * What readers see. Every read here is limited to live articles (./live.ts) and their live revision, and
 * is cached (lib/public-cache/cached.ts) under tags that the commands expire when an article's
 * public life changes (lib/public-cache/tags.ts), so pages are rendered from the cache, not the
 * database, and refreshed within the request after a change.
 */
import "server-only";
import { db } from "@/lib/db";
import { cachedRead, keptUntilExpired } from "@/lib/public-cache/cached";
import { publicTag } from "@/lib/public-cache/tags";
import { defaultSettings, readSettings, type NewsroomSettings } from "@/lib/settings";
import { pageCount } from "@/lib/paging";
import { authorPath } from "@/lib/users/author-slug";
import { frontPageKinds, isOpinion, opinionKinds, type ArticleKind } from "./kinds";
import { isLive, liveWhere } from "./live";
import {
  tagPath,
  toArticle,
  toCard,
  type PublicArticle,
  type PublicCorrection,
  type PublicPage,
  type PublicTag,
} from "./public-records";
import type { CorrectionKind } from "./schemas";
import { searchArticleIds } from "./search-index";
import { installedSearcher, type Searcher } from "./search-worker";
import { cardRows, cardsFromRows, newestLiveCardRows, type CardRow, type NewestFilter } from "./card-rows";
import { readLiveArticle } from "./article-row";
import { anyListed, listingIds, newestIds, withLivePages, type ListingFilter } from "./listing-ids";

export type { ListingFilter } from "./listing-ids";
import { articlePath } from "./paths";
import { monthBounds, monthsBetween, sitemapPartLimit } from "./sitemaps";

export type { PublicArticle, PublicArticleCard, PublicCorrection, PublicImage, PublicPage, PublicTag } from "./public-records";

export const perPage = 20;
const emptyPage: PublicPage = { items: [], total: 0, page: 1, pages: 1 };

export const getPublicSettings = cachedRead(
  "settings",
  async (): Promise<NewsroomSettings> => {
    const { newspaperName, timeZone } = await readSettings(db);
    return { newspaperName, timeZone };
  },
  () => [],
  defaultSettings,
  { kept: true },
);

export const listPublicSections = cachedRead(
  "sections",
  () => db.section.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true } }),
  () => [],
  [],
  { kept: true },
);

/** A section by its slug, or null: found among all of them, which every page reads anyway. */
export async function getSection(slug: string): Promise<{ slug: string; name: string } | null> {
  return (await listPublicSections()).find((section) => section.slug === slug) ?? null;
}

/** A published article by its slug, or null (drafts, scheduled, spiked and withdrawn articles do not exist here). */
export const getPublishedArticle = cachedRead(
  "article",
  async (slug: string): Promise<PublicArticle | null> => {
    const record = await readLiveArticle(db, slug);
    return record ? toArticle(record) : null;
  },
  (slug) => [publicTag.article(slug)],
  null,
);

/** The cards of the newest live articles of `filter`, publication newest first. */
async function newestLiveCards(take: number, filter: NewestFilter) {
  return (await newestLiveCardRows(db, take, filter)).filter(isLive).map(toCard);
}

/** The latest published stories, first publication newest first: the feeds. */
export const listLatestArticles = cachedRead(
  "latest",
  ({ take = 20, sectionSlug }: { take?: number; sectionSlug?: string } = {}) => newestLiveCards(take, sectionSlug ? { sectionSlug } : "all"),
  ({ sectionSlug } = {}) => [sectionSlug ? publicTag.section(sectionSlug) : publicTag.feed],
  [],
);

/** The newest live pieces of some kinds, cached under `name` and refreshed with `tag`'s pages. */
function latestOfKinds(name: string, kinds: readonly ArticleKind[], tag: string) {
  return cachedRead(name, (take: number) => newestLiveCards(take, { kinds }), () => [tag], []);
}

/** News and analysis (the kinds that lead the front page) for its lead and latest stories. */
export const listLatestNews = latestOfKinds("front", frontPageKinds, publicTag.front);

/** Editorials and other opinion, newest first: the Opinion rail. */
export const listOpinion = latestOfKinds("opinion-rail", opinionKinds, publicTag.opinion);

function listingTags(filter: ListingFilter): string[] {
  if ("sectionSlug" in filter) return [publicTag.section(filter.sectionSlug)];
  if ("kinds" in filter) return filter.kinds.some(isOpinion) ? [publicTag.opinion] : [publicTag.front];
  if ("author" in filter) return [publicTag.author(filter.author.segment)];
  return [publicTag.tag(filter.tagSlug)];
}

/**
 * The cards of live articles `ids`, in that order (one that stopped being live is left out). The
 * rule is checked on the rows read, not in the query: given "status", SQLite walks the status index
 * across every live article instead of fetching twenty by id (62 ms against 1 on 50,000 articles).
 * Lists find their ids first and read the cards here, in plain statements (card-rows.ts says why).
 */
async function cardsInOrder(ids: string[]) {
  return ids.length === 0 ? [] : inOrder(ids, await cardRows(db, ids));
}

function inOrder(ids: string[], records: CardRow[]) {
  const byId = new Map(records.filter(isLive).map((record) => [record.id, record]));
  return ids.flatMap((id) => {
    const record = byId.get(id);
    return record ? [toCard(record)] : [];
  });
}

/** One page of published articles, newest first: a section, Opinion, a writer's or a tag's page. */
export const listPublishedPage = cachedRead(
  "listing",
  async (filter: ListingFilter, page: number): Promise<PublicPage> => {
    const { ids, total, more } = await listingIds(db, filter, { offset: (page - 1) * perPage, limit: perPage });
    return { items: await cardsInOrder(ids), total, page, pages: pageCount(total, perPage), more };
  },
  (filter) => listingTags(filter),
  emptyPage,
);

/**
 * The sitemap index's months: each month with live stories, newest first, and when its latest
 * story was published or last updated (its part's lastmod). Two index reads find the span; one
 * aggregate a month reads that month's stories alone.
 */
export const listSitemapMonths = cachedRead(
  "sitemap-months",
  async (): Promise<{ month: string; lastModified: Date }[]> => {
    const [first, last] = await Promise.all([
      db.article.findFirst({ where: liveWhere, orderBy: { publishedAt: "asc" }, select: { publishedAt: true } }),
      db.article.findFirst({ where: liveWhere, orderBy: { publishedAt: "desc" }, select: { publishedAt: true } }),
    ]);
    if (!first?.publishedAt || !last?.publishedAt) return [];
    // One month after another: each is kept once read, and a first read of every month of a large
    // archive must not take all of PostgreSQL's connections at once.
    const months: { month: string; lastModified: Date }[] = [];
    for (const month of monthsBetween(first.publishedAt, last.publishedAt)) {
      const lastModified = await monthLastModified(month);
      if (lastModified) months.push({ month, lastModified });
    }
    return months;
  },
  () => [publicTag.sitemap],
  [],
);

/**
 * When a month's stories last changed. Each month's is kept until a change to that month expires
 * it: a publication re-reads only its own month's, not all of them (reading every story's dates
 * took 150 to 300 ms on 50,000 articles, after every publication).
 */
function monthLastModified(month: string): Promise<Date | null> {
  return keptUntilExpired(`sitemap-month-modified:${month}`, [publicTag.everything, publicTag.sitemapMonth(month)], async () => {
    const { from, to } = monthBounds(month);
    const { _max: latest } = await db.article.aggregate({
      where: { ...liveWhere, publishedAt: { gte: from, lt: to } },
      _max: { publishedAt: true, updatedStampAt: true },
    });
    const dates = [latest.publishedAt, latest.updatedStampAt].filter((date): date is Date => date !== null);
    return dates.length ? new Date(Math.max(...dates.map((date) => date.getTime()))) : null;
  });
}

/** One month's live stories for its sitemap: address and last change, newest first. */
export const listSitemapMonth = cachedRead(
  "sitemap-month",
  async (month: string): Promise<{ path: string; lastModified: Date }[]> => {
    const { from, to } = monthBounds(month);
    const articles = await db.article.findMany({
      where: { ...liveWhere, publishedAt: { gte: from, lt: to } },
      orderBy: { publishedAt: "desc" },
      take: sitemapPartLimit,
      select: { slug: true, publishedAt: true, updatedStampAt: true, section: { select: { slug: true } } },
    });
    return articles.map((record) => ({ path: articlePath(record), lastModified: record.updatedStampAt ?? record.publishedAt! }));
  },
  (month) => [publicTag.sitemapMonth(month)],
  [],
);

/** The topic and writer pages with live stories, for the sitemap's part of pages. */
export const listSitemapPages = cachedRead(
  "sitemap-pages",
  async () => {
    const { tagSlugs, writers } = await withLivePages(db);
    const bySegment = writers.sort((a, b) => (a.slug ?? a.id).localeCompare(b.slug ?? b.id));
    return { tagPaths: tagSlugs.map(tagPath), authorPaths: bySegment.map(authorPath) };
  },
  () => [publicTag.sitemap],
  { tagPaths: [], authorPaths: [] },
);

/** One page of corrections and clarifications on published articles, newest first. */
export const listCorrections = cachedRead(
  "corrections",
  async (page: number): Promise<{ items: PublicCorrectionEntry[]; page: number; pages: number }> => {
    const where = { article: liveWhere };
    const [total, records] = await Promise.all([
      db.correction.count({ where }),
      db.correction.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * perPage,
        take: perPage,
        select: {
          id: true,
          kind: true,
          text: true,
          createdAt: true,
          article: { select: { slug: true, section: { select: { slug: true } }, liveRevision: { select: { headline: true } } } },
        },
      }),
    ]);
    const items = records.map((record) => ({
      id: record.id,
      kind: record.kind as CorrectionKind,
      text: record.text,
      createdAt: record.createdAt,
      article: { path: articlePath(record.article), headline: record.article.liveRevision!.headline },
    }));
    return { items, page, pages: pageCount(total, perPage) };
  },
  () => [publicTag.corrections],
  { items: [], page: 1, pages: 1 },
);

/** A correction as the corrections page lists it: with the article it corrects. */
export type PublicCorrectionEntry = PublicCorrection & { article: { path: string; headline: string } };

/** Articles first published since `since` (an ISO instant), for the Google News sitemap. */
export const listNewsSitemapEntries = cachedRead(
  "news-sitemap",
  async (since: string) => {
    const records = await db.article.findMany({
      where: { ...liveWhere, publishedAt: { gte: new Date(since) } },
      orderBy: { publishedAt: "desc" },
      take: 1000,
      select: { slug: true, publishedAt: true, section: { select: { slug: true } }, liveRevision: { select: { headline: true } } },
    });
    return records.map((record) => ({ path: articlePath(record), headline: record.liveRevision!.headline, publishedAt: record.publishedAt! }));
  },
  () => [publicTag.sitemap],
  [],
);

/**
 * Published articles matching every word of `query` in headline, standfirst or body of what
 * readers see, ranked (lib/articles/search-index.ts), one page at a time: in the server, on the
 * search worker's thread (search-worker.ts).
 */
export const searchPublished = cachedRead(
  "search",
  async (query: string, page: number): Promise<PublicPage> => {
    const search: Searcher = installedSearcher() ?? ((request) => searchArticleIds(db, request));
    const { ids, total, cards, capped } = await search({ query, offset: (page - 1) * perPage, limit: perPage });
    const items = cards ? inOrder(ids, cardsFromRows(cards)) : await cardsInOrder(ids);
    return { items, total, page, pages: pageCount(total, perPage), ...(capped ? { capped } : {}) };
  },
  () => [publicTag.search],
  emptyPage,
);

/** A writer with signed, published work, by the last part of their page's address (slug or id). */
export const getAuthor = cachedRead(
  "author",
  async (segment: string) => {
    const user = await db.user.findFirst({
      where: { OR: [{ slug: segment }, { id: segment }] },
      select: { id: true, name: true, bio: true, slug: true },
    });
    if (!user) return null;
    const signed = await anyListed(db, { author: { id: user.id, segment } });
    return signed ? { ...user, path: authorPath(user) } : null;
  },
  (segment) => [publicTag.author(segment)],
  null,
);

/** A tag that has published articles, by its slug. */
export const getTag = cachedRead(
  "tag",
  async (slug: string): Promise<PublicTag | null> => {
    const tag = await db.tag.findFirst({
      where: { slug, revisions: { some: { revision: { liveOf: liveWhere } } } },
      select: { slug: true, name: true },
    });
    return tag ? { ...tag, path: tagPath(tag.slug) } : null;
  },
  (slug) => [publicTag.tag(slug)],
  null,
);

/**
 * Stories to read next, for the foot of an article: the newest sharing one of its tags first, then
 * the newest from its section. `fromSection` says whether all of them came from the section.
 */
export const listRelated = cachedRead(
  "related",
  async ({ articleId, sectionSlug, tagSlugs }: { articleId: string; sectionSlug: string; tagSlugs: string[] }) => {
    const take = 4;
    const tagged = await newestIds(db, { tagSlugs }, { limit: take, excluding: [articleId] });
    const fromSection = await newestIds(db, { sectionSlug }, { limit: take - tagged.length, excluding: [articleId, ...tagged] });
    return { items: await cardsInOrder([...tagged, ...fromSection]), fromSection: tagged.length === 0 };
  },
  ({ sectionSlug, tagSlugs }) => [publicTag.section(sectionSlug), ...tagSlugs.map(publicTag.tag)],
  { items: [], fromSection: true },
);
