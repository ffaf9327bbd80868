/**
 * Brings back an older revision's text as a new revision: nothing is lost, and the history says
 * which revision came back. The same rules as a save (who may edit in which state, the version
 * the caller started from, the slug rule); what readers see changes only when an editor
 * republishes, since the live revision stays put. A revision signed by other writers than the
 * current one is an editor's to bring back (editable-fields.ts): a reporter's restore is refused.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import { recordEvent } from "../history";
import { isRestorable, restoreNote } from "../revisions";
import type { RestoreRevisionInput } from "../schemas";
import { editableFields, withoutReservedChanges } from "../editable-fields";
import { canEditText, type ArticleStatus } from "../workflow";
import { readExtras, writeNextRevision } from "../working-copy";

const conflictMessage = "Someone saved this article after you opened its revisions. Look again before restoring.";

export async function restoreRevision({ input, actor, now }: { input: RestoreRevisionInput; actor: Actor; now: Date }) {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: input.articleId, ...visibleArticlesWhere(actor) } });
    if (!article) throw new DeskError("not_found", "That article does not exist.");
    const state = { ...article, status: article.status as ArticleStatus };
    if (!canEditText(state, actor)) {
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
    const extras = await readExtras(tx, article.id, input.revisionNumber);
    const access = editableFields(actor, state);
    if (access.bylineIds !== "edit") {
      const { bylineIds } = await readExtras(tx, article.id, article.version);
      const { fieldErrors } = withoutReservedChanges(access, { ...article, bylineIds }, { bylineIds: extras.bylineIds }, actor);
      if (fieldErrors.bylineIds) {
        throw new DeskError("forbidden", `Revision ${input.revisionNumber} is signed by other writers. ${fieldErrors.bylineIds[0]}`);
      }
    }
    const { version, slug } = await writeNextRevision(tx, {
      article,
      change: { ...old, ...extras },
      authorId: actor.id,
      now,
      conflictMessage,
    });
    await recordEvent(tx, {
      articleId: article.id,
      kind: "restore-revision",
      actorId: actor.id,
      fromStatus: state.status,
      toStatus: state.status,
      note: restoreNote(input.revisionNumber),
      at: now,
    });
    return { id: article.id, version, slug, restored: input.revisionNumber };
  });
}
