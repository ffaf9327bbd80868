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
