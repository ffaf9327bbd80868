/**
 * A check repeated in the server process every `ms` (once per process, whatever hot reloads do),
 * never overlapping itself, its failures logged and survived. Returns a function that stops it.
 */
const tickers = globalThis as unknown as { newsdeskTickers?: Map<string, NodeJS.Timeout> };

export function startTicker(name: string, ms: number, run: () => Promise<void>): () => void {
  const running = (tickers.newsdeskTickers ??= new Map());
  const stop = () => {
    clearInterval(running.get(name));
    running.delete(name);
  };
  if (running.has(name)) return stop;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await run();
    } catch (error) {
      console.error(`${name} failed:`, error);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, ms);
  timer.unref();
  running.set(name, timer);
  void tick();
  return stop;
}
