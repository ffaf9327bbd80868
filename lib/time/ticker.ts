/**
 * A check repeated in the server process every `ms` (once per process, whatever hot reloads do),
 * never overlapping itself, its failures logged and survived. Returns a function that stops it.
 *
 * `stopTickers` is the server's graceful stop (server.ts): no tick starts after it, and the ticks
 * under way may finish their current step — `run` is told through `stopping()` and ends early — so
 * an email the mail server has accepted is recorded as sent before the process exits, instead of
 * being sent again after the restart. The registry lives on `globalThis` because the server and
 * Next's runtime load this module separately in one process.
 */
import { errorSummary } from "@/lib/errors";

type Ticker = { timer: NodeJS.Timeout; current: Promise<void> | null; onStop?: () => Promise<void> };
type Registry = { tickers: Map<string, Ticker>; stopping: boolean };
const shared = globalThis as unknown as { newsdeskTickerRegistry?: Registry };
const registry = (): Registry => (shared.newsdeskTickerRegistry ??= { tickers: new Map(), stopping: false });

export type TickerRun = (signal: { stopping: () => boolean }) => Promise<void>;

/** `onStop`: what the graceful stop does once this ticker's last step has ended (a lease let go). */
export function startTicker(name: string, ms: number, run: TickerRun, { onStop }: { onStop?: () => Promise<void> } = {}): () => void {
  const { tickers } = registry();
  const stop = () => {
    const ticker = tickers.get(name);
    if (ticker) clearInterval(ticker.timer);
    tickers.delete(name);
  };
  if (tickers.has(name) || registry().stopping) return stop;
  const signal = { stopping: () => registry().stopping };
  const failures = failureReporter(name);
  const tick = () => {
    const ticker = tickers.get(name);
    if (!ticker || ticker.current || signal.stopping()) return;
    ticker.current = run(signal)
      .then(failures.succeeded, failures.failed)
      .finally(() => {
        ticker.current = null;
      });
  };
  const timer = setInterval(tick, ms);
  timer.unref();
  tickers.set(name, { timer, current: null, onStop });
  tick();
  return stop;
}

/** Starts no more ticks, and waits up to `graceMs` for the ones under way to finish their step. */
export async function stopTickers(graceMs: number): Promise<void> {
  const state = registry();
  state.stopping = true;
  const running = [...state.tickers.values()].map(async (ticker) => {
    clearInterval(ticker.timer);
    await ticker.current;
    await ticker.onStop?.().catch((error: unknown) => console.error("Stopping a ticker failed:", error));
  });
  state.tickers.clear();
  let timeout: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(running),
    new Promise<void>((resolve) => {
      timeout = setTimeout(resolve, graceMs);
      timeout.unref();
    }),
  ]);
  clearTimeout(timeout);
}

/**
 * How a ticker reports its failures: the first of a kind in full, with its stack; the same one
 * again only as a count, once a minute; and its recovery in one line. While the database was away,
 * each process's scheduler and notifications, ticking every second, wrote 19 lines a second each:
 * 8,400 lines in a few minutes from two processes, burying what an operator needs to read.
 */
export function failureReporter(name: string, { log = (...parts: unknown[]) => console.error(...parts), now = Date.now, everyMs = 60_000 } = {}) {
  let current: string | null = null;
  let repeats = 0;
  let since = 0;
  return {
    failed(error: unknown) {
      const summary = errorSummary(error);
      if (summary !== current) {
        if (current !== null && repeats > 0) log(`${name} failed ${moreTimes(repeats)}: ${current}`);
        log(`${name} failed:`, error);
        [current, repeats, since] = [summary, 0, now()];
        return;
      }
      repeats += 1;
      if (now() - since < everyMs) return;
      log(`${name} failed ${moreTimes(repeats)} in the last ${Math.round((now() - since) / 1000)} s: ${summary}`);
      [repeats, since] = [0, now()];
    },
    succeeded() {
      if (current === null) return;
      log(`${name} works again${repeats > 0 ? ` (after ${repeats === 1 ? "one more failure" : `${repeats} more failures`}: ${current})` : ""}.`);
      [current, repeats] = [null, 0];
    },
  };
}

const moreTimes = (count: number) => (count === 1 ? "once more" : `${count} more times`);
