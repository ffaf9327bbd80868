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
import { defaultSettings, readSettings } from "@/lib/settings";
import { deskHeadline } from "@/lib/articles/desk-title";
import { digestSlot } from "./digest";
import { noticesForHistoryLine, type HistoryLine } from "./events";
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
 * Kept cheap, since it runs inside the writer's transaction and SQLite has one writer: it reads
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

/** The notifications of one line of an article's history (see events.ts for which lines speak). */
export async function notifyHistoryLine(tx: Tx, line: HistoryLine, options: NotifyOptions & { corrected?: boolean }): Promise<void> {
  for (const event of noticesForHistoryLine(line, options)) await notify(tx, event, options);
}

type Choices = { channels: { kind: string; channel: string }[]; digest: string | null };
type Context = RecipientContext & { where: { title: string; href: string }; choices: Map<string, Choices> };

/** The kinds `event` is told as (a note: as a mention or as a note), for reading only those choices. */
const kindsOf = (event: NewsroomEvent): NotificationKind[] => (event.kind === "note" ? ["mentioned", "note"] : [event.kind]);

/**
 * The staff the event can reach (all of them when it does not name them), each with their
 * choices for this event's kinds, in one read.
 */
async function readPeople(tx: Tx, event: NewsroomEvent, candidates: string[] | null): Promise<Pick<Context, "people" | "choices">> {
  if (candidates?.length === 0) return { people: [], choices: new Map() };
  const users = await tx.user.findMany({
    // Inactive staff are never told: no need to read them.
    where: { active: true, ...(candidates ? { id: { in: candidates } } : {}) },
    select: {
      id: true,
      role: true,
      name: true,
      email: true,
      active: true,
      notificationPreferences: { where: { kind: { in: kindsOf(event) } }, select: { kind: true, channel: true } },
      notificationSettings: { select: { digest: true } },
    },
  });
  const people = users.flatMap(({ id, role, name, email, active }): Person[] => (isRole(role) ? [{ id, role, name, email, active }] : []));
  const choices = new Map(users.map((user): [string, Choices] => [user.id, { channels: user.notificationPreferences, digest: user.notificationSettings?.digest ?? null }]));
  return { people, choices };
}

async function readContext(tx: Tx, event: NewsroomEvent): Promise<Context | null> {
  if ("assignmentId" in event) {
    const assignment = await tx.assignment.findUnique({ where: { id: event.assignmentId }, select: { assigneeId: true, assignedById: true, brief: true } });
    if (!assignment) return null;
    const people = await readPeople(tx, event, candidatesFor(event, { assignment }));
    return { ...people, assignment, sectionFollows: [], where: { title: assignment.brief, href: `/desk/assignments/${event.assignmentId}` } };
  }
  const isNote = event.kind === "note";
  const article = await tx.article.findUnique({
    where: { id: event.articleId },
    select: {
      authorId: true,
      sectionId: true,
      headline: true,
      version: true,
      // Only a note reaches the article's followers.
      events: isNote ? { select: { actorId: true } } : false,
      followers: isNote ? { select: { userId: true, following: true } } : false,
    },
  });
  if (!article) return null;
  const byline = await tx.revisionAuthor.findMany({
    where: { revision: { articleId: event.articleId, number: article.version } },
    select: { userId: true },
  });
  const about = {
    authorId: article.authorId,
    writerIds: byline.map((writer) => writer.userId),
    sectionId: article.sectionId,
    actorIds: [...new Set((article.events ?? []).map((line) => line.actorId))],
    follows: article.followers ?? [],
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
