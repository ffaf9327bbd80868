/**
 * Password hashing with bcrypt (bcryptjs: maintained, pure JavaScript, no native build).
 *
 * Each hash costs about 0.4 s of CPU on the one server process. Hashes run through a small
 * semaphore: at most `NEWSDESK_HASH_CONCURRENCY` (default 2) at once, a bounded queue behind them,
 * and anything beyond that is refused at once (`HashQueueFull`), so a burst of guesses cannot
 * starve the newspaper's pages of the CPU.
 */
import bcrypt from "bcryptjs";

const cost = 12;

export class HashQueueFull extends Error {
  constructor() {
    super("Too many password checks are waiting");
    this.name = "HashQueueFull";
  }
}

/** A counting semaphore with a bounded queue. Exported for its unit test. */
export function createSemaphore(limit: number, maxWaiting: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running < limit) running++;
      else if (waiting.length >= maxWaiting) throw new HashQueueFull();
      // The slot is handed over directly by release(), so `running` stays counted.
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: waiting.length }),
  };
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

const hashSlots = createSemaphore(
  positiveInteger(process.env.NEWSDESK_HASH_CONCURRENCY, 2),
  positiveInteger(process.env.NEWSDESK_HASH_QUEUE, 64),
);

// How many password checks this process has run: the throttle's tests and the bench read it to
// prove that a refused attempt never reached bcrypt.
let checksRun = 0;

/**
 * Stored for an account without a password of its own (a contributor whose pieces the desk's
 * editors file): no password matches it, so the account cannot sign in until an admin sets one.
 */
export const noPassword = "!";

export function hashPassword(password: string): Promise<string> {
  return hashSlots.run(() => bcrypt.hash(password, cost));
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (hash === noPassword) return Promise.resolve(false);
  return hashSlots.run(() => {
    checksRun++;
    return bcrypt.compare(password, hash);
  });
}

export function passwordChecksRun(): number {
  return checksRun;
}
