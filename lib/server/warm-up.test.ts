import http from "node:http";
import { describe, expect, it, vi } from "vitest";
import { ownAddress, pagesEveryChangeRefreshes, warmUp } from "./warm-up";

describe("warming a server process up once it listens", () => {
  it("opens the database's connections, asks the desk's API once without a session, then renders each page in turn, one after another", async () => {
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      asked.push(`${req.method} ${req.url} cookie:${req.headers.cookie ?? "none"}`);
      res.writeHead(401).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const events: string[] = [];
    try {
      const result = await warmUp({
        self: ownAddress("127.0.0.1", port),
        openConnections: async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          events.push(`connections opened after ${asked.length} request(s)`);
        },
        pages: ["/", "/news-sitemap.xml"],
        warmPage: async (path) => {
          events.push(`start ${path} after ${asked.length} request(s)`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          events.push(`end ${path}`);
        },
      });
      expect(result).toEqual({ api: 401, pages: 2 });
      expect(asked).toEqual(["POST /api/articles/warm-up/transitions cookie:none"]);
      expect(events).toEqual(["connections opened after 0 request(s)", "start / after 1 request(s)", "end /", "start /news-sitemap.xml after 1 request(s)", "end /news-sitemap.xml"]);
    } finally {
      server.close();
    }
  });

  it("renders no page without a way to render them, and survives a process it cannot reach", async () => {
    const result = await warmUp({ self: { host: "127.0.0.1", port: 1 }, pages: ["/"] });
    expect(result).toEqual({ api: "ECONNREFUSED", pages: 0 });
  });

  it("goes on when the database's connections cannot be opened", async () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const result = await warmUp({ self: { host: "127.0.0.1", port: 1 }, openConnections: () => Promise.reject(new Error("no database")) });
      expect(result).toEqual({ api: "ECONNREFUSED", pages: 0 });
      expect(warned.mock.calls.some(([line]) => String(line).includes("could not open the database's connections"))).toBe(true);
    } finally {
      warned.mockRestore();
    }
  });

  it("warms the pages a change to everything refreshes, and this month's sitemap", () => {
    expect(pagesEveryChangeRefreshes(new Date("2026-12-02T10:00:00Z"))).toEqual([
      "/",
      "/opinion",
      "/feed.xml",
      "/sitemap.xml",
      "/sitemaps/pages.xml",
      "/news-sitemap.xml",
      "/sitemaps/2026-12.xml",
    ]);
  });

  it("reaches itself on its own address, or on loopback when it listens on every interface", () => {
    expect(ownAddress(undefined, 3000)).toEqual({ host: "127.0.0.1", port: 3000 });
    expect(ownAddress("0.0.0.0", 3000)).toEqual({ host: "127.0.0.1", port: 3000 });
    expect(ownAddress("10.0.0.5", 3000)).toEqual({ host: "10.0.0.5", port: 3000 });
  });
});
