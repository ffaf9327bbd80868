/**
 * npm run edge: Debian's nginx with the shipped front cache (deploy/nginx/newsdesk.conf) in front
 * of the app, on this machine, until Ctrl-C. Its cache starts empty, as after a deploy.
 *
 *   npm run edge -- [--port 8080] [--app 127.0.0.1:3000 …] [--dir .edge]
 *
 * The refresh secret is NEWSDESK_EDGE_SECRET (the app's, so the app can ask this edge to fetch
 * changed pages again: start the app with NEWSDESK_EDGES=http://127.0.0.1:8080 and the same secret).
 */
import { parseArgs } from "node:util";
import { startEdge } from "../lib/edge/nginx";
import { runUntilStopped } from "./runtime";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    app: { type: "string", multiple: true },
    dir: { type: "string" },
  },
});

async function main() {
  const secret = process.env.NEWSDESK_EDGE_SECRET;
  if (!secret) throw new Error("Set NEWSDESK_EDGE_SECRET (the same as the app's): the app uses it to ask this edge to fetch changed pages again.");
  const upstreams = values.app?.length ? values.app : [`127.0.0.1:${process.env.PORT || 3000}`];
  const edge = await startEdge({ port: Number(values.port), upstreams, secret, dir: values.dir });
  console.log(`The edge (nginx) is serving ${edge.url} in front of ${upstreams.join(", ")}; its files are in ${edge.dir}. Ctrl-C stops it.`);
  runUntilStopped(edge.stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
