/**
 * A reporter (or editor) starts a new article: the article, its first revision and a history line.
 * Written for an assignment, it is linked to it in the same transaction; only the assignee may start
 * an assignment, and only once.
 *
 * A new article needs only a headline or some of the story: everything else may come later (the
 * workflow asks for it on submission, lib/articles/completeness.ts). A section, author, image or
 * address that cannot be used is left out and named in `fieldErrors`; the words are saved. So is
 * a byline naming other writers from a reporter (editable-fields.ts): it starts with the writer.
 */
import "server-only";
import { db, type Tx } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { startRefusal } from "@/lib/assignments/rules";
import type { FieldErrors } from "@/lib/desk-results";
import { bodyHasContent } from "../completeness";
import { editableFields, withoutReservedChanges } from "../editable-fields";
import { recordEvent } from "../history";
import { defaultKind } from "../kinds";
import type { DraftFields } from "../schemas";
import { slugFromHeadline, uniqueSlug } from "@/lib/text/slug";
import { bodyWithLibraryImages, takenAddressMessage, textForKind, untitledSlug, writeFirstRevision } from "../working-copy";
import { unknownSectionMessage } from "./save-article";

/** Said when a new article has nothing to save yet. */
export const nothingToSaveMessage = "Write a headline or start the story: a draft needs one of them.";

export async function createArticle({
  fields: requested,
  actor,
  now,
  assignmentId,
}: {
  fields: DraftFields;
  actor: Actor;
  now: Date;
  assignmentId?: string;
}) {
  requirePermission(actor, "create:article");
  // A new draft is the writer's own and signed by them alone until an editor adds anyone else.
  const access = editableFields(actor, { authorId: actor.id, status: "draft", publishedAt: null });
  const { change: fields, fieldErrors: refused } = withoutReservedChanges(
    access,
    { slug: "", sectionId: "", kind: "news", bylineIds: [actor.id] },
    requested,
    actor,
  );
  const headline = fields.headline ?? "";
  if (!headline && !bodyHasContent(fields.body ?? "")) {
    throw new DeskError("invalid_input", nothingToSaveMessage, { headline: [nothingToSaveMessage] });
  }
  return db.$transaction(async (tx) => {
    const fieldErrors: FieldErrors = { ...refused };
    const chosen = fields.sectionId ? await tx.section.findUnique({ where: { id: fields.sectionId }, select: { id: true } }) : null;
    if (fields.sectionId && !chosen) fieldErrors.sectionId = [unknownSectionMessage];
    // Every article sits in a section; until the writer chooses, the first one holds the draft.
    const section = chosen ?? (await tx.section.findFirst({ orderBy: { position: "asc" }, select: { id: true } }));
    if (!section) throw new DeskError("invalid_input", "The newsroom has no sections yet: an admin adds them in Settings.");
    const kind = fields.kind ?? defaultKind;
    const isTaken = async (candidate: string) => Boolean(await tx.article.findUnique({ where: { slug: candidate }, select: { id: true } }));
    const typedSlugTaken = Boolean(fields.slug && (await isTaken(fields.slug)));
    if (typedSlugTaken) fieldErrors.slug = [takenAddressMessage];
    const slug = fields.slug && !typedSlugTaken ? fields.slug : await uniqueSlug(slugFromHeadline(headline || untitledSlug), isTaken);
    // The stored body's images are the library's own (working-copy.ts), in the article and its revision alike.
    const body = await bodyWithLibraryImages(tx, fields.body ?? "");
    const text = textForKind({ headline, dateline: fields.dateline ?? "", standfirst: fields.standfirst ?? "", body: body.body }, kind);
    const article = await tx.article.create({
      data: { slug, kind, sectionId: section.id, authorId: actor.id, ...text, version: 1, createdAt: now },
    });
    const extrasErrors = await writeFirstRevision(tx, { articleId: article.id, kind, change: { ...fields, ...text }, authorId: actor.id, now });
    await recordEvent(tx, { articleId: article.id, kind: "create", actorId: actor.id, fromStatus: null, toStatus: "draft", at: now });
    if (assignmentId) await linkAssignment(tx, assignmentId, article.id, actor);
    const problems = { ...fieldErrors, ...body.fieldErrors, ...extrasErrors };
    return { id: article.id, version: article.version, ...(Object.keys(problems).length ? { fieldErrors: problems } : {}) };
  });
}

/** Marks the assignment as started by this article; refuses anyone else's, one already started, or one cancelled. */
async function linkAssignment(tx: Tx, assignmentId: string, articleId: string, actor: Actor) {
  const assignment = await tx.assignment.findUnique({ where: { id: assignmentId } });
  if (!assignment) throw new DeskError("not_found", "That assignment does not exist.");
  const refusal = startRefusal(assignment, actor);
  if (refusal) throw new DeskError(refusal.code, refusal.message);
  // The conditions make two simultaneous starts link only one article, and a start lose to a cancel made meanwhile.
  const linked = await tx.assignment.updateMany({ where: { id: assignment.id, articleId: null, cancelledAt: null }, data: { articleId } });
  if (linked.count !== 1) throw new DeskError("conflict", "This assignment has already been started, or was cancelled.");
}
