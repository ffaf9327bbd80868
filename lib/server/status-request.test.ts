import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { requestStatus } from "./status-request";

let server: http.Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

async function listen(handler: http.RequestListener): Promise<number> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("a plain request for its status", () => {
  it("resolves with the status once the body is read, and sends the body given", async () => {
    let received = "";
    const port = await listen((req, res) => {
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (received += chunk));
      req.on("end", () => res.writeHead(401).end("x".repeat(100_000)));
    });
    expect(await requestStatus({ host: "127.0.0.1", port, method: "POST", path: "/", timeout: 5_000 }, "{}")).toBe(401);
    expect(received).toBe("{}");
  });

  it("resolves with the error's code when nothing listens, and with \"timed out\" when nothing answers", async () => {
    const port = await listen(() => {}); // takes the request and never answers
    expect(await requestStatus({ host: "127.0.0.1", port, path: "/", timeout: 50 })).toBe("timed out");
    server!.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect(await requestStatus({ host: "127.0.0.1", port, path: "/", timeout: 1_000 })).toBe("ECONNREFUSED");
  });
});
