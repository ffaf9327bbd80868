/**
 * Leases: a job that one server process at a time may run, however many processes share the
 * database (the scheduler). A process holds the lease until `expiresAt` and renews it each time it
 * runs the job; a process that stops renewing (stopped, crashed, cut off) loses it when it expires,
 * and the next process to ask takes it over. Claiming is one conditional update, so two processes
 * asking at the same instant cannot both win. Times are the callers' clocks: machines that share a
 * database keep their clocks in step, and every job run under a lease is safe to repeat anyway
 * (a publication is a conditional update too).
 */
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/errors";

// Not a transaction's client: on PostgreSQL the refused first claim would abort the transaction.
type Client = PrismaClient;

/** Whether `holder` holds the lease `name` from `now` for `forMs` (renewed if it held it already). */
export async function claimLease(client: Client, { name, holder, now, forMs }: { name: string; holder: string; now: Date; forMs: number }): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + forMs);
  const taken = await client.lease.updateMany({ where: { name, OR: [{ holder }, { expiresAt: { lte: now } }] }, data: { holder, expiresAt } });
  if (taken.count === 1) return true;
  try {
    // The first claim ever: of two processes creating it at once, the primary key picks one.
    await client.lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Lets the lease go at once (a graceful stop), so another process need not wait for it to expire. */
export async function releaseLease(client: Client, { name, holder, now }: { name: string; holder: string; now: Date }): Promise<void> {
  await client.lease.updateMany({ where: { name, holder }, data: { expiresAt: now } });
}
