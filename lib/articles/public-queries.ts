/**
 * What readers see. Every query here is limited to published articles and reads the live
 * revision (the snapshot taken at publication), never the working copy.
 */
import "server-only";
import { db } from "@/lib/db";
import { bodyText } from "@/lib/render/body";
import { excerpt } from "./excerpt";
import { authorPath } from "@/lib/users/author-slug";
import { hasByline, isOpinion, articleKinds, type ArticleKind } from "./kinds";
import type { CorrectionKind } from "./schemas";
import { articlePath } from "./slug";

const published = { status: "published", liveRevisionId: { not: null } } as const;
const correctionSelect = { id: true, kind: true, text: true, createdAt: true } as const;
const opinionKinds = articleKinds.filter(isOpinion);

export type PublicArticleCard = {
  id: string;
  path: string;
  headline: string;
  dateline: string;
  kind: ArticleKind;
  section: { slug: string; name: string };
  authorName: string;
  /** The author's page; null for editorials, which speak for the paper. */
  authorPath: string | null;
  excerpt: string;
  publishedAt: Date;
  updatedStampAt: Date | null;
};

export type PublicCorrection = { id: string; kind: CorrectionKind; text: string; createdAt: Date };

export type PublicArticle = PublicArticleCard & {
  standfirst: string;
  bodyHtml: string;
  author: { name: string; bio: string | null };
  corrections: PublicCorrection[];
};

const cardInclude = {
  section: { select: { slug: true, name: true } },
  author: { select: { id: true, name: true, bio: true, slug: true } },
  liveRevision: { select: { headline: true, dateline: true, standfirst: true, body: true, bodyHtml: true } },
} as const;

type CardRecord = {
  id: string;
  slug: string;
  kind: string;
  publishedAt: Date | null;
  updatedStampAt: Date | null;
  section: { slug: string; name: string };
  author: { id: string; name: string; bio: string | null; slug: string | null };
  liveRevision: { headline: string; dateline: string; standfirst: string; body: string; bodyHtml: string } | null;
};

function toCard(record: CardRecord): PublicArticleCard {
  const live = record.liveRevision!;
  return {
    id: record.id,
    path: articlePath(record),
    headline: live.headline,
    dateline: live.dateline,
    kind: record.kind as ArticleKind,
    section: record.section,
    authorName: record.author.name,
    authorPath: hasByline(record.kind as ArticleKind) ? authorPath(record.author) : null,
    excerpt: excerpt(live.standfirst || bodyText(live.body)),
    publishedAt: record.publishedAt!,
    updatedStampAt: record.updatedStampAt,
  };
}

type ArticleRecord = CardRecord & { corrections: { id: string; kind: string; text: string; createdAt: Date }[] };

function toArticle(record: ArticleRecord): PublicArticle {
  const live = record.liveRevision!;
  return {
    ...toCard(record),
    standfirst: live.standfirst,
    bodyHtml: live.bodyHtml,
    author: { name: record.author.name, bio: record.author.bio },
    corrections: record.corrections.map((correction) => ({ ...correction, kind: correction.kind as CorrectionKind })),
  };
}

/** A published article by its slug, or null (drafts, spiked and unpublished articles do not exist here). */
export async function getPublishedArticle(slug: string): Promise<PublicArticle | null> {
  const record = await db.article.findFirst({
    where: { slug, ...published },
    include: { ...cardInclude, corrections: { orderBy: { createdAt: "asc" }, select: correctionSelect } },
  });
  return record ? toArticle(record) : null;
}

/** The latest published stories, first publication newest first. */
export async function listLatestArticles({ take = 20, sectionSlug }: { take?: number; sectionSlug?: string } = {}) {
  const records = await db.article.findMany({
    where: { ...published, ...(sectionSlug ? { section: { slug: sectionSlug } } : {}) },
    orderBy: { publishedAt: "desc" },
    take,
    include: cardInclude,
  });
  return records.map(toCard);
}

/** News and analysis for the home page's lead and latest stories. */
export async function listLatestNews(take = 13) {
  const records = await db.article.findMany({
    where: { ...published, kind: { in: ["news", "analysis"] } },
    orderBy: { publishedAt: "desc" },
    take,
    include: cardInclude,
  });
  return records.map(toCard);
}

/** Editorials and other opinion, newest first. */
export async function listOpinion({ take = 30, kinds = opinionKinds }: { take?: number; kinds?: readonly ArticleKind[] } = {}) {
  const records = await db.article.findMany({
    where: { ...published, kind: { in: [...kinds] } },
    orderBy: { publishedAt: "desc" },
    take,
    include: cardInclude,
  });
  return records.map(toCard);
}

export async function getSection(slug: string) {
  return db.section.findUnique({ where: { slug }, select: { slug: true, name: true } });
}

export async function listPublicSections() {
  return db.section.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true } });
}

/** Every published article's path and dates, for the sitemap. */
export async function listSitemapEntries() {
  const records = await db.article.findMany({
    where: published,
    orderBy: { publishedAt: "desc" },
    take: 50_000,
    select: { slug: true, publishedAt: true, updatedStampAt: true, lastPublishedAt: true, section: { select: { slug: true } } },
  });
  return records.map((record) => ({
    path: articlePath(record),
    lastModified: record.updatedStampAt ?? record.publishedAt!,
  }));
}

/** Corrections and clarifications on published articles, newest first. */
export async function listCorrections({ take = 100 }: { take?: number } = {}) {
  const records = await db.correction.findMany({
    where: { article: published },
    orderBy: { createdAt: "desc" },
    take,
    select: { ...correctionSelect, article: { select: { slug: true, headline: true, section: { select: { slug: true } }, liveRevision: { select: { headline: true } } } } },
  });
  return records.map((record) => ({
    id: record.id,
    kind: record.kind as CorrectionKind,
    text: record.text,
    createdAt: record.createdAt,
    article: { path: articlePath(record.article), headline: record.article.liveRevision?.headline ?? record.article.headline },
  }));
}

/** Articles first published since `since`, for the Google News sitemap. */
export async function listNewsSitemapEntries(since: Date) {
  const records = await db.article.findMany({
    where: { ...published, publishedAt: { gte: since } },
    orderBy: { publishedAt: "desc" },
    take: 1000,
    select: { slug: true, publishedAt: true, section: { select: { slug: true } }, liveRevision: { select: { headline: true } } },
  });
  return records.map((record) => ({
    path: articlePath(record),
    headline: record.liveRevision!.headline,
    publishedAt: record.publishedAt!,
  }));
}

export type PublicPage = { items: PublicArticleCard[]; total: number; page: number; pages: number };
export const perPage = 20;

/** One page of published articles, newest first, optionally limited to a section or kinds. */
export async function listPublishedPage({
  page,
  sectionSlug,
  kinds,
  authorId,
}: {
  page: number;
  sectionSlug?: string;
  kinds?: readonly ArticleKind[];
  authorId?: string;
}): Promise<PublicPage> {
  const where = {
    ...published,
    ...(sectionSlug ? { section: { slug: sectionSlug } } : {}),
    ...(kinds ? { kind: { in: [...kinds] } } : {}),
    // An author's page lists their signed work: editorials speak for the paper.
    ...(authorId ? { authorId, kind: { in: articleKinds.filter(hasByline) } } : {}),
  };
  const [total, records] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({ where, orderBy: { publishedAt: "desc" }, skip: (page - 1) * perPage, take: perPage, include: cardInclude }),
  ]);
  return { items: records.map(toCard), total, page, pages: Math.max(1, Math.ceil(total / perPage)) };
}

/**
 * Published articles matching every word of `query` in headline, standfirst or body (of what
 * readers see), ranked: headline matches first, then standfirst, then body; newest first within.
 */
export async function searchPublished({ query, page }: { query: string; page: number }): Promise<PublicPage> {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return { items: [], total: 0, page: 1, pages: 1 };
  const inField = (field: "headline" | "standfirst" | "body") => ({
    AND: words.map((word) => ({ liveRevision: { [field]: { contains: word } } })),
  });
  const ranked: string[] = [];
  for (const field of ["headline", "standfirst", "body"] as const) {
    const matches = await db.article.findMany({
      where: { ...published, ...inField(field), id: { notIn: ranked } },
      orderBy: { publishedAt: "desc" },
      take: 500 - ranked.length,
      select: { id: true },
    });
    ranked.push(...matches.map((match) => match.id));
    if (ranked.length >= 500) break;
  }
  const pageIds = ranked.slice((page - 1) * perPage, page * perPage);
  const records = await db.article.findMany({ where: { id: { in: pageIds } }, include: cardInclude });
  const byId = new Map(records.map((record) => [record.id, record]));
  return {
    items: pageIds.map((id) => byId.get(id)).filter((record) => record !== undefined).map(toCard),
    total: ranked.length,
    page,
    pages: Math.max(1, Math.ceil(ranked.length / perPage)),
  };
}

/** An author with signed, published work, by the address of their page (or their id). */
export async function getAuthor(slugOrId: string) {
  const author = await db.user.findFirst({
    where: { OR: [{ slug: slugOrId }, { id: slugOrId }], articles: { some: { ...published, kind: { not: "editorial" } } } },
    select: { id: true, name: true, bio: true, slug: true },
  });
  return author ? { ...author, path: authorPath(author) } : null;
}

/** Other recent stories from the same section, for the foot of an article. */
export async function listRelated({ articleId, sectionSlug, take = 4 }: { articleId: string; sectionSlug: string; take?: number }) {
  const records = await db.article.findMany({
    where: { ...published, section: { slug: sectionSlug }, id: { not: articleId } },
    orderBy: { publishedAt: "desc" },
    take,
    include: cardInclude,
  });
  return records.map(toCard);
}
