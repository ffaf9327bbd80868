/**
 * The notices queue: what the workflow's commands write, inside their own transaction, instead of
 * the notifications themselves. One insert of the event (no reads), so a publication holds
 * SQLite's one writer no longer for having someone to tell; the notice lands with the change it
 * tells of, or not at all.
 *
 *   const line = historyLine({ … });                                  // lib/articles/history.ts
 *   await writeTogether(tx, update, [historyLineInsert(line), historyLineNoticesInsert(line, { now })]);
 *
 * Each server process delivers the queue every second (`startNoticeDelivery`): it takes a notice
 * off the queue and writes its notifications and emails (`notify`) in one transaction, so a notice
 * is delivered exactly once whatever crashes or however many processes look: the process whose
 * delete removed the row writes them; another finds it gone and does nothing. A crash between the
 * command's commit and the delivery loses nothing: the row waits for the next tick.
 *
 * Recipients and their choices are read at delivery, a second or so after the event: someone who
 * changes their preferences in that second gets the new choice.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { now as clockNow } from "@/lib/time/clock";
import { startTicker } from "@/lib/time/ticker";
import { noticesForHistoryLine, type HistoryLine } from "./events";
import { notify } from "./notify";
import { retryDelayMs } from "./outbox";
import type { NewsroomEvent } from "./recipients";

/** How often each process delivers: the desk's unread count is polled every 3 s. */
export const deliveryTickMs = 1_000;
/** A notice whose delivery failed this many times stays on the queue, with its last error, for an admin to read. */
export const maxDeliveryAttempts = 8;
const batchSize = 50;

/** Queues an event's notifications, inside the transaction that records the event. */
export async function queueNotice(tx: Tx, event: NewsroomEvent, { now }: { now: Date }): Promise<void> {
  await queue(tx, [event], now);
}

/**
 * The insert of the notices of one line of an article's history (see events.ts for which lines
 * speak), or null when it has none, for a transaction that sends it with its other writes
 * (lib/writes-together.ts).
 */
export function historyLineNoticesInsert(line: HistoryLine, { now, corrected }: { now: Date; corrected?: boolean }): Prisma.Sql | null {
  return queueInsert(noticesForHistoryLine(line, { corrected }), now);
}

async function queue(tx: Tx, events: NewsroomEvent[], now: Date): Promise<void> {
  const insert = queueInsert(events, now);
  if (insert) await tx.$executeRaw(insert);
}

/** One plain insert: Prisma's createMany cost three times as much inside every publication. */
function queueInsert(events: NewsroomEvent[], now: Date): Prisma.Sql | null {
  if (events.length === 0) return null;
  const rows = events.map((event) => Prisma.sql`(${randomUUID()}, ${JSON.stringify(event)}, ${now}, ${now})`);
  return Prisma.sql`INSERT INTO "QueuedNotice" ("id", "event", "occurredAt", "nextAttemptAt") VALUES ${Prisma.join(rows)}`;
}

/**
 * Delivers what is queued, oldest first: a notice not yet tried at once, a failed one when its
 * retry is due. Returns how many were delivered here and how many failed (to be retried).
 * `emailOn`: as for `notify` (by default, whether a mail server is configured).
 */
export async function deliverQueuedNotices({
  now = clockNow(),
  emailOn,
  stopping = () => false,
}: {
  now?: Date;
  emailOn?: boolean;
  /** The server is stopping: take no more notices (what is left waits for the next start). */
  stopping?: () => boolean;
} = {}) {
  const queued = await db.queuedNotice.findMany({
    where: { attempts: { lt: maxDeliveryAttempts }, OR: [{ attempts: 0 }, { nextAttemptAt: { lte: now } }] },
    orderBy: { occurredAt: "asc" },
    take: batchSize,
    select: { id: true, event: true, occurredAt: true, attempts: true },
  });
  let delivered = 0;
  let failed = 0;
  for (const notice of queued) {
    if (stopping()) break;
    try {
      const took = await db.$transaction(async (tx) => {
        // Only the delivery whose delete removed the row writes the notifications: once, however many look.
        const { count } = await tx.queuedNotice.deleteMany({ where: { id: notice.id } });
        if (count === 0) return false;
        await notify(tx, JSON.parse(notice.event) as NewsroomEvent, { now: notice.occurredAt, emailOn });
        return true;
      });
      if (took) delivered += 1;
    } catch (error) {
      failed += 1;
      const attempts = notice.attempts + 1;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await db.queuedNotice.updateMany({ where: { id: notice.id }, data: { attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)), lastError: message } });
      console.warn(`Notifications: a notice could not be delivered (attempt ${attempts} of ${maxDeliveryAttempts}): ${message}`);
    }
  }
  return { delivered, failed };
}

/** Delivers the queue every second in this process, beside the scheduler. Returns a function that stops it. */
export function startNoticeDelivery(clock: () => Date = clockNow): () => void {
  return startTicker("Notifications", deliveryTickMs, async ({ stopping }) => {
    await deliverQueuedNotices({ now: clock(), stopping });
  });
}
