import { afterEach, describe, expect, it, vi } from "vitest";

// The registry lives on globalThis (server and Next share it); each test starts from a fresh one.
async function freshTicker() {
  delete (globalThis as { newsdeskTickerRegistry?: unknown }).newsdeskTickerRegistry;
  vi.resetModules();
  return import("./ticker");
}

afterEach(() => {
  vi.useRealTimers();
});

describe("a ticker's graceful stop", () => {
  it("lets the step under way finish, told to stop early, and starts none after it", async () => {
    vi.useFakeTimers();
    const { startTicker, stopTickers } = await freshTicker();
    let finish!: () => void;
    const seen: boolean[] = [];
    const run = vi.fn(
      (signal: { stopping: () => boolean }) =>
        new Promise<void>((resolve) => {
          finish = () => {
            seen.push(signal.stopping());
            resolve();
          };
        }),
    );
    startTicker("outbox", 1_000, run);
    expect(run).toHaveBeenCalledTimes(1);

    let stopped = false;
    const stopping = stopTickers(5_000).then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(seen).toEqual([true]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(startTicker("outbox", 1_000, run)).toBeTypeOf("function");
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("gives up waiting after its grace time when a step hangs", async () => {
    vi.useFakeTimers();
    const { startTicker, stopTickers } = await freshTicker();
    startTicker("hangs", 1_000, () => new Promise<void>(() => {}));
    let stopped = false;
    const stopping = stopTickers(4_500).then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(4_000);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(600);
    await stopping;
    expect(stopped).toBe(true);
  });

  it("never overlaps itself: a slow step makes the next ticks wait", async () => {
    vi.useFakeTimers();
    const { startTicker } = await freshTicker();
    let finish!: () => void;
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const stop = startTicker("slow", 1_000, run);
    await vi.advanceTimersByTimeAsync(3_500);
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
    stop();
  });
});

describe("a ticker's failures", () => {
  const unreachable = () => new Error("\nInvalid `prisma.lease.updateMany()` invocation:\n\nCan't reach database server at 127.0.0.1:5432");

  it("are logged in full once, then counted once a minute, and the recovery in one line", async () => {
    const { failureReporter } = await freshTicker();
    const lines: unknown[][] = [];
    let clock = 0;
    const failures = failureReporter("Scheduled publication", { log: (...parts) => lines.push(parts), now: () => clock });
    const first = unreachable();
    failures.failed(first);
    expect(lines).toEqual([["Scheduled publication failed:", first]]);
    // A database away for two and a half minutes, one tick a second: two more lines, not 150.
    for (clock = 1_000; clock <= 150_000; clock += 1_000) failures.failed(unreachable());
    expect(lines.slice(1)).toEqual([
      ["Scheduled publication failed 60 more times in the last 60 s: Can't reach database server at 127.0.0.1:5432"],
      ["Scheduled publication failed 60 more times in the last 60 s: Can't reach database server at 127.0.0.1:5432"],
    ]);
    failures.succeeded();
    expect(lines.at(-1)).toEqual(["Scheduled publication works again (after 30 more failures: Can't reach database server at 127.0.0.1:5432)."]);
    // Working, it says nothing; a new failure is logged in full again.
    failures.succeeded();
    expect(lines).toHaveLength(4);
    failures.failed(unreachable());
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)![0]).toBe("Scheduled publication failed:");
  });

  it("log a different failure in full at once, after the count of the one before", async () => {
    const { failureReporter } = await freshTicker();
    const lines: unknown[][] = [];
    const failures = failureReporter("Notifications", { log: (...parts) => lines.push(parts), now: () => 0 });
    failures.failed(new Error("the database system is shutting down"));
    failures.failed(new Error("the database system is shutting down"));
    const other = unreachable();
    failures.failed(other);
    expect(lines).toEqual([
      ["Notifications failed:", expect.any(Error)],
      ["Notifications failed once more: the database system is shutting down"],
      ["Notifications failed:", other],
    ]);
  });

  it("in a running ticker go through it: one line for many failing ticks", async () => {
    vi.useFakeTimers();
    const { startTicker } = await freshTicker();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      let failing = true;
      const stop = startTicker("Email outbox", 1_000, async () => {
        if (failing) throw unreachable();
      });
      await vi.advanceTimersByTimeAsync(10_500);
      expect(logged).toHaveBeenCalledTimes(1);
      failing = false;
      await vi.advanceTimersByTimeAsync(1_000);
      expect(logged).toHaveBeenCalledTimes(2);
      expect(logged.mock.calls[1]![0]).toMatch(/^Email outbox works again \(after 10 more failures/);
      stop();
    } finally {
      logged.mockRestore();
    }
  });
});
