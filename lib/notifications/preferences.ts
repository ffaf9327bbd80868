/**
 * A person's own notification choices: per kind, desk / email / both / neither (no row: both);
 * how often email comes; the sections an editor follows; and the articles they follow or left.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { can, visibleArticlesWhere, type Actor } from "@/lib/auth/policy";
import { channels, digestRhythms, notificationKinds, type Channel, type DigestRhythm, type NotificationKind } from "./kinds";
import { followsArticle } from "./recipients";
import type { FollowArticleInput, PreferencesInput } from "./schemas";

export type Preferences = { channels: Record<NotificationKind, Channel>; digest: DigestRhythm; sectionIds: string[] };

export async function readPreferences(userId: string): Promise<Preferences> {
  const [rows, settings, follows] = await Promise.all([
    db.notificationPreference.findMany({ where: { userId } }),
    db.notificationSettings.findUnique({ where: { userId } }),
    db.sectionFollow.findMany({ where: { userId }, select: { sectionId: true } }),
  ]);
  const chosen = (kind: NotificationKind): Channel => {
    const channel = rows.find((row) => row.kind === kind)?.channel;
    return channel && (channels as readonly string[]).includes(channel) ? (channel as Channel) : "both";
  };
  const digest = settings?.digest && (digestRhythms as readonly string[]).includes(settings.digest) ? (settings.digest as DigestRhythm) : "immediately";
  return {
    channels: Object.fromEntries(notificationKinds.map((kind) => [kind, chosen(kind)])) as Record<NotificationKind, Channel>,
    digest,
    sectionIds: follows.map((follow) => follow.sectionId),
  };
}

export async function savePreferences({ input, actor }: { input: PreferencesInput; actor: Actor }): Promise<object> {
  const sectionIds = can(actor, "review:article:any") ? [...new Set(input.sectionIds)] : [];
  await db.$transaction(async (tx) => {
    if (sectionIds.length) {
      const known = await tx.section.count({ where: { id: { in: sectionIds } } });
      if (known !== sectionIds.length) throw new DeskError("invalid_input", "One of those sections no longer exists. Look again.", { sectionIds: ["Choose from the sections listed."] });
    }
    for (const [kind, channel] of Object.entries(input.channels)) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind } },
        create: { userId: actor.id, kind, channel },
        update: { channel },
      });
    }
    await tx.notificationSettings.upsert({ where: { userId: actor.id }, create: { userId: actor.id, digest: input.digest }, update: { digest: input.digest } });
    await tx.sectionFollow.deleteMany({ where: { userId: actor.id } });
    if (sectionIds.length) await tx.sectionFollow.createMany({ data: sectionIds.map((sectionId) => ({ userId: actor.id, sectionId })) });
  });
  return {};
}

/** Follow or leave an article's notes. Only an article the person may see. */
export async function followArticle({ input, actor }: { input: FollowArticleInput; actor: Actor }): Promise<object> {
  const article = await db.article.findFirst({ where: { id: input.articleId, ...visibleArticlesWhere(actor) }, select: { id: true } });
  if (!article) throw new DeskError("not_found", "That article does not exist.");
  await db.articleFollow.upsert({
    where: { userId_articleId: { userId: actor.id, articleId: article.id } },
    create: { userId: actor.id, articleId: article.id, following: input.following },
    update: { following: input.following },
  });
  return {};
}

/** Whether `user` hears of the article's notes now (see `followsArticle`); null if they may not see it. */
export async function isFollowingArticle(user: Actor, articleId: string): Promise<boolean | null> {
  const article = await db.article.findFirst({
    where: { id: articleId, ...visibleArticlesWhere(user) },
    select: {
      authorId: true,
      version: true,
      events: { where: { actorId: user.id }, select: { actorId: true }, take: 1 },
      followers: { where: { userId: user.id }, select: { userId: true, following: true } },
    },
  });
  if (!article) return null;
  const onByline = await db.revisionAuthor.count({ where: { userId: user.id, revision: { articleId, number: article.version } } });
  return followsArticle(user, {
    authorId: article.authorId,
    writerIds: onByline ? [user.id] : [],
    actorIds: article.events.map((event) => event.actorId),
    follows: article.followers,
  });
}
