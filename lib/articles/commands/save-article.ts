/**
 * Saves an article's text as a new revision. The save names the version it started from; if
 * someone saved in between, it is refused as a conflict and the caller keeps the user's text.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import type { SaveArticleInput } from "../schemas";
import { canEditText, type ArticleStatus } from "../workflow";
import { writeNextRevision } from "../working-copy";

const conflictMessage = "Someone else saved this article after you opened it. Your text is kept here.";

export async function saveArticle({ input, actor, now }: { input: SaveArticleInput; actor: Actor; now: Date }) {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: input.articleId, ...visibleArticlesWhere(actor) } });
    if (!article) throw new DeskError("not_found", "That article does not exist.");
    if (!canEditText({ ...article, status: article.status as ArticleStatus }, actor)) {
      throw new DeskError("forbidden", "You may not edit this article in its current state.");
    }
    if (article.version !== input.baseVersion) throw new DeskError("conflict", conflictMessage);
    const section = await tx.section.findUnique({ where: { id: input.sectionId } });
    if (!section) throw new DeskError("invalid_input", "That section does not exist.");

    const { kind, sectionId, ...change } = input;
    const { version, slug } = await writeNextRevision(tx, {
      article,
      change,
      placement: { kind, sectionId },
      authorId: actor.id,
      now,
      conflictMessage,
    });
    return { id: article.id, version, slug };
  });
}
