/**
 * The email outbox's worker, in the server process beside the scheduler. Rows are written by
 * `notify` with their notification, when the notice the event queued in its own transaction is
 * delivered (queue.ts), so an email is never lost: whatever happens after a commit (a crash, a
 * restart, a mail server down), the notice or the row waits until it is delivered and sent.
 *
 * Nothing is sent twice by two workers: each row is claimed with a conditional update (only a row
 * nobody holds), and only the worker whose update took it sends it. A worker that dies holding a
 * claim loses it after `claimMs`, and the row is sent then. (A worker that dies after the mail
 * server accepted a message but before recording it would send that one again: SMTP cannot tell.
 * Each message carries a Message-ID made from its row, so mail systems can spot the repeat.)
 *
 * A failure is retried with growing delays, up to `maxAttempts`; the publication that caused the
 * email finished long before, so a failing or slow mail server never holds one up.
 */
import "server-only";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/time/clock";
import { readSettings } from "@/lib/settings";
import { isNotificationKind } from "./kinds";
import { composeEmail, type EmailItem, type EmailMessage } from "./email/message";
import { deskAddress, smtpSettingsFrom } from "./email/settings";
import { smtpMailer } from "./email/transport";
import { startTicker } from "@/lib/time/ticker";

export const maxAttempts = 8;
/** How long a claimed row is left to its worker before another may take it. */
export const claimMs = 120_000;
const tickMs = 2_000;
const batchSize = 50;

/** The wait before attempt `attempts + 1`: half a minute, doubling, at most six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/** Sends one message, resolving when the mail server has accepted it, rejecting otherwise. */
export type Mailer = (message: EmailMessage & { messageId: string }) => Promise<void>;

type DueRow = Awaited<ReturnType<typeof readDue>>[number];

function readDue(now: Date) {
  return db.emailOutbox.findMany({
    where: {
      sentAt: null,
      attempts: { lt: maxAttempts },
      nextAttemptAt: { lte: now },
      OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: batchSize,
    select: {
      id: true,
      recipientId: true,
      digest: true,
      attempts: true,
      notification: {
        select: {
          kind: true,
          title: true,
          excerpt: true,
          href: true,
          actor: { select: { name: true } },
          recipient: { select: { email: true, active: true } },
        },
      },
    },
  });
}

/** Takes the row for this worker, or answers false when another worker holds it or it was sent. */
async function claim(id: string, now: Date): Promise<boolean> {
  const { count } = await db.emailOutbox.updateMany({
    where: { id, sentAt: null, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: { claimedUntil: new Date(now.getTime() + claimMs) },
  });
  return count === 1;
}

/**
 * Sends every email that is due: each immediate one alone, each digest's rows as one message.
 * Returns how many messages went and how many failed (to be retried).
 */
export async function sendDueEmails({
  now,
  mailer,
  deskUrl,
  newspaperName,
  stopping = () => false,
}: {
  now: Date;
  mailer: Mailer;
  deskUrl: string;
  newspaperName: string;
  /** The server is stopping: claim nothing more (what is claimed is sent and recorded first). */
  stopping?: () => boolean;
}) {
  const due = await readDue(now);
  const groups = new Map<string, DueRow[]>();
  for (const row of due) {
    const key = row.digest ? `${row.recipientId} ${row.digest}` : row.id;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  let sent = 0;
  let failed = 0;
  for (const rows of groups.values()) {
    if (stopping()) break;
    const claimed: DueRow[] = [];
    for (const row of rows) if (await claim(row.id, now)) claimed.push(row);
    if (claimed.length === 0) continue;
    const ids = claimed.map((row) => row.id);
    const recipient = claimed[0]!.notification.recipient;
    if (!recipient.active) {
      await db.emailOutbox.updateMany({ where: { id: { in: ids } }, data: { attempts: maxAttempts, claimedUntil: null, lastError: "The recipient's account is closed." } });
      continue;
    }
    const items = claimed.flatMap(({ notification: n }): EmailItem[] =>
      isNotificationKind(n.kind) ? [{ kind: n.kind, actorName: n.actor?.name ?? null, title: n.title, excerpt: n.excerpt, href: n.href }] : [],
    );
    try {
      const message = composeEmail({ to: recipient.email, items, deskUrl, newspaperName });
      await mailer({ ...message, messageId: `<${ids[0]}.newsdesk@${domainOf(recipient.email)}>` });
      await db.emailOutbox.updateMany({ where: { id: { in: ids } }, data: { sentAt: now, claimedUntil: null, lastError: "" } });
      sent += 1;
    } catch (error) {
      failed += 1;
      const attempts = Math.max(...claimed.map((row) => row.attempts)) + 1;
      await db.emailOutbox.updateMany({
        where: { id: { in: ids } },
        data: {
          attempts,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          claimedUntil: null,
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        },
      });
    }
  }
  return { sent, failed };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).replace(/[^a-z0-9.-]/gi, "") || "localhost";
}

/**
 * Starts sending (once per process) when a mail server is configured; with none, email is off and
 * nothing starts. Returns a function that stops it.
 */
export function startOutboxWorker(clock: () => Date = clockNow, env: Record<string, string | undefined> = process.env): () => void {
  const settings = smtpSettingsFrom(env);
  if (!settings.on) {
    console.log(settings.reason);
    return () => {};
  }
  const mailer = smtpMailer(settings);
  const deskUrl = deskAddress(env);
  return startTicker("Email outbox", tickMs, async ({ stopping }) => {
    const { newspaperName } = await readSettings(db);
    const { failed } = await sendDueEmails({ now: clock(), mailer, deskUrl, newspaperName, stopping });
    if (failed) console.warn(`Email: ${failed} message${failed === 1 ? "" : "s"} could not be sent; retrying later.`);
  });
}
