/**
 * Sign-in throttling, kept in the database (SignInFailure rows) so it survives restarts and holds
 * across several server processes on one database. Two counters per attempt: the account (the
 * email as typed, whether or not an account has it, so a lock never tells an attacker that an
 * account exists) and the client's address (a higher limit, against one machine spraying many
 * emails). A refused attempt writes nothing and never reaches bcrypt: refusing costs one indexed
 * read. A success clears the account's counter, not the address's.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseProvider } from "@/lib/database-url";

export type ThrottleRule = { limit: number; windowMs: number };

const fifteenMinutes = 15 * 60 * 1000;

function limitFromEnvironment(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export const throttleRules = {
  account: { limit: 5, windowMs: fifteenMinutes },
  // Configurable: a newsroom behind one NAT address may need more.
  address: { limit: limitFromEnvironment(process.env.NEWSDESK_SIGN_IN_ADDRESS_LIMIT, 30), windowMs: fifteenMinutes },
} satisfies Record<string, ThrottleRule>;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

export type ThrottleVerdict = { throttled: false } | { throttled: true; retryAfterSeconds: number };

/**
 * One counter's verdict: refused once `limit` failures fall inside the window ending now, until
 * enough of them have aged out of it. `failures` in any order.
 */
export function throttleVerdict(failures: readonly Date[], rule: ThrottleRule, now: Date): ThrottleVerdict {
  const since = now.getTime() - rule.windowMs;
  const recent = failures.map((at) => at.getTime()).filter((at) => at > since).sort((a, b) => a - b);
  if (recent.length < rule.limit) return { throttled: false };
  // The attempt opens when the failure that keeps the count at the limit leaves the window.
  const opensAt = recent[recent.length - rule.limit]! + rule.windowMs;
  return { throttled: true, retryAfterSeconds: Math.max(1, Math.ceil((opensAt - now.getTime()) / 1000)) };
}

/** The stricter of several verdicts: refused if any refuses, for the longest wait. */
export function combineVerdicts(verdicts: readonly ThrottleVerdict[]): ThrottleVerdict {
  const waits = verdicts.flatMap((verdict) => (verdict.throttled ? [verdict.retryAfterSeconds] : []));
  return waits.length ? { throttled: true, retryAfterSeconds: Math.max(...waits) } : { throttled: false };
}

/** The counters an attempt touches; an attempt with no known address (a script) has only the account's. */
function countersFor(email: string, address: string): Array<{ key: string; rule: ThrottleRule }> {
  const counters = [{ key: accountKey(email), rule: throttleRules.account }];
  if (address) counters.push({ key: addressKey(address), rule: throttleRules.address });
  return counters;
}

type FailureStore = Pick<PrismaClient, "signInFailure">;
type Attempt = { email: string; address: string; now: Date };

/** Step 1 of a sign-in: may this attempt go on to the password check? */
export async function checkThrottle(store: FailureStore, { email, address, now }: Attempt): Promise<ThrottleVerdict> {
  const counters = countersFor(email, address);
  const longest = Math.max(...counters.map((counter) => counter.rule.windowMs));
  const rows = await store.signInFailure.findMany({
    where: { key: { in: counters.map((counter) => counter.key) }, at: { gt: new Date(now.getTime() - longest) } },
    select: { key: true, at: true },
  });
  return combineVerdicts(
    counters.map(({ key, rule }) => throttleVerdict(rows.filter((row) => row.key === key).map((row) => row.at), rule, now)),
  );
}

/**
 * Step 1 of a sign-in, for attempts that may run side by side: the check and the count are one
 * transaction (SQLite serialises it, lib/sqlite/; on PostgreSQL the counters' locks do), and the attempt is counted as a failure BEFORE
 * its password is checked. So a burst of parallel guesses cannot all pass a count of 4: the fifth
 * claim fills the last slot and the sixth is refused. What the attempt turns out to be settles it:
 * a wrong password or code keeps the claim (`settleFailure`), a right one or a busy server gives it
 * back (`releaseClaim`).
 */
export async function claimAttempt(
  store: Pick<PrismaClient, "$transaction">,
  attempt: Attempt,
): Promise<{ throttled: true; retryAfterSeconds: number } | { throttled: false; claim: string[] }> {
  return store.$transaction(async (tx) => {
    // SQLite runs one transaction at a time; PostgreSQL runs them side by side (READ COMMITTED), and
    // twelve parallel guesses would all read the same count of 4. The counters' own locks, held
    // until the commit (in one order, so two attempts never wait on each other), make them queue.
    if (databaseProvider() === "postgresql") {
      for (const key of countersFor(attempt.email, attempt.address).map((counter) => counter.key).sort()) {
        await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))::text AS "locked"`, key);
      }
    }
    const verdict = await checkThrottle(tx, attempt);
    if (verdict.throttled) return verdict;
    const claim: string[] = [];
    for (const { key } of countersFor(attempt.email, attempt.address)) {
      claim.push((await tx.signInFailure.create({ data: { key, at: attempt.now }, select: { id: true } })).id);
    }
    return { throttled: false, claim };
  }, claimTransaction);
}

// A burst of attempts on one account queues on its counters' locks, and on a busy server the last
// of twelve waited more than Prisma's default 5 s (an error, not an answer). Each holds the lock
// for a few statements only; waiting longer is what a burst should cost.
const claimTransaction = { timeout: 30_000 };

/** The attempt was no failure after all (right password, or never checked): its slots are free again. */
export async function releaseClaim(store: FailureStore, claim: readonly string[]): Promise<void> {
  await store.signInFailure.deleteMany({ where: { id: { in: [...claim] } } });
}

/**
 * A claimed attempt failed: it stays counted. Prunes rows older than every window and returns the
 * keys whose limit this very failure reached, for the audit log's lockout entry.
 */
export async function settleFailure(store: FailureStore, { email, address, now }: Attempt): Promise<string[]> {
  const counters = countersFor(email, address);
  const longest = Math.max(throttleRules.account.windowMs, throttleRules.address.windowMs);
  await store.signInFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - longest) } } });
  const reached: string[] = [];
  for (const { key, rule } of counters) {
    const count = await store.signInFailure.count({ where: { key, at: { gt: new Date(now.getTime() - rule.windowMs) } } });
    if (count === rule.limit) reached.push(key);
  }
  return reached;
}

/** Counts a failed attempt that was not claimed first (a signed-in user's wrong current password). */
export async function recordSignInFailure(store: FailureStore, attempt: Attempt): Promise<string[]> {
  await store.signInFailure.createMany({ data: countersFor(attempt.email, attempt.address).map(({ key }) => ({ key, at: attempt.now })) });
  return settleFailure(store, attempt);
}

/** A successful sign-in starts the account's count afresh. */
export async function clearAccountFailures(store: FailureStore, email: string): Promise<void> {
  await store.signInFailure.deleteMany({ where: { key: accountKey(email) } });
}
