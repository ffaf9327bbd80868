/**
 * Readers' load while publications are timed (scripts/bench-edge.ts, scripts/bench-pages.ts), made
 * by autocannon in a thread of its own. In the bench's own thread, its connections kept that event
 * loop busy, and every step of the timed Publish request and of the polls that look for the story
 * waited behind them: the figure then held the load generator's queue as well as the newsroom's.
 * Readers are other machines; the load still falls on the same two cores here.
 */
import type autocannon from "autocannon";
import { Worker } from "node:worker_threads";

const loadThread = `
const { parentPort, workerData } = require("node:worker_threads");
if (workerData.priority !== undefined) {
  // This thread alone (Linux's setpriority takes a thread's id): the bench's own thread keeps its own.
  require("node:os").setPriority(Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop()), workerData.priority);
}
const autocannon = require(workerData.autocannon);
const instance = autocannon(workerData.options, (error, result) => {
  parentPort.postMessage(error ? { error: String(error) } : { requests: result["2xx"] + result.non2xx, errors: result.errors + result.timeouts + result.non2xx });
});
parentPort.once("message", () => instance.stop());
`;

/**
 * Only what can be handed to a thread: no functions (autocannon's hooks stay out). `priority`: the
 * thread's nice value (Linux), e.g. the edge's, so that the readers it stands for, who are other
 * machines, take no more of this one than the edge that serves them.
 */
export type LoadOptions = Pick<autocannon.Options, "url" | "connections" | "headers" | "overallRate"> & { requests?: { method: "GET"; path: string }[]; priority?: number };

export type ReaderLoad = { stop(): Promise<{ requests: number; errors: number }> };

/** Starts the load (for up to an hour); `stop` ends it and resolves with what it sent. */
export function startReaderLoad(options: LoadOptions): ReaderLoad {
  const { priority, ...load } = options;
  const worker = new Worker(loadThread, { eval: true, workerData: { autocannon: require.resolve("autocannon"), priority, options: { ...load, duration: 3_600 } } });
  const finished = new Promise<{ requests: number; errors: number }>((resolve, reject) => {
    worker.once("message", (message: { error?: string; requests: number; errors: number }) => (message.error ? reject(new Error(message.error)) : resolve(message)));
    worker.once("error", reject);
  });
  return {
    async stop() {
      worker.postMessage("stop");
      try {
        return await finished;
      } finally {
        await worker.terminate();
      }
    },
  };
}
