import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryPageStore } from "@/lib/reader/page-store";
import { readerResponder } from "@/lib/reader/responder";
import { apiRoute, type ApiRoute } from "./api-routes";
import { clientAddressOf } from "./client-address";
import { currentRequestCookies, currentRequestHeaders } from "./request-headers";
import { newsdeskRequestListener, type NextHandler } from "./request-listener";

/**
 * API routes run by our own server over real HTTP: the real listener, route handlers that report
 * what they were given, and a stand-in for Next that names what it was asked.
 */
const seenByNext: string[] = [];
const fakeNext: NextHandler = async (req, res) => {
  seenByNext.push(`${req.method} ${req.url}`);
  res.end("next");
};

/** Echoes what the handler saw: its parameters, body, and the request as the session code reads it. */
const echo = apiRoute("POST", /^\/api\/things\/(?<id>[^/]+)\/echo$/, async (request, { params }) => {
  const { id } = await params;
  const headers = await currentRequestHeaders();
  return Response.json(
    {
      id,
      url: request.url,
      body: await request.json(),
      cookies: await currentRequestCookies(),
      sameHeaders: headers === request.headers,
      address: headers ? clientAddressOf(headers) : null,
    },
    { status: 201, headers: [["set-cookie", "a=1; Path=/"], ["set-cookie", "b=2; Path=/"], ["x-kind", "echo"]] },
  );
});

/** Refuses before reading its body, as lib/http.ts does a request that is too large. */
const refuses = apiRoute("PUT", /^\/api\/things\/(?<id>[^/]+)$/, async () => Response.json({ ok: false }, { status: 413 }));
const fails = apiRoute("DELETE", /^\/api\/things\/(?<id>[^/]+)$/, async () => {
  throw new Error("handler failed");
});

let server: http.Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
  seenByNext.length = 0;
});

async function listen(routes: ApiRoute[], gate?: { available: () => boolean; check: () => Promise<boolean> }) {
  const reader = readerResponder({ render: async () => ({ notFound: true }), store: memoryPageStore(), policy: "default-src 'none'", onError: () => {} });
  server = http.createServer(newsdeskRequestListener(fakeNext, reader, () => null, gate, routes));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe("API routes our server runs itself", () => {
  it("get their decoded parameters, the body, and this request's cookies and client address; the answer goes out whole", async () => {
    const base = await listen([echo, refuses, fails]);
    const response = await fetch(`${base}/api/things/a%20b/echo?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "session=s1; theme=dark", "x-newsdesk-client-address": "6.6.6.6" },
      body: JSON.stringify({ action: "publish" }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-kind")).toBe("echo");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    // The baseline headers every response gets are there too.
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.json()).toEqual({
      id: "a b",
      url: expect.stringMatching(/\/api\/things\/a%20b\/echo\?x=1$/),
      body: { action: "publish" },
      cookies: [
        { name: "session", value: "s1" },
        { name: "theme", value: "dark" },
      ],
      sameHeaders: true,
      // Stamped by the listener from the socket: the client's own header is overwritten.
      address: "127.0.0.1",
    });
    expect(seenByNext).toEqual([]);
  });

  it("leave every other method and address of the API to Next", async () => {
    const base = await listen([echo]);
    await fetch(`${base}/api/things/1/echo`);
    await fetch(`${base}/api/things/1/echo/more`, { method: "POST" });
    await fetch(`${base}/api/things/1`, { method: "POST" });
    expect(seenByNext).toEqual(["GET /api/things/1/echo", "POST /api/things/1/echo/more", "POST /api/things/1"]);
  });

  it("answer a refusal made before the body is read, and the connection serves the next request", async () => {
    const base = await listen([refuses, echo]);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request(`${base}${path}`, { method, agent, headers: { "content-type": "application/json" } }, (response) => {
          let text = "";
          response.on("data", (chunk) => (text += chunk));
          response.on("end", () => resolve({ status: response.statusCode!, body: text }));
        });
        request.on("error", reject);
        request.end(body);
      });
    expect((await send("PUT", "/api/things/1", "x".repeat(1024 * 1024))).status).toBe(413);
    const next = await send("POST", "/api/things/2/echo", JSON.stringify({ n: 2 }));
    expect([next.status, JSON.parse(next.body).body]).toEqual([201, { n: 2 }]);
    agent.destroy();
  });

  it("answer a streamed body cut off past its limit, as lib/http.ts cuts one off", async () => {
    const limited = apiRoute("PUT", /^\/api\/limited$/, async (request) => {
      const reader = request.body!.getReader();
      for (let total = 0; ; ) {
        const { done, value } = await reader.read();
        if (done) return Response.json({ ok: true });
        total += value.length;
        if (total > 100_000) {
          await reader.cancel();
          return Response.json({ ok: false }, { status: 413 });
        }
      }
    });
    const base = await listen([limited]);
    const answer = await new Promise<unknown>((resolve, reject) => {
      const request = http.request(`${base}/api/limited`, { method: "PUT", headers: { "transfer-encoding": "chunked" } }, (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve([response.statusCode, text]));
      });
      request.on("error", reject);
      const chunk = "x".repeat(64 * 1024);
      let sent = 0;
      const write = (): void => {
        while (sent < 50) {
          sent += 1;
          if (!request.write(chunk)) return void request.once("drain", write);
        }
        request.end();
      };
      write();
    });
    expect(answer).toEqual([413, '{"ok":false}']);
  });

  it("answer 503 while the database is away, without running the handler, and 500 when the handler fails, which makes the gate check", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    let available = false;
    const check = vi.fn(async () => true);
    const base = await listen([echo, fails], { available: () => available, check });
    const away = await fetch(`${base}/api/things/1/echo`, { method: "POST", body: "{}" });
    expect([away.status, away.headers.get("content-type"), (await away.json()).ok]).toEqual([503, "application/json", false]);
    expect(check).not.toHaveBeenCalled();
    available = true;
    const failed = await fetch(`${base}/api/things/1`, { method: "DELETE" });
    expect(failed.status).toBe(500);
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(1));
    expect(quiet).toHaveBeenCalledWith(expect.stringContaining("/api/things/1"), expect.any(Error));
    quiet.mockRestore();
  });
});
