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
import { newsdeskRequestListener } from "@/lib/server/request-listener";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.NEWSDESK_HOST || undefined;

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const server = http.createServer(newsdeskRequestListener(app.getRequestHandler()));
  server.listen(port, hostname, () => console.log(`✓ Ready on http://${hostname ?? "localhost"}:${port}`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
