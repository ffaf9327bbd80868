/**
 * What the newsroom's screens read. Every query is limited by the policy's
 * `visibleArticlesWhere(user)`, and returns plain objects shaped for the screen.
 */
import "server-only";
import { db } from "@/lib/db";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import { countCap, countLimit, pageWindow, searchCountLimit, type PageWindow } from "@/lib/paging";
import { deskViewOrder, deskViewWhere, type DeskViewQuery } from "./desk-views";
import type { ArticleKind } from "./kinds";
import { isLive } from "./live";
import type { ArticleStatus } from "./workflow";
import type { PickedImage } from "@/lib/media/types";
import { readExtras, type RevisionExtras } from "./working-copy";
import { publicByline } from "./bylines";
import { articleSelect, revisionForReaders } from "./public-records";
import { bodyPlainText } from "@/lib/render/document";
import { excerpt } from "@/lib/text/excerpt";

export type DeskArticleRow = {
  id: string;
  headline: string;
  /** For a draft with no headline yet, its opening words; else empty. */
  firstWords: string;
  status: ArticleStatus;
  kind: ArticleKind;
  sectionName: string;
  authorName: string;
  updatedAt: Date;
  publishedAt: Date | null;
  scheduledFor: Date | null;
};

const rowSelect = {
  id: true,
  headline: true,
  status: true,
  kind: true,
  updatedAt: true,
  publishedAt: true,
  scheduledFor: true,
  section: { select: { name: true } },
  author: { select: { name: true } },
} as const;

type RowRecord = {
  id: string;
  headline: string;
  status: string;
  kind: string;
  updatedAt: Date;
  publishedAt: Date | null;
  scheduledFor: Date | null;
  section: { name: string };
  author: { name: string };
};

function toRow(record: RowRecord, openings: Map<string, string> = new Map()): DeskArticleRow {
  return {
    id: record.id,
    headline: record.headline,
    firstWords: openings.get(record.id) ?? "",
    status: record.status as ArticleStatus,
    kind: record.kind as ArticleKind,
    sectionName: record.section.name,
    authorName: record.author.name,
    updatedAt: record.updatedAt,
    publishedAt: record.publishedAt,
    scheduledFor: record.scheduledFor,
  };
}

/** A story's opening words, cut at a word: "The council voted on Tuesday night to…". */
function firstWords(body: string): string {
  return excerpt(bodyPlainText(body), 50);
}

/**
 * The rows, with the opening words of those that have no headline yet. Bodies are read only for
 * those: a list never loads every story's text.
 */
async function toRows(records: RowRecord[]): Promise<DeskArticleRow[]> {
  const untitled = records.filter((record) => !record.headline.trim()).map((record) => record.id);
  const bodies = untitled.length ? await db.article.findMany({ where: { id: { in: untitled } }, select: { id: true, body: true } }) : [];
  const openings = new Map(bodies.map(({ id, body }) => [id, firstWords(body)]));
  return records.map((record) => toRow(record, openings));
}

/** A reporter's own articles, newest work first. */
export async function listMyArticles(user: Actor): Promise<DeskArticleRow[]> {
  const records = await db.article.findMany({
    where: { authorId: user.id },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: rowSelect,
  });
  return toRows(records);
}

/** Articles waiting for an editor, oldest submission first. */
export async function listReviewQueue(user: Actor): Promise<DeskArticleRow[]> {
  const records = await db.article.findMany({
    where: { status: "submitted", ...visibleArticlesWhere(user) },
    orderBy: { updatedAt: "asc" },
    take: 100,
    select: rowSelect,
  });
  return toRows(records);
}

export async function listRecentlyPublished(user: Actor, take = 20): Promise<DeskArticleRow[]> {
  const records = await db.article.findMany({
    where: { status: "published", ...visibleArticlesWhere(user) },
    orderBy: { lastPublishedAt: "desc" },
    take,
    select: rowSelect,
  });
  return toRows(records);
}

/**
 * One page of a desk view (lib/articles/desk-views.ts). The count and the page run the same
 * `where`, so "Showing 26–50 of 73" always describes the rows shown.
 */
export async function listDeskView(
  user: Actor,
  query: DeskViewQuery,
): Promise<{ rows: DeskArticleRow[]; window: PageWindow }> {
  const section = query.section ? await db.section.findUnique({ where: { slug: query.section }, select: { id: true } }) : null;
  const where = deskViewWhere(query, user, { sectionId: section?.id });
  const cap = countCap(query.page, query.per, query.q ? searchCountLimit : countLimit);
  // In the view's order: Prisma orders a counted subquery by id otherwise, which walks the whole
  // table in id order on PostgreSQL (150–350 ms at a million) instead of the view's index.
  const counted = await db.article.count({ where, orderBy: deskViewOrder(query.view), take: cap + 1 });
  const window = pageWindow(Math.min(counted, cap), query.page, query.per, { more: counted > cap });
  const records = await db.article.findMany({
    where,
    orderBy: deskViewOrder(query.view),
    skip: window.skip,
    take: window.take,
    select: rowSelect,
  });
  return { rows: await toRows(records), window };
}

/** Everyone who has written for the desk, for the author filter. */
export async function listAuthors(): Promise<{ id: string; name: string }[]> {
  return db.user.findMany({
    where: { articles: { some: {} } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export type DeskArticleNote = { id: string; body: string; authorName: string; at: Date };

export type DeskArticle = {
  id: string;
  slug: string;
  headline: string;
  dateline: string;
  standfirst: string;
  body: string;
  bodyHtml: string;
  kind: ArticleKind;
  status: ArticleStatus;
  sectionId: string;
  section: { slug: string; name: string };
  authorId: string;
  authorName: string;
  version: number;
  /** Whether readers see it now (./live.ts): the desk then links to its page. */
  live: boolean;
  /** Whether the working copy differs from what readers see. */
  hasUnpublishedChanges: boolean;
  publishedAt: Date | null;
  updatedStampAt: Date | null;
  scheduledFor: Date | null;
  /** For a scheduled article, the revision that goes live at its time (later edits do not). */
  scheduledVersion: number | null;
  /** When the last publication came from the scheduler after its time: the history's account of it. */
  publishedLate: string | null;
  history: { id: string; action: string; fromStatus: string | null; toStatus: string; note: string | null; significant: boolean; late: boolean; actorName: string; at: Date }[];
  /** The latest note of an editor who asked for changes, while the article is back with its author. */
  changesNote: string | null;
  /** Internal notes, oldest first: desk only, never in public output. */
  notes: DeskArticleNote[];
};

/** One article as the desk shows it, or null when it does not exist or `user` may not see it. */
export async function getDeskArticle(user: Actor, id: string): Promise<DeskArticle | null> {
  const article = await db.article.findFirst({
    where: { id, ...visibleArticlesWhere(user) },
    include: {
      section: { select: { slug: true, name: true } },
      author: { select: { name: true } },
      liveRevision: { select: { number: true } },
      revisions: { where: {}, orderBy: { number: "desc" }, take: 1, select: { bodyHtml: true } },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actor: { select: { name: true } } } },
      notes: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: { select: { name: true } } } },
    },
  });
  if (!article) return null;
  const history = article.events.map((event) => ({
    id: event.id,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    note: event.note,
    significant: event.significant,
    late: event.late,
    actorName: event.actor.name,
    at: event.createdAt,
  }));
  const lastRequest = [...history].reverse().find((event) => event.action === "requestChanges");
  return {
    id: article.id,
    slug: article.slug,
    headline: article.headline,
    dateline: article.dateline,
    standfirst: article.standfirst,
    body: article.body,
    bodyHtml: article.revisions[0]?.bodyHtml ?? "",
    kind: article.kind as ArticleKind,
    status: article.status as ArticleStatus,
    sectionId: article.sectionId,
    section: article.section,
    authorId: article.authorId,
    authorName: article.author.name,
    version: article.version,
    live: isLive(article),
    hasUnpublishedChanges: Boolean(article.liveRevision && article.liveRevision.number !== article.version),
    publishedAt: article.publishedAt,
    updatedStampAt: article.updatedStampAt,
    scheduledFor: article.scheduledFor,
    scheduledVersion: article.status === "scheduled" ? (article.approvedVersion ?? article.version) : null,
    publishedLate: lateNote([...history].reverse().find((event) => event.action === "publish")),
    history,
    changesNote: article.status === "changes_requested" ? (lastRequest?.note ?? null) : null,
    notes: article.notes.map((note) => ({ id: note.id, body: note.body, authorName: note.author.name, at: note.createdAt })),
  };
}

function lateNote(publication: { late: boolean; note: string | null } | undefined): string | null {
  if (!publication?.late) return null;
  return publication.note ?? "Published late by the scheduler.";
}

export async function listSections(): Promise<{ id: string; slug: string; name: string }[]> {
  return db.section.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true } });
}

/** A revision's extras as the article form holds them: the featured image with its library item. */
export type EditorExtras = Omit<RevisionExtras, "featuredImage"> & {
  featuredImage: (NonNullable<RevisionExtras["featuredImage"]> & { image: PickedImage }) | null;
};

export async function getEditorExtras(articleId: string, number: number): Promise<EditorExtras> {
  const extras = await readExtras(db, articleId, number);
  const featured = extras.featuredImage;
  const image = featured
    ? await db.media.findUnique({
        where: { id: featured.id },
        select: { id: true, storageKey: true, mimeType: true, width: true, height: true, variantWidths: true, alt: true, caption: true, credit: true },
      })
    : null;
  return { ...extras, featuredImage: featured && image ? { ...featured, image } : null };
}

/**
 * The working copy's byline, featured image, tags and writer's note, shaped exactly as readers'
 * pages get them, for the desk's preview.
 */
export async function getPreviewParts(user: Actor, article: { id: string; version: number; kind: ArticleKind; authorId: string }) {
  const revision = await db.revision.findFirst({
    where: { number: article.version, article: { id: article.id, ...visibleArticlesWhere(user) } },
    select: { ...articleSelect.liveRevision.select, article: { select: { author: { select: { id: true, name: true, slug: true } } } } },
  });
  if (!revision) return { authors: [], image: null, tags: [], writerBio: "" };
  return { authors: publicByline(article.kind, revision.bylines, revision.article.author), ...revisionForReaders(revision) };
}

/** Who may be named in a byline, and the tags the newsroom already uses. */
export async function getEditorChoices(): Promise<{ staff: { id: string; name: string }[]; tags: string[] }> {
  const [staff, tags] = await Promise.all([
    db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.tag.findMany({ orderBy: { name: "asc" }, take: 500, select: { name: true } }),
  ]);
  return { staff, tags: tags.map((tag) => tag.name) };
}

export type LatestVersion = {
  version: number;
  headline: string;
  dateline: string;
  standfirst: string;
  body: string;
  extras: EditorExtras;
  savedBy: string;
  savedAt: Date;
};

/** The newest saved text of an article, shown beside the writer's own when their save was stale. */
export async function getLatestVersion(user: Actor, id: string): Promise<LatestVersion | null> {
  const article = await db.article.findFirst({
    where: { id, ...visibleArticlesWhere(user) },
    select: {
      version: true,
      revisions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { headline: true, dateline: true, standfirst: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  const revision = article?.revisions[0];
  if (!article || !revision) return null;
  return {
    version: article.version,
    extras: await getEditorExtras(id, article.version),
    headline: revision.headline,
    dateline: revision.dateline,
    standfirst: revision.standfirst,
    body: revision.body,
    savedBy: revision.author.name,
    savedAt: revision.createdAt,
  };
}
