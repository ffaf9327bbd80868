/**
 * A reporter (or editor) starts a new article: the article, its first revision and a history line.
 * Written for an assignment, it is linked to it in the same transaction; only the assignee may start
 * an assignment, and only once.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { can, type Actor } from "@/lib/auth/policy";
import { startRefusal } from "@/lib/assignments/rules";
import type { ArticleFields } from "../schemas";
import { slugFromHeadline, uniqueSlug } from "../slug";
import { bodyWithLibraryImages, writeFirstRevision } from "../working-copy";

export async function createArticle({
  fields,
  actor,
  now,
  assignmentId,
}: {
  fields: ArticleFields;
  actor: Actor;
  now: Date;
  assignmentId?: string;
}) {
  if (!can(actor, "create:article")) throw new DeskError("forbidden", "You may not create articles.");
  return db.$transaction(async (tx) => {
    const section = await tx.section.findUnique({ where: { id: fields.sectionId } });
    if (!section) throw new DeskError("invalid_input", "That section does not exist.");
    const isTaken = async (candidate: string) => Boolean(await tx.article.findUnique({ where: { slug: candidate }, select: { id: true } }));
    if (fields.slug && (await isTaken(fields.slug))) {
      throw new DeskError("invalid_input", "Some fields need attention.", {
        slug: ["Another article already has this address. Choose a different one."],
      });
    }
    const slug = fields.slug || (await uniqueSlug(slugFromHeadline(fields.headline), isTaken));
    // The stored body's images are the library's own (working-copy.ts), in the article and its revision alike.
    const body = await bodyWithLibraryImages(tx, fields.body);
    const article = await tx.article.create({
      data: {
        slug,
        kind: fields.kind,
        sectionId: fields.sectionId,
        authorId: actor.id,
        headline: fields.headline,
        dateline: fields.dateline,
        standfirst: fields.standfirst,
        body,
        version: 1,
        createdAt: now,
      },
    });
    await writeFirstRevision(tx, { articleId: article.id, kind: fields.kind, change: { ...fields, body }, authorId: actor.id, now });
    await tx.articleEvent.create({
      data: { articleId: article.id, actorId: actor.id, action: "create", toStatus: "draft", createdAt: now },
    });
    if (assignmentId) await linkAssignment(tx, assignmentId, article.id, actor);
    return { id: article.id, version: article.version };
  });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Marks the assignment as started by this article; refuses anyone else's, or one already started. */
async function linkAssignment(tx: Tx, assignmentId: string, articleId: string, actor: Actor) {
  const assignment = await tx.assignment.findUnique({ where: { id: assignmentId } });
  if (!assignment) throw new DeskError("not_found", "That assignment does not exist.");
  const refusal = startRefusal(assignment, actor);
  if (refusal) throw new DeskError(refusal.code, refusal.message);
  // The `articleId: null` condition makes two simultaneous starts link only one article.
  const linked = await tx.assignment.updateMany({ where: { id: assignment.id, articleId: null }, data: { articleId } });
  if (linked.count !== 1) throw new DeskError("conflict", "This assignment has already been started.");
}
