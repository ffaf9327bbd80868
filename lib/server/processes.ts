/**
 * `npm start -- --processes N` (or NEWSDESK_PROCESSES=N): N server processes answering on one
 * port, through Node's cluster module (the first process hands each new connection to the next
 * one in turn). A process that dies is started again; stopping the first stops them all, each
 * finishing what it is doing (server.ts). Several processes need PostgreSQL: they share its
 * database, and each hears the others' page expiries through it (lib/postgres/expiry-relay.ts).
 */
import cluster, { type Worker } from "node:cluster";

export const processesVariable = "NEWSDESK_PROCESSES";

/** The number of server processes asked for: 1 unless a whole number from 1 to 64 is given. */
export function parseProcessCount(value: string | undefined): { ok: true; count: number } | { ok: false; message: string } {
  if (value === undefined || value.trim() === "") return { ok: true, count: 1 };
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    return { ok: false, message: `${processesVariable} (or --processes) must be a whole number from 1 to 64, not "${value}".` };
  }
  return { ok: true, count };
}

/** Why N processes cannot run on this database, or null when they can. */
export function processesRefusal(count: number, provider: "sqlite" | "postgresql"): string | null {
  if (count > 1 && provider !== "postgresql") {
    return "Several server processes need PostgreSQL (DATABASE_URL=postgres://…): one SQLite file serves one process. See the README, “Several processes”.";
  }
  return null;
}

/** In the first process: starts `count` server processes and keeps them running until stopped. */
export function superviseProcesses(count: number, { restartMs = 1_000 }: { restartMs?: number } = {}): void {
  let stopping = false;
  const start = (slot: number): Worker => {
    const worker = cluster.fork({ NEWSDESK_PROCESS: String(slot) });
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`Server process ${slot} (pid ${worker.process.pid}) ended (${signal ?? `exit ${code}`}); starting it again.`);
      setTimeout(() => start(slot), restartMs).unref();
    });
    return worker;
  };
  for (let slot = 1; slot <= count; slot++) start(slot);
  console.log(`Started ${count} server processes.`);
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker));
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const worker of workers) {
      worker.once("exit", () => {
        if (--left === 0) process.exit(0);
      });
      worker.process.kill(signal);
    }
    setTimeout(() => process.exit(0), 8_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
