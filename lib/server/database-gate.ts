/**
 * When the database goes away (PostgreSQL restarted, the network cut), every request that needs it
 * is answered at once with a short 503 page and `Retry-After`, instead of a 500 or a wait; pages
 * already in the page store are still served. The server finds out from a failure (a reader page
 * that could not be rendered, a 5xx from Next), confirms it with a probe, and then probes each
 * second until the database answers again: then everything works as before, by itself.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorSummary } from "@/lib/errors";

export type DatabaseGate = {
  /** Whether the database answered the last probe (true until a probe says otherwise). */
  available(): boolean;
  /** Probes now (one probe at a time); resolves with the answer. */
  check(): Promise<boolean>;
  stop(): void;
};

export function databaseGate({
  probe,
  timeoutMs = 3_000,
  retryMs = 1_000,
  log = (line: string) => console.error(line),
}: {
  probe: () => Promise<unknown>;
  timeoutMs?: number;
  retryMs?: number;
  log?: (line: string) => void;
}): DatabaseGate {
  let available = true;
  let probing: Promise<boolean> | null = null;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;

  const probeOnce = async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return true;
    } catch (error) {
      if (available) log(`The database is unavailable (${errorSummary(error)}); answering 503 until it is back.`);
      return false;
    } finally {
      clearTimeout(timer);
    }
  };

  const check = (): Promise<boolean> => {
    probing ??= probeOnce().then((answer) => {
      probing = null;
      if (answer && !available) log("The database is back.");
      available = answer;
      clearTimeout(retry);
      if (!answer && !stopped) retry = setTimeout(() => void check(), retryMs);
      return answer;
    });
    return probing;
  };

  return {
    available: () => available,
    check,
    stop() {
      stopped = true;
      clearTimeout(retry);
    },
  };
}

export const unavailableRetryAfterSeconds = 5;

const unavailablePage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Back in a moment</title></head>
<body>
<main>
<h1>Back in a moment</h1>
<p>The newspaper cannot reach its database just now. Nothing is lost: please try again in a minute.</p>
</main>
</body>
</html>
`;

/** The 503 answer while the database is away: a short page, or JSON for the API. */
export function answerUnavailable(req: IncomingMessage, res: ServerResponse): void {
  const api = (req.url ?? "").startsWith("/api/");
  res.writeHead(503, {
    "Content-Type": api ? "application/json" : "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Retry-After": String(unavailableRetryAfterSeconds),
  });
  res.end(req.method === "HEAD" ? undefined : api ? JSON.stringify({ ok: false, error: "The database is unavailable just now; nothing was changed. Try again in a moment." }) : unavailablePage);
}
