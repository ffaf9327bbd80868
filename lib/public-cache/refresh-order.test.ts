import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { refreshPublicPages } from "./index";

/** A stand-in for an edge: records each fetch-again as it arrives and when it is answered. */
type Ask = { path: string; encoding: string; arrived: number; answered?: number };

describe("after a change, the edges are asked to fetch pages again", () => {
  const asks: Ask[] = [];
  let server: http.Server;
  let tick = 0;
  const saved = { edges: process.env.NEWSDESK_EDGES, secret: process.env.NEWSDESK_EDGE_SECRET };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const ask: Ask = { path: req.url ?? "", encoding: String(req.headers["accept-encoding"] ?? ""), arrived: ++tick };
      asks.push(ask);
      // The front page takes a while to render: nothing else may be asked for meanwhile.
      setTimeout(() => {
        ask.answered = ++tick;
        res.end("ok");
      }, req.url === "/" ? 40 : 1);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.NEWSDESK_EDGES = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.NEWSDESK_EDGE_SECRET = "a-long-enough-secret-1234";
  });

  afterAll(async () => {
    process.env.NEWSDESK_EDGES = saved.edges;
    process.env.NEWSDESK_EDGE_SECRET = saved.secret;
    if (saved.edges === undefined) delete process.env.NEWSDESK_EDGES;
    if (saved.secret === undefined) delete process.env.NEWSDESK_EDGE_SECRET;
    await new Promise((resolve) => server.close(resolve));
  });

  it("the front page alone first, in every encoding; then the other fronts before the answer; the rest after it", async () => {
    await refreshPublicPages({ everything: true });
    const front = asks.filter((ask) => ask.path === "/");
    const opinion = asks.filter((ask) => ask.path === "/opinion");
    expect(front.map((ask) => ask.encoding).sort()).toEqual(["", "br", "gzip"]);
    expect(opinion).toHaveLength(3);
    // Answered before the change's own answer, and asked for only once the front page was answered.
    expect([...front, ...opinion].every((ask) => ask.answered !== undefined)).toBe(true);
    const frontDone = Math.max(...front.map((ask) => ask.answered!));
    expect(Math.min(...opinion.map((ask) => ask.arrived))).toBeGreaterThan(frontDone);
    // The feeds and sitemaps follow, not waited for.
    await vi.waitFor(() => expect(asks.filter((ask) => ask.path.endsWith(".xml") && ask.answered)).toHaveLength(4 * 3));
    const opinionDone = Math.max(...opinion.map((ask) => ask.answered!));
    expect(Math.min(...asks.filter((ask) => ask.path.endsWith(".xml")).map((ask) => ask.arrived))).toBeGreaterThan(opinionDone);
  });
});
