/**
 * Who else has an article open. Each open desk page sends a heartbeat every few seconds; anyone
 * seen in the last `presenceWindowMs` counts as present. Nothing is ever locked: a page left open
 * simply stops counting once its heartbeats stop.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";

export const presenceWindowMs = 15_000;

export async function recordPresence({ articleId, actor, now }: { articleId: string; actor: Actor; now: Date }) {
  const article = await db.article.findFirst({ where: { id: articleId, ...visibleArticlesWhere(actor) }, select: { id: true } });
  if (!article) throw new DeskError("not_found", "That article does not exist.");
  await db.presence.upsert({
    where: { articleId_userId: { articleId, userId: actor.id } },
    create: { articleId, userId: actor.id, seenAt: now },
    update: { seenAt: now },
  });
  const others = await db.presence.findMany({
    where: { articleId, userId: { not: actor.id }, seenAt: { gt: new Date(now.getTime() - presenceWindowMs) } },
    orderBy: { seenAt: "desc" },
    select: { user: { select: { name: true } } },
  });
  return { others: others.map((presence) => presence.user.name) };
}

export async function leaveArticle({ articleId, actor }: { articleId: string; actor: Actor }) {
  await db.presence.deleteMany({ where: { articleId, userId: actor.id } });
}
