import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryPageStore } from "@/lib/reader/page-store";
import { readerResponder, type RenderedPage } from "@/lib/reader/responder";
import { routeKey, type ReaderRoute } from "@/lib/reader/routes";
import { answerUnavailable, databaseGate, type DatabaseGate } from "./database-gate";
import { newsdeskRequestListener, type NextHandler } from "./request-listener";

/** A database that is up or down as the test says: the probe and every page render ask it. */
let databaseUp = true;
const probe = async () => {
  if (!databaseUp) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
};

describe("the database gate", () => {
  let gate: DatabaseGate | undefined;
  afterEach(() => {
    gate?.stop();
    databaseUp = true;
  });

  it("says the database is away only once a probe fails, and back once one succeeds, probing by itself meanwhile", async () => {
    vi.useFakeTimers();
    try {
      const log: string[] = [];
      gate = databaseGate({ probe, retryMs: 1_000, log: (line) => log.push(line) });
      expect(gate.available()).toBe(true);
      databaseUp = false;
      expect(gate.available()).toBe(true); // nobody has noticed yet
      expect(await gate.check()).toBe(false);
      expect(gate.available()).toBe(false);
      databaseUp = true;
      await vi.advanceTimersByTimeAsync(1_000);
      expect(gate.available()).toBe(true);
      expect(log).toEqual(["The database is unavailable (connect ECONNREFUSED 127.0.0.1:5432); answering 503 until it is back.", "The database is back."]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("counts a probe that never answers as a failure", async () => {
    vi.useFakeTimers();
    try {
      gate = databaseGate({ probe: () => new Promise(() => {}), timeoutMs: 3_000, log: () => {} });
      const answer = gate.check();
      await vi.advanceTimersByTimeAsync(3_000);
      expect(await answer).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the server while the database is away", () => {
  let server: http.Server | undefined;
  let gate: DatabaseGate | undefined;
  afterEach(() => {
    server?.close();
    gate?.stop();
    databaseUp = true;
  });

  const nextHandler: NextHandler = async (req, res) => {
    // A desk page needs the database: Next answers 500 when it cannot reach it.
    res.statusCode = databaseUp || req.url!.startsWith("/_next/static/") ? 200 : 500;
    res.end(`next:${req.url}`);
  };
  const render = async (route: ReaderRoute): Promise<RenderedPage> => {
    if (!databaseUp) throw new Error("connect ECONNREFUSED");
    return { status: 200, html: `<!DOCTYPE html><title>${routeKey(route)}</title>`, tags: ["public"], renderedAt: Date.now() };
  };

  async function start() {
    gate = databaseGate({ probe, retryMs: 50, log: () => {} });
    const reader = readerResponder({ render, store: memoryPageStore(), policy: "default-src 'none'", database: { ...gate, answer: answerUnavailable }, onError: () => {} });
    server = http.createServer(newsdeskRequestListener(nextHandler, reader, () => null, gate));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text() };
    };
  }

  it("answers 503 with a short page, serves stored pages and static files, and recovers by itself", async () => {
    const get = await start();
    expect((await get("/")).status).toBe(200); // stored now
    databaseUp = false;

    // A page that was never stored: the render fails, the probe confirms, 503 at once.
    const uncached = await get("/city");
    expect(uncached).toMatchObject({ status: 503, retryAfter: "5" });
    expect(uncached.body).toContain("Back in a moment");
    expect((await get("/")).status).toBe(200);
    expect((await get("/desk")).status).toBe(503);
    expect((await get("/api/articles")).body).toContain("nothing was changed");
    expect((await get("/_next/static/chunk.js")).status).toBe(200);

    databaseUp = true;
    await vi.waitFor(() => expect(gate!.available()).toBe(true), { timeout: 1_000 });
    expect((await get("/city")).status).toBe(200);
    expect((await get("/desk")).status).toBe(200);
  });

  it("learns of the loss from Next's 500 when the desk is the first to meet it", async () => {
    const get = await start();
    databaseUp = false;
    expect((await get("/desk")).status).toBe(500);
    await vi.waitFor(() => expect(gate!.available()).toBe(false), { timeout: 1_000 });
    expect((await get("/desk")).status).toBe(503);
  });
});
