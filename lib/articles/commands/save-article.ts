/**
 * Saves an article's content as a new revision. The save names the version it started from; if
 * someone saved in between, it is refused as a conflict and the caller keeps the user's text.
 *
 * A draft saves with whatever it has. Fields the save leaves out (or that were not well formed, so
 * the action left them out) keep what the article has; a section, author, image or address that
 * cannot be used is left out the same way and named in `fieldErrors`, so one bad field never
 * stops the story's words reaching the server.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import type { FieldErrors } from "@/lib/desk-results";
import { readPublicFootprint, refreshPublicPages, type PublicChange } from "@/lib/public-cache";
import type { SaveArticleInput } from "../schemas";
import { canEditText, type ArticleStatus } from "../workflow";
import { writeNextRevision } from "../working-copy";

const conflictMessage = "Someone else saved this article after you opened it. Your text is kept here.";

export const unknownSectionMessage = "That section does not exist: choose another.";

export async function saveArticle({ input, actor, now }: { input: SaveArticleInput; actor: Actor; now: Date }) {
  let publicChange: PublicChange | null = null;
  const saved = await db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: input.articleId, ...visibleArticlesWhere(actor) } });
    if (!article) throw new DeskError("not_found", "That article does not exist.");
    if (!canEditText({ ...article, status: article.status as ArticleStatus }, actor)) {
      throw new DeskError("forbidden", "You may not edit this article in its current state.");
    }
    if (article.version !== input.baseVersion) throw new DeskError("conflict", conflictMessage);
    const fieldErrors: FieldErrors = {};
    let sectionId = input.sectionId ?? article.sectionId;
    if (sectionId !== article.sectionId && !(await tx.section.findUnique({ where: { id: sectionId }, select: { id: true } }))) {
      fieldErrors.sectionId = [unknownSectionMessage];
      sectionId = article.sectionId;
    }
    const kind = input.kind ?? article.kind;

    // Readers keep the live revision's text, but a live article's address, section and kind are
    // the article's own: when a save changes them, its pages are refreshed after the commit.
    const before = article.status === "published" ? await readPublicFootprint(tx, article.id) : null;
    const { slug, seoTitle, seoDescription, writerBio, tags, bylineIds, featuredImage } = input;
    const written = await writeNextRevision(tx, {
      article,
      change: {
        ...{ slug, seoTitle, seoDescription, writerBio, tags, bylineIds, featuredImage },
        headline: input.headline ?? article.headline,
        dateline: input.dateline ?? article.dateline,
        standfirst: input.standfirst ?? article.standfirst,
        body: input.body ?? article.body,
      },
      placement: { kind, sectionId },
      authorId: actor.id,
      now,
      conflictMessage,
    });
    if (before && (written.slug !== article.slug || sectionId !== article.sectionId || kind !== article.kind)) {
      publicChange = { articleId: article.id, before, after: await readPublicFootprint(tx, article.id) };
    }
    const problems = { ...fieldErrors, ...written.fieldErrors };
    return { id: article.id, version: written.version, slug: written.slug, ...(Object.keys(problems).length ? { fieldErrors: problems } : {}) };
  });
  if (publicChange) await refreshPublicPages(publicChange);
  return saved;
}
