/**
 * Adds an internal note to an article. Whoever may see the article in the desk may read and add
 * notes; notes are never part of what readers get (no public query reads them).
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import { queueNotice } from "@/lib/notifications/queue";
import type { AddNoteInput } from "../schemas";

export async function addNote({ input, actor, now }: { input: AddNoteInput; actor: Actor; now: Date }) {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: input.articleId, ...visibleArticlesWhere(actor) },
      select: { id: true },
    });
    if (!article) throw new DeskError("not_found", "That article does not exist.");
    const note = await tx.articleNote.create({
      data: { articleId: article.id, authorId: actor.id, body: input.body, createdAt: now },
    });
    await queueNotice(tx, { kind: "note", articleId: article.id, actorId: actor.id, note: note.body, noteId: note.id }, { now });
    return { id: note.id, articleId: article.id };
  });
}
