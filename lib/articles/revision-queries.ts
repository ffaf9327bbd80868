/**
 * What the revisions screen reads: an article's revisions, newest first, and the text of the two
 * being compared. Limited by the policy's `visibleArticlesWhere(user)` like every desk read.
 */
import "server-only";
import { db } from "@/lib/db";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import type { ArticleStatus } from "./workflow";
import type { ArticleText } from "./working-copy";

export type RevisionRow = {
  number: number;
  authorName: string;
  savedAt: Date;
  /** The working copy: the text the article form shows. */
  isCurrent: boolean;
  /** The snapshot readers see. */
  isLive: boolean;
};

export type ArticleRevisions = {
  id: string;
  headline: string;
  status: ArticleStatus;
  authorId: string;
  version: number;
  revisions: RevisionRow[];
};

/** An article's revisions as the desk lists them, or null when it does not exist or `user` may not see it. */
export async function getArticleRevisions(user: Actor, articleId: string): Promise<ArticleRevisions | null> {
  const article = await db.article.findFirst({
    where: { id: articleId, ...visibleArticlesWhere(user) },
    select: {
      id: true,
      headline: true,
      status: true,
      authorId: true,
      version: true,
      liveRevisionId: true,
      revisions: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!article) return null;
  return {
    id: article.id,
    headline: article.headline,
    status: article.status as ArticleStatus,
    authorId: article.authorId,
    version: article.version,
    revisions: article.revisions.map((revision) => ({
      number: revision.number,
      authorName: revision.author.name,
      savedAt: revision.createdAt,
      isCurrent: revision.number === article.version,
      isLive: revision.id === article.liveRevisionId,
    })),
  };
}

/** A revision as the compare screen reads it: its text, and its other fields as lines of text. */
export type RevisionText = ArticleText & { byline: string; tags: string; seoTitle: string; seoDescription: string; featuredImage: string };

/** The text of the given revisions of an article `user` may see, by number; missing ones are left out. */
export async function getRevisionTexts(
  user: Actor,
  articleId: string,
  numbers: number[],
): Promise<Map<number, RevisionText>> {
  const revisions = await db.revision.findMany({
    where: { number: { in: numbers }, article: { id: articleId, ...visibleArticlesWhere(user) } },
    select: {
      number: true,
      headline: true,
      dateline: true,
      standfirst: true,
      body: true,
      seoTitle: true,
      seoDescription: true,
      featuredImageAlt: true,
      featuredImageCaption: true,
      featuredImageId: true,
      bylines: { orderBy: { position: "asc" }, select: { user: { select: { name: true } } } },
      tags: { orderBy: { tag: { name: "asc" } }, select: { tag: { select: { name: true } } } },
    },
  });
  return new Map(
    revisions.map(({ number, bylines, tags, featuredImageAlt, featuredImageCaption, featuredImageId, ...text }) => [
      number,
      {
        ...text,
        byline: bylines.map(({ user: person }) => person.name).join(", "),
        tags: tags.map(({ tag }) => tag.name).join(", "),
        featuredImage: featuredImageId ? [featuredImageAlt, featuredImageCaption].filter(Boolean).join(" — ") : "",
      },
    ]),
  );
}
