/**
 * The production server: Next's request handler behind Newsdesk's own routing of public addresses
 * (lib/server/request-listener.ts). `npm start` builds it with the app (scripts/runtime.ts) and runs
 * it with plain Node:
 *
 *   PORT=3000 [NEWSDESK_HOST=127.0.0.1] node .next/newsdesk-server.cjs
 *
 * (Not HOSTNAME: many shells and containers set that to the machine's own name.)
 */
import http from "node:http";
import next from "next";
import { stopTickers } from "@/lib/notifications/ticker";
import { newsdeskRequestListener } from "@/lib/server/request-listener";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.NEWSDESK_HOST || undefined;

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const server = http.createServer(newsdeskRequestListener(app.getRequestHandler()));
  server.listen(port, hostname, () => console.log(`✓ Ready on http://${hostname ?? "localhost"}:${port}`));
  // Stop taking requests, let the background workers finish the step they are in (an email the
  // mail server has accepted is recorded as sent, not sent again after the restart), then exit.
  const stop = () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    void Promise.all([closed, stopTickers(4_500)]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
