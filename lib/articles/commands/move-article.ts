/**
 * Moves an article through the workflow: submit, request changes, approve, publish, republish,
 * unpublish, spike, restore. The transition table decides (lib/articles/workflow.ts); this command
 * re-reads the article inside the transaction, applies the plan, stamps the publication dates and
 * writes the history line. Nothing changes when the plan is refused.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import { stampPublication } from "../dates";
import { planTransition, type ArticleStatus, type WorkflowAction } from "../workflow";

export type MoveArticleInput = {
  articleId: string;
  action: WorkflowAction;
  note?: string;
  significantUpdate?: boolean;
};

export async function moveArticle({ input, actor, now }: { input: MoveArticleInput; actor: Actor; now: Date }) {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: input.articleId, ...visibleArticlesWhere(actor) } });
    if (!article) throw new DeskError("not_found", "That article does not exist.");
    const plan = planTransition(input.action, { ...article, status: article.status as ArticleStatus }, actor, input.note);
    if (!plan.ok) throw new DeskError(plan.reason, plan.message);

    const significant = plan.publishes && input.action === "republish" && Boolean(input.significantUpdate);
    const publication = plan.publishes
      ? await publicationChanges(tx, article, now, significant)
      : {};
    const moved = await tx.article.updateMany({
      where: { id: article.id, status: article.status, version: article.version },
      data: { status: plan.to, ...publication, updatedAt: now },
    });
    if (moved.count !== 1) throw new DeskError("conflict", "The article changed while you were deciding. Look again.");
    await tx.articleEvent.create({
      data: {
        articleId: article.id,
        actorId: actor.id,
        action: plan.action,
        fromStatus: plan.from,
        toStatus: plan.to,
        note: input.note?.trim() || null,
        significant,
        createdAt: now,
      },
    });
    return { id: article.id, status: plan.to };
  });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** What publication changes on the row: the dates, and the live snapshot becomes the current revision. */
async function publicationChanges(
  tx: Tx,
  article: { id: string; version: number; publishedAt: Date | null; updatedStampAt: Date | null; lastPublishedAt: Date | null },
  now: Date,
  significantUpdate: boolean,
) {
  const revision = await tx.revision.findUnique({
    where: { articleId_number: { articleId: article.id, number: article.version } },
    select: { id: true },
  });
  if (!revision) throw new DeskError("not_found", "The article's current revision is missing.");
  return { ...stampPublication(article, now, { significantUpdate }), liveRevisionId: revision.id };
}
