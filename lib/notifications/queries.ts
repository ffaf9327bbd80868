/**
 * The desk's reads and marks of a person's own notifications. Every function takes the signed-in
 * user and touches only that person's rows; the list and the count also keep to what the policy
 * lets them see now (a reporter who was an editor no longer sees other writers' stories named).
 */
import "server-only";
import { db } from "@/lib/db";
import { visibleArticlesWhere, visibleAssignmentsWhere, type Actor } from "@/lib/auth/policy";
import { isNotificationKind, notificationSentence, type NotificationKind } from "./kinds";

/** The rows `user` sees in the desk. For editors, who see everything, no join: the count stays on its index. */
function deskNotificationsWhere(user: Actor) {
  const articles = visibleArticlesWhere(user);
  const assignments = visibleAssignmentsWhere(user);
  return {
    recipientId: user.id,
    inDesk: true,
    AND: [
      Object.keys(articles).length ? { OR: [{ articleId: null }, { article: { is: articles } }] } : {},
      Object.keys(assignments).length ? { OR: [{ assignmentId: null }, { assignment: { is: assignments } }] } : {},
    ],
  };
}

/** The header's number: one count on (recipientId, inDesk, readAt). */
export async function unreadCount(user: Actor): Promise<number> {
  return db.notification.count({ where: { ...deskNotificationsWhere(user), readAt: null } });
}

export type DeskNotification = {
  id: string;
  kind: NotificationKind;
  sentence: string;
  excerpt: string;
  at: Date;
  read: boolean;
};

export const notificationsPageSize = 50;

export async function listNotifications(user: Actor, page = 1): Promise<{ items: DeskNotification[]; more: boolean }> {
  const rows = await db.notification.findMany({
    where: deskNotificationsWhere(user),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * notificationsPageSize,
    take: notificationsPageSize + 1,
    select: { id: true, kind: true, title: true, excerpt: true, createdAt: true, readAt: true, actor: { select: { name: true } } },
  });
  const items = rows.slice(0, notificationsPageSize).flatMap((row): DeskNotification[] =>
    isNotificationKind(row.kind)
      ? [
          {
            id: row.id,
            kind: row.kind,
            sentence: notificationSentence({ kind: row.kind, actorName: row.actor?.name ?? null, title: row.title }),
            excerpt: row.excerpt,
            at: row.createdAt,
            read: row.readAt !== null,
          },
        ]
      : [],
  );
  return { items, more: rows.length > notificationsPageSize };
}

/** Marks one of the user's notifications read and says where it leads; null if it is not theirs to see. */
export async function openNotification(user: Actor, id: string, now: Date): Promise<string | null> {
  const row = await db.notification.findFirst({ where: { id, ...deskNotificationsWhere(user) }, select: { href: true, readAt: true } });
  if (!row) return null;
  if (!row.readAt) await db.notification.updateMany({ where: { id, recipientId: user.id, readAt: null }, data: { readAt: now } });
  return row.href;
}

export async function markAllRead(user: Actor, now: Date): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { recipientId: user.id, readAt: null }, data: { readAt: now } });
  return count;
}
