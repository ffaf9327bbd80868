/**
 * Saves an article's content as a new revision. The save names the version it started from; if
 * someone saved in between, it is refused as a conflict and the caller keeps the user's text.
 *
 * A draft saves with whatever it has. Fields the save leaves out (or that were not well formed, so
 * the action left them out) keep what the article has; a section, author, image or address that
 * cannot be used is left out the same way and named in `fieldErrors`, so one bad field never
 * stops the story's words reaching the server. A change to a field that is not the actor's to
 * change (editable-fields.ts: another writer's byline, a published story's address) is refused
 * the same way: named in `fieldErrors`, the article keeps its own value, the rest is saved.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import { announcePublicChange, readPublicFootprint, refreshPublicPages, type PublicChange } from "@/lib/public-cache";
import type { SaveArticleInput } from "../schemas";
import { editableFields, withoutReservedChanges } from "../editable-fields";
import { canEditText, type ArticleStatus } from "../workflow";
import { readExtras, writeNextRevision } from "../working-copy";

const conflictMessage = "Someone else saved this article after you opened it. Your text is kept here.";

export const unknownSectionMessage = "That section does not exist: choose another.";

export async function saveArticle({ input, actor, now }: { input: SaveArticleInput; actor: Actor; now: Date }) {
  let publicChange: PublicChange | null = null;
  const saved = await db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: input.articleId, ...visibleArticlesWhere(actor) } });
    if (!article) throw new DeskError("not_found", "That article does not exist.");
    const state = { ...article, status: article.status as ArticleStatus };
    if (!canEditText(state, actor)) {
      throw new DeskError("forbidden", "You may not edit this article in its current state.");
    }
    if (article.version !== input.baseVersion) throw new DeskError("conflict", conflictMessage);
    const access = editableFields(actor, state);
    // The byline is the revision's: read only when the actor's change to it is limited.
    const bylineIds = access.bylineIds === "edit" ? [] : (await readExtras(tx, article.id, article.version)).bylineIds;
    const { change, fieldErrors } = withoutReservedChanges(access, { ...article, bylineIds }, input, actor);
    let sectionId = change.sectionId ?? article.sectionId;
    if (sectionId !== article.sectionId && !(await tx.section.findUnique({ where: { id: sectionId }, select: { id: true } }))) {
      fieldErrors.sectionId = [unknownSectionMessage];
      sectionId = article.sectionId;
    }
    const kind = change.kind ?? article.kind;

    // Readers keep the live revision's text, but a live article's address, section and kind are
    // the article's own: when a save changes them, its pages are refreshed after the commit.
    const before = article.status === "published" ? await readPublicFootprint(tx, article.id) : null;
    const { slug, seoTitle, seoDescription, writerBio, tags, featuredImage } = change;
    const written = await writeNextRevision(tx, {
      article,
      change: {
        ...{ slug, seoTitle, seoDescription, writerBio, tags, bylineIds: change.bylineIds, featuredImage },
        headline: change.headline ?? article.headline,
        dateline: change.dateline ?? article.dateline,
        standfirst: change.standfirst ?? article.standfirst,
        body: change.body ?? article.body,
      },
      placement: { kind, sectionId },
      authorId: actor.id,
      now,
      conflictMessage,
    });
    if (before && (written.slug !== article.slug || sectionId !== article.sectionId || kind !== article.kind)) {
      publicChange = await announcePublicChange(tx, { articleId: article.id, before, after: await readPublicFootprint(tx, article.id) });
    }
    const problems = { ...fieldErrors, ...written.fieldErrors };
    return { id: article.id, version: written.version, slug: written.slug, ...(Object.keys(problems).length ? { fieldErrors: problems } : {}) };
  });
  if (publicChange) await refreshPublicPages(publicChange);
  return saved;
}
