import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { changeHeaders } from "./edges";
import { changesForOneAsk, refreshPublicPages } from "./index";

/** A stand-in for an edge: records each fetch-again as it arrives and when it is answered. */
type Ask = { path: string; encoding: string; changes: string[]; arrived: number; answered?: number };

describe("after a change, the edges are asked to fetch pages again", () => {
  const asks: Ask[] = [];
  let server: http.Server;
  let tick = 0;
  const saved = { edges: process.env.NEWSDESK_EDGES, secret: process.env.NEWSDESK_EDGE_SECRET };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const changes = String(req.headers["x-newsdesk-change"] ?? "").split(" ");
      const ask: Ask = { path: req.url ?? "", encoding: String(req.headers["accept-encoding"] ?? ""), changes, arrived: ++tick };
      asks.push(ask);
      // The front page takes a while to render: nothing else may be asked for meanwhile. So does a
      // sitemap: changes made while it is fetched again wait for the next round.
      setTimeout(() => {
        ask.answered = ++tick;
        res.end("ok");
      }, req.url === "/" ? 40 : req.url === "/sitemap.xml" ? 300 : 1);
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

  beforeEach(() => {
    asks.length = 0;
  });

  it("the later pages one round at a time: changes made while a round runs share the next, each page asked once for all of them", async () => {
    expect(await refreshPublicPages({ everything: true })).toEqual(["public"]);
    // The first change's round of later pages is under way (its sitemap answers slowly) when two more come.
    await vi.waitFor(() => expect(asks.some((ask) => ask.path === "/sitemap.xml")).toBe(true));
    await Promise.all([refreshPublicPages({ everything: true }), refreshPublicPages({ everything: true })]);
    await vi.waitFor(() => expect(asks.filter((ask) => ask.path === "/sitemap.xml" && ask.answered)).toHaveLength(2 * 3));
    const sitemapAsks = asks.filter((ask) => ask.path === "/sitemap.xml");
    const [firstRound, nextRound] = [sitemapAsks.slice(0, 3), sitemapAsks.slice(3)];
    expect(firstRound.every((ask) => ask.changes.length === 1)).toBe(true);
    // One round for both later changes, naming both; begun once the first round was answered.
    expect(nextRound.every((ask) => ask.changes.length === 2)).toBe(true);
    expect(new Set(nextRound.flatMap((ask) => ask.changes)).size).toBe(2);
    expect(nextRound.flatMap((ask) => ask.changes)).not.toContain(firstRound[0]!.changes[0]);
    const firstRoundDone = Math.max(...asks.filter((ask) => ask.path.endsWith(".xml") && ask.changes.length === 1).map((ask) => ask.answered!));
    expect(Math.min(...nextRound.map((ask) => ask.arrived))).toBeGreaterThan(firstRoundDone);
    // Each front page was still asked for once per change, before its answer.
    expect(asks.filter((ask) => ask.path === "/")).toHaveLength(3 * 3);
    await vi.waitFor(() => expect(asks.every((ask) => ask.answered)).toBe(true));
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

describe("the changes one fetch-again names", () => {
  const change = (index: number, tags: number) => ({ id: `change-${String(index).padStart(4, "0")}`, tags: Array.from({ length: tags }, (_, tag) => `tag:topic-number-${tag}`) });

  it("are as many as keep its headers within nginx's 8 KB a line, and at least one", () => {
    const small = Array.from({ length: 30 }, (_, index) => change(index, 10));
    const taken = changesForOneAsk(small);
    expect(taken.length).toBeGreaterThan(1);
    expect(taken.length).toBeLessThan(30);
    expect(taken).toEqual(small.slice(0, taken.length));
    const { "X-Newsdesk-Change": names, "X-Newsdesk-Expired": tags } = changeHeaders(taken);
    expect(names!.length + tags!.length).toBeLessThanOrEqual(6_000);
    expect(changesForOneAsk([change(1, 500), change(2, 1)])).toHaveLength(1);
    expect(changesForOneAsk(Array.from({ length: 150 }, (_, index) => ({ id: `change-${index}-abc`, tags: [] })))).toHaveLength(100);
  });
});
