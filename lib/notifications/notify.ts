/**
 * Writes an event's notifications, and their emails to the outbox, inside the caller's
 * transaction: they land with the change they tell of, or not at all, and sending happens later,
 * outside it (outbox.ts), so a slow mail server never holds up a publication.
 *
 *   const line = await recordEvent(tx, { … });   // lib/articles/history.ts
 *   await notifyHistoryLine(tx, line, { now });
 */
import "server-only";
import type { Tx } from "@/lib/db";
import { isRole } from "@/lib/auth/policy";
import { readSettings } from "@/lib/settings";
import { deskHeadline } from "@/lib/articles/desk-title";
import { digestSlot } from "./digest";
import { noticesForHistoryLine, type HistoryLine } from "./events";
import { deliveryFor, type Channel, type DigestRhythm } from "./kinds";
import { recipientsFor, type NewsroomEvent, type Person, type RecipientContext } from "./recipients";
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

export async function notify(tx: Tx, event: NewsroomEvent, { now, emailOn = smtpSettingsFrom(process.env).on, onceKey }: NotifyOptions): Promise<void> {
  const context = await readContext(tx, event);
  if (!context) return;
  const recipients = recipientsFor(event, context);
  if (recipients.length === 0) return;
  const userIds = recipients.map((recipient) => recipient.userId);
  const [preferences, rhythms, settings] = await Promise.all([
    tx.notificationPreference.findMany({ where: { userId: { in: userIds } } }),
    tx.notificationSettings.findMany({ where: { userId: { in: userIds } } }),
    readSettings(tx),
  ]);
  const { title, href } = context.where;
  const excerpt = "note" in event && event.note ? event.note.trim().slice(0, excerptLength) : "";
  for (const { userId, kind } of recipients) {
    const channel = (preferences.find((row) => row.userId === userId && row.kind === kind)?.channel ?? "both") as Channel;
    const delivery = deliveryFor(channel, emailOn);
    if (!delivery.desk && !delivery.email) continue;
    const dedupeKey = onceKey ? `${onceKey}:${userId}` : null;
    if (dedupeKey && (await tx.notification.findUnique({ where: { dedupeKey }, select: { id: true } }))) continue;
    const notification = await tx.notification.create({
      data: {
        recipientId: userId,
        kind,
        articleId: "articleId" in event ? event.articleId : null,
        assignmentId: "assignmentId" in event ? event.assignmentId : null,
        actorId: event.actorId,
        title,
        excerpt,
        href,
        inDesk: delivery.desk,
        dedupeKey,
        createdAt: now,
      },
    });
    if (!delivery.email) continue;
    const rhythm = (rhythms.find((row) => row.userId === userId)?.digest ?? "immediately") as DigestRhythm;
    const slot = digestSlot(rhythm, now, settings.timeZone);
    await tx.emailOutbox.create({
      data: { notificationId: notification.id, recipientId: userId, digest: slot.digest, nextAttemptAt: slot.sendAt, createdAt: now },
    });
  }
}

/** The notifications of one line of an article's history (see events.ts for which lines speak). */
export async function notifyHistoryLine(tx: Tx, line: HistoryLine, options: NotifyOptions & { corrected?: boolean }): Promise<void> {
  for (const event of noticesForHistoryLine(line, options)) await notify(tx, event, options);
}

type Context = RecipientContext & { where: { title: string; href: string } };

async function readContext(tx: Tx, event: NewsroomEvent): Promise<Context | null> {
  const users = await tx.user.findMany({ select: { id: true, role: true, name: true, email: true, active: true } });
  const people = users.flatMap(({ role, ...user }): Person[] => (isRole(role) ? [{ ...user, role }] : []));
  if ("assignmentId" in event) {
    const assignment = await tx.assignment.findUnique({ where: { id: event.assignmentId }, select: { assigneeId: true, assignedById: true, brief: true } });
    if (!assignment) return null;
    return { people, assignment, sectionFollows: [], where: { title: assignment.brief, href: `/desk/assignments/${event.assignmentId}` } };
  }
  const article = await tx.article.findUnique({
    where: { id: event.articleId },
    select: {
      authorId: true,
      sectionId: true,
      headline: true,
      version: true,
      events: { select: { actorId: true } },
      followers: { select: { userId: true, following: true } },
    },
  });
  if (!article) return null;
  const byline = await tx.revisionAuthor.findMany({
    where: { revision: { articleId: event.articleId, number: article.version } },
    select: { userId: true },
  });
  const sectionFollows = event.kind === "submitted" ? await tx.sectionFollow.findMany({ select: { userId: true, sectionId: true } }) : [];
  const anchor = event.kind === "note" ? `note-${event.noteId}` : `event-${event.eventId}`;
  return {
    people,
    article: {
      authorId: article.authorId,
      writerIds: byline.map((writer) => writer.userId),
      sectionId: article.sectionId,
      actorIds: [...new Set(article.events.map((line) => line.actorId))],
      follows: article.followers,
    },
    sectionFollows,
    where: { title: deskHeadline(article.headline), href: `/desk/articles/${event.articleId}#${anchor}` },
  };
}
