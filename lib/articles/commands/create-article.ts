/** A reporter (or editor) starts a new article: the article, its first revision and a history line. */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { can, type Actor } from "@/lib/auth/policy";
import { renderBody } from "@/lib/render/body";
import type { ArticleFields } from "../schemas";
import { slugFromHeadline, uniqueSlug } from "../slug";

export async function createArticle({ fields, actor, now }: { fields: ArticleFields; actor: Actor; now: Date }) {
  if (!can(actor, "create:article")) throw new DeskError("forbidden", "You may not create articles.");
  return db.$transaction(async (tx) => {
    const section = await tx.section.findUnique({ where: { id: fields.sectionId } });
    if (!section) throw new DeskError("invalid_input", "That section does not exist.");
    const slug = await uniqueSlug(slugFromHeadline(fields.headline), async (candidate) =>
      Boolean(await tx.article.findUnique({ where: { slug: candidate }, select: { id: true } })),
    );
    const article = await tx.article.create({
      data: {
        slug,
        kind: fields.kind,
        sectionId: fields.sectionId,
        authorId: actor.id,
        headline: fields.headline,
        dateline: fields.dateline,
        standfirst: fields.standfirst,
        body: fields.body,
        version: 1,
        createdAt: now,
      },
    });
    await tx.revision.create({
      data: {
        articleId: article.id,
        number: 1,
        headline: fields.headline,
        dateline: fields.dateline,
        standfirst: fields.standfirst,
        body: fields.body,
        bodyHtml: renderBody(fields.body),
        authorId: actor.id,
        createdAt: now,
      },
    });
    await tx.articleEvent.create({
      data: { articleId: article.id, actorId: actor.id, action: "create", toStatus: "draft", createdAt: now },
    });
    return { id: article.id, version: article.version };
  });
}
