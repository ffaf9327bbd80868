/**
 * Brings back an older revision's text as a new revision: nothing is lost, and the history says
 * which revision came back. The same rules as a save (who may edit in which state, the version
 * the caller started from, the slug rule); what readers see changes only when an editor
 * republishes, since the live revision stays put.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import { recordEvent } from "../history";
import { isRestorable, restoreNote } from "../revisions";
import type { RestoreRevisionInput } from "../schemas";
import { canEditText, type ArticleStatus } from "../workflow";
import { readExtras, writeNextRevision } from "../working-copy";

const conflictMessage = "Someone saved this article after you opened its revisions. Look again before restoring.";

export async function restoreRevision({ input, actor, now }: { input: RestoreRevisionInput; actor: Actor; now: Date }) {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: input.articleId, ...visibleArticlesWhere(actor) } });
    if (!article) throw new DeskError("not_found", "That article does not exist.");
    const status = article.status as ArticleStatus;
    if (!canEditText({ ...article, status }, actor)) {
      throw new DeskError("forbidden", "You may not edit this article in its current state.");
    }
    if (article.version !== input.baseVersion) throw new DeskError("conflict", conflictMessage);
    if (!isRestorable(input.revisionNumber, article.version)) {
      throw new DeskError("invalid_input", "Only an older revision can be restored.");
    }
    const old = await tx.revision.findUnique({
      where: { articleId_number: { articleId: article.id, number: input.revisionNumber } },
      select: { headline: true, dateline: true, standfirst: true, body: true },
    });
    if (!old) throw new DeskError("not_found", "That revision does not exist.");

    // The old revision comes back whole: text, byline, tags, image and search fields.
    const { version, slug } = await writeNextRevision(tx, {
      article,
      change: { ...old, ...(await readExtras(tx, article.id, input.revisionNumber)) },
      authorId: actor.id,
      now,
      conflictMessage,
    });
    await recordEvent(tx, {
      articleId: article.id,
      kind: "restore-revision",
      actorId: actor.id,
      fromStatus: status,
      toStatus: status,
      note: restoreNote(input.revisionNumber),
      at: now,
    });
    return { id: article.id, version, slug, restored: input.revisionNumber };
  });
}
