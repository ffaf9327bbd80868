/**
 * Writes an event's notifications, and their emails to the outbox, in the caller's transaction:
 * the delivery of a queued notice (queue.ts), or a deadline reminder made by the clock. Sending
 * happens later, outside it (outbox.ts), so a slow mail server never holds anything up.
 */
import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isRole } from "@/lib/auth/policy";
import { defaultSettings, readSettings } from "@/lib/settings";
import { deskHeadline } from "@/lib/articles/desk-title";
import { digestSlot } from "./digest";
import { deliveryFor, type Channel, type DigestRhythm, type NotificationKind } from "./kinds";
import { candidatesFor, recipientsFor, type NewsroomEvent, type Person, type RecipientContext } from "./recipients";
import { smtpSettingsFrom } from "./email/settings";

export type NotifyOptions = {
  now: Date;
  /** Whether email is on; by default, whether a mail server is configured. */
  emailOn?: boolean;
  /**
   * For what the clock brings (deadlines): a key for this event, so each recipient is told once
   * however many workers or ticks see it. A recipient already told is skipped.
   */
  onceKey?: string;
};

const excerptLength = 200;

/**
 * Kept cheap, since it runs inside a write transaction and SQLite has one writer: it reads
 * only the people the event can reach (with their choices for this kind), the settings only when a
 * daily digest needs the time zone, and writes all the notifications and all the emails in one
 * insert each.
 */
export async function notify(tx: Tx, event: NewsroomEvent, { now, emailOn = smtpSettingsFrom(process.env).on, onceKey }: NotifyOptions): Promise<void> {
  const context = await readContext(tx, event);
  if (!context) return;
  const recipients = recipientsFor(event, context);
  if (recipients.length === 0) return;
  const dedupeKey = (userId: string) => (onceKey ? `${onceKey}:${userId}` : null);
  const told = onceKey ? await alreadyTold(tx, recipients.map(({ userId }) => dedupeKey(userId)!)) : new Set<string>();
  const { title, href } = context.where;
  const excerpt = "note" in event && event.note ? event.note.trim().slice(0, excerptLength) : "";
  const deliveries = recipients.flatMap(({ userId, kind }) => {
    if (told.has(userId)) return [];
    const choices = context.choices.get(userId);
    const channel = (choices?.channels.find((row) => row.kind === kind)?.channel ?? "both") as Channel;
    const delivery = deliveryFor(channel, emailOn);
    if (!delivery.desk && !delivery.email) return [];
    return [{ userId, kind, delivery, rhythm: (choices?.digest ?? "immediately") as DigestRhythm }];
  });
  if (deliveries.length === 0) return;
  const notifications = await tx.notification.createManyAndReturn({
    data: deliveries.map(({ userId, kind, delivery }) => ({
      recipientId: userId,
      kind,
      articleId: "articleId" in event ? event.articleId : null,
      assignmentId: "assignmentId" in event ? event.assignmentId : null,
      actorId: event.actorId,
      title,
      excerpt,
      href,
      inDesk: delivery.desk,
      dedupeKey: dedupeKey(userId),
      createdAt: now,
    })),
    select: { id: true, recipientId: true },
  });
  const emails = deliveries.filter(({ delivery }) => delivery.email);
  if (emails.length === 0) return;
  // Each recipient has one notification per event, so the recipient finds its row.
  const notificationOf = new Map(notifications.map((row) => [row.recipientId, row.id]));
  const { timeZone } = emails.some(({ rhythm }) => rhythm === "daily") ? await readSettings(tx) : defaultSettings;
  await tx.emailOutbox.createMany({
    data: emails.map(({ userId, rhythm }) => {
      const slot = digestSlot(rhythm, now, timeZone);
      return { notificationId: notificationOf.get(userId)!, recipientId: userId, digest: slot.digest, nextAttemptAt: slot.sendAt, createdAt: now };
    }),
  });
}

/** The recipients already told under these keys (one read for all of them). */
async function alreadyTold(tx: Tx, dedupeKeys: string[]): Promise<Set<string>> {
  const rows = await tx.notification.findMany({ where: { dedupeKey: { in: dedupeKeys } }, select: { recipientId: true } });
  return new Set(rows.map((row) => row.recipientId));
}

type Choices = { channels: { kind: string; channel: string }[]; digest: string | null };
type Context = RecipientContext & { where: { title: string; href: string }; choices: Map<string, Choices> };

/** The kinds `event` is told as (a note: as a mention or as a note), for reading only those choices. */
const kindsOf = (event: NewsroomEvent): NotificationKind[] => (event.kind === "note" ? ["mentioned", "note"] : [event.kind]);

/**
 * The staff the event can reach (all of them when it does not name them), each with their
 * choices for this event's kinds: one query (Prisma's relation loads made it three).
 */
async function readPeople(tx: Tx, event: NewsroomEvent, candidates: string[] | null): Promise<Pick<Context, "people" | "choices">> {
  if (candidates?.length === 0) return { people: [], choices: new Map() };
  const kinds = Prisma.join(kindsOf(event).map((kind) => Prisma.sql`${kind}`));
  const named = candidates ? Prisma.sql`AND "u"."id" IN (${Prisma.join(candidates.map((id) => Prisma.sql`${id}`))})` : Prisma.empty;
  const rows = await tx.$queryRaw<{ id: string; role: string; name: string; email: string; kind: string | null; channel: string | null; digest: string | null }[]>`
    SELECT "u"."id", "u"."role", "u"."name", "u"."email", "p"."kind", "p"."channel", "s"."digest"
    FROM "User" AS "u"
    LEFT JOIN "NotificationPreference" AS "p" ON "p"."userId" = "u"."id" AND "p"."kind" IN (${kinds})
    LEFT JOIN "NotificationSettings" AS "s" ON "s"."userId" = "u"."id"
    -- Inactive staff are never told: no need to read them.
    WHERE "u"."active" = ${true} ${named}`;
  const people = new Map<string, Person>();
  const choices = new Map<string, Choices>();
  for (const { id, role, name, email, kind, channel, digest } of rows) {
    if (!isRole(role)) continue;
    if (!people.has(id)) {
      people.set(id, { id, role, name, email, active: true });
      choices.set(id, { channels: [], digest });
    }
    if (kind && channel) choices.get(id)!.channels.push({ kind, channel });
  }
  return { people: [...people.values()], choices };
}

async function readContext(tx: Tx, event: NewsroomEvent): Promise<Context | null> {
  if ("assignmentId" in event) {
    const assignment = await tx.assignment.findUnique({ where: { id: event.assignmentId }, select: { assigneeId: true, assignedById: true, brief: true } });
    if (!assignment) return null;
    const people = await readPeople(tx, event, candidatesFor(event, { assignment }));
    return { ...people, assignment, sectionFollows: [], where: { title: assignment.brief, href: `/desk/assignments/${event.assignmentId}` } };
  }
  const isNote = event.kind === "note";
  // The article and its current revision's byline in one read.
  const rows = await tx.$queryRaw<{ authorId: string; sectionId: string; headline: string; writerId: string | null }[]>`
    SELECT "a"."authorId", "a"."sectionId", "a"."headline", "ra"."userId" AS "writerId"
    FROM "Article" AS "a"
    LEFT JOIN "Revision" AS "r" ON "r"."articleId" = "a"."id" AND "r"."number" = "a"."version"
    LEFT JOIN "RevisionAuthor" AS "ra" ON "ra"."revisionId" = "r"."id"
    WHERE "a"."id" = ${event.articleId}`;
  const article = rows[0];
  if (!article) return null;
  // Only a note reaches the article's followers.
  // One after the other: a transaction is one connection, which runs one query at a time.
  const events = isNote ? await tx.articleEvent.findMany({ where: { articleId: event.articleId }, select: { actorId: true } }) : [];
  const followers = isNote ? await tx.articleFollow.findMany({ where: { articleId: event.articleId }, select: { userId: true, following: true } }) : [];
  const about = {
    authorId: article.authorId,
    writerIds: rows.flatMap((row) => (row.writerId ? [row.writerId] : [])),
    sectionId: article.sectionId,
    actorIds: [...new Set(events.map((line) => line.actorId))],
    follows: followers,
  };
  const people = await readPeople(tx, event, candidatesFor(event, { article: about }));
  const sectionFollows = event.kind === "submitted" ? await tx.sectionFollow.findMany({ select: { userId: true, sectionId: true } }) : [];
  const anchor = event.kind === "note" ? `note-${event.noteId}` : `event-${event.eventId}`;
  return {
    ...people,
    article: about,
    sectionFollows,
    where: { title: deskHeadline(article.headline), href: `/desk/articles/${event.articleId}#${anchor}` },
  };
}
