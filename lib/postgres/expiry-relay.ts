/**
 * Several server processes, one newspaper: what one process expires (a publication, a withdrawal,
 * a settings change) reaches every other through PostgreSQL's LISTEN/NOTIFY, so each drops its own
 * copies of the pages concerned before its next request (docs/decisions/025).
 *
 * - A change whose pages are known inside its transaction (moving or saving an article) is
 *   announced there (`expiryNotice`): PostgreSQL delivers the message when the transaction
 *   commits and never if it does not, so a process killed half-way leaves the story published
 *   everywhere or nowhere.
 * - Any other expiry made in this process is passed on just after it (`relayExpiries`).
 * - Each process listens on one connection of its own. When that connection is lost, messages may
 *   have been missed: on reconnecting the process expires everything it keeps, once.
 */
import type { Client } from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { expireTags, onTagsExpired, processId, takeInChange } from "@/lib/public-cache/store";
import { publicTag } from "@/lib/public-cache/tags";

export const expiryChannel = "newsdesk_expired";

/** PostgreSQL refuses a payload of 8000 bytes or more; a longer list becomes "everything". */
const maxPayloadBytes = 7_000;

/** `change`: the change's name, when it has one (lib/public-cache/store.ts, takeInChange). */
const messageSchema = z.object({ from: z.string().min(1), tags: z.array(z.string()).min(1), change: z.string().min(1).max(64).optional() });
export type ExpiryMessage = z.infer<typeof messageSchema>;

export function expiryPayload(from: string, tags: readonly string[], change?: string): string {
  const payload = JSON.stringify({ from, tags, change });
  return Buffer.byteLength(payload) < maxPayloadBytes ? payload : JSON.stringify({ from, tags: [publicTag.everything], change });
}

/** The message in a notification's payload, or null for anything else. */
export function parseExpiryPayload(payload: string | undefined): ExpiryMessage | null {
  try {
    const parsed = messageSchema.safeParse(JSON.parse(payload ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Inside a transaction on PostgreSQL: the statement that tells the other processes to expire `tags`
 * when, and only if, it commits (null with no tags). (On SQLite there is one process and nothing to
 * tell.) Named by `change`, it is taken in once in each process, whether the message or an edge's
 * fetch-again request comes first.
 */
export function expiryNotice(tags: readonly string[], change?: string): Prisma.Sql | null {
  if (tags.length === 0) return null;
  return Prisma.sql`SELECT pg_notify(${expiryChannel}, ${expiryPayload(processId(), tags, change)})`;
}

export type ExpiryRelay = {
  /** Resolves once this process listens (the first connection made). */
  ready: Promise<void>;
  stop(): Promise<void>;
};

/**
 * Listens for the other processes' expiries and applies them here; passes this process's own
 * on (those not already announced in their transaction). `retryMs`: the wait before reconnecting.
 */
export function relayExpiries({
  url,
  retryMs = 1_000,
  log = (line: string) => console.warn(line),
}: {
  url: string;
  retryMs?: number;
  log?: (line: string) => void;
}): ExpiryRelay {
  const self = processId();
  let client: Client | null = null;
  let stopped = false;
  let connectedOnce = false;
  let retry: NodeJS.Timeout | undefined;
  // Expiries made here while the connection is down: sent when it is back (as one message).
  const unsent = new Set<string>();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  // One query at a time on the connection, in the order the expiries were made.
  let sending = Promise.resolve();
  const send = (tags: readonly string[]) => {
    const open = client;
    if (!open) {
      for (const tag of tags) unsent.add(tag);
      return;
    }
    sending = sending.then(() =>
      open.query("SELECT pg_notify($1, $2)", [expiryChannel, expiryPayload(self, tags)]).then(
        () => {},
        () => {
          for (const tag of tags) unsent.add(tag);
        },
      ),
    );
  };

  const stopListening = onTagsExpired((tags, origin) => {
    if (origin === "here") send(tags);
  });

  const connect = async () => {
    retry = undefined;
    if (stopped) return;
    const { Client } = await import("pg");
    const candidate = new Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    const lost = (reason: string) => {
      if (client !== candidate && client !== null) return;
      client = null;
      candidate.removeAllListeners();
      candidate.on("error", () => {});
      void candidate.end().catch(() => {});
      if (stopped) return;
      log(`Page expiries: lost PostgreSQL (${reason}); reconnecting.`);
      retry ??= setTimeout(() => void connect(), retryMs);
    };
    candidate.on("error", (error) => lost(error.message));
    candidate.on("end", () => lost("connection closed"));
    candidate.on("notification", (message) => {
      if (message.channel !== expiryChannel) return;
      const parsed = parseExpiryPayload(message.payload);
      if (!parsed || parsed.from === self) return;
      if (parsed.change) takeInChange({ id: parsed.change, tags: parsed.tags }, "elsewhere");
      else expireTags(parsed.tags, Date.now(), "elsewhere");
    });
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${expiryChannel}`);
    } catch (error) {
      candidate.removeAllListeners();
      candidate.on("error", () => {});
      void candidate.end().catch(() => {});
      if (!stopped) retry ??= setTimeout(() => void connect(), retryMs);
      if (!connectedOnce) log(`Page expiries: cannot listen on PostgreSQL yet (${error instanceof Error ? error.message : error}).`);
      return;
    }
    if (stopped) {
      await candidate.end().catch(() => {});
      return;
    }
    client = candidate;
    // What others sent while this process was not listening is lost: start again from nothing.
    if (connectedOnce) expireTags([publicTag.everything], Date.now(), "elsewhere");
    connectedOnce = true;
    if (unsent.size > 0) {
      const tags = [...unsent];
      unsent.clear();
      send(tags);
    }
    markReady();
  };
  void connect();

  return {
    ready,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      stopListening();
      const open = client;
      client = null;
      if (open) {
        open.removeAllListeners();
        open.on("error", () => {});
        await open.end().catch(() => {});
      }
    },
  };
}
