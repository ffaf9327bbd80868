/**
 * The front cache's section of the bench (scripts/bench.ts; alone: `npm run bench -- --only edge`):
 * Debian's nginx with the shipped configuration (deploy/nginx/newsdesk.conf, lib/edge/nginx.ts) in
 * front of the app, measured against nginx serving the same bytes as static files in the same run.
 *
 * - each page through the edge and from static files, at 50 connections, without Accept-Encoding
 *   and with a browser's `br, gzip`: requests/s, p99, and the edge's share of the static figure
 *   (issue 14: at least 70 %), the median of three turns a side taken in alternation. The static server picks br, gzip or the plain file as the edge does,
 *   with the same headers a precompressed static site would send.
 * - publish → visible through the edge on `/`, for a series of publications while the edge is
 *   under load, looked for from the moment Publish is sent: median and max (issue 14: median under
 *   75 ms, none over 1 s), and the Publish request's own answer. Twice: with readers' load as fast
 *   as the edge answers it, then at a steady half of that rate.
 */
import autocannon from "autocannon";
import fs from "node:fs";
import path from "node:path";
import { runNginx, startEdge, workerPriority } from "@/lib/edge/nginx";
import { captureVariants, median, type Page } from "./bench-pages";
import { startReaderLoad } from "./reader-load";

export type EdgeBenchOptions = {
  /** The app, as the edge reaches it: host:port. */
  app: string;
  edgePort: number;
  staticPort: number;
  secret: string;
  pages: Page[];
  duration: number;
  connections: number;
  publications: number;
  /** Milliseconds between one publication showing and the next being sent. */
  publicationGapMs: number;
  /** Publishes a fresh story through the app; resolves with its headline and when Publish was asked. */
  /** Sends Publish and returns at once; `answered` resolves to the request's own milliseconds. */
  publish: () => Promise<{ headline: string; started: number; answered: Promise<number> }>;
  workDir: string;
};

type Cell = { rps: number; p99: number; errors: number };

const turnsPerCell = 3;

/** The median of a side's turns by requests a second, and its p99 the median of theirs; errors summed. */
function middleCell(turns: Cell[]): Cell {
  return { rps: median(turns.map((turn) => turn.rps)), p99: median(turns.map((turn) => turn.p99)), errors: turns.reduce((sum, turn) => sum + turn.errors, 0) };
}

async function measure(url: string, connections: number, duration: number, acceptEncoding?: string): Promise<Cell> {
  const result = await autocannon({ url, connections, duration, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

/** nginx serving each captured page (`<index>.identity|gzip|br`, its type in `<index>.type`) at /p/<index>. */
function staticSite(dir: string, pages: number): string {
  const locations = Array.from({ length: pages }, (_, index) => {
    const type = fs.readFileSync(path.join(dir, `${index}.type`), "utf8").trim();
    return `    location = /p/${index} {
        default_type "${type}";
        try_files /${index}.$static_variant =404;
        add_header Content-Encoding $static_encoding;
        add_header Vary Accept-Encoding;
    }`;
  });
  return `map $http_accept_encoding $static_variant {
    default identity;
    "~*\\bbr\\b" br;
    "~*\\bgzip\\b" gzip;
}
map $static_variant $static_encoding {
    identity "";
    default $static_variant;
}
server {
    listen 127.0.0.1:__PORT__;
    root ${dir};
    sendfile on;
    tcp_nopush off;
    etag on;
${locations.join("\n")}
}
`;
}

const pad = (text: string | number, width: number) => String(text).padStart(width);

export async function benchEdge(options: EdgeBenchOptions): Promise<void> {
  const dir = path.join(options.workDir, "edge-static");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const appBase = `http://${options.app}`;
  for (const [index, page] of options.pages.entries()) {
    await fetch(`${appBase}${page.path}`, { headers: { "accept-encoding": "br, gzip" } }).then((response) => response.arrayBuffer());
    await new Promise((resolve) => setTimeout(resolve, 300)); // the app's Brotli copy, made just after a render
    await captureVariants(appBase, page, index, dir);
  }
  const edge = await startEdge({ port: options.edgePort, upstreams: [options.app], secret: options.secret, dir: path.join(options.workDir, "edge") });
  const statics = await runNginx({ dir: path.join(options.workDir, "edge-static-nginx"), port: options.staticPort, site: staticSite(dir, options.pages.length) });
  try {
    console.log(`\nThe front cache (nginx, deploy/nginx/newsdesk.conf) against nginx serving the same bytes as static files, ${options.connections} connections, each cell the median of ${turnsPerCell} turns of ${options.duration} s a side, edge and static in alternation`);
    let frontRate: number | undefined;
    console.log(`${"page".padEnd(22)} ${"encoding".padEnd(9)} ${pad("edge req/s", 11)} ${pad("p99", 6)} ${pad("static req/s", 13)} ${pad("p99", 6)} ${pad("share", 8)}  verdict (≥ 70 %)`);
    for (const [index, page] of options.pages.entries()) {
      for (const acceptEncoding of [undefined, "br, gzip"]) {
        await fetch(`${edge.url}${page.path}`, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }).then((response) => response.arrayBuffer());
        // Turns in alternation, edge then static, three of each, and the median of each side: a
        // neighbour's burst (the app's own start-up work in the first cell, another tenant) falls
        // on one 2 s turn, not on the whole comparison.
        const edgeTurns: Cell[] = [];
        const staticTurns: Cell[] = [];
        for (let turn = 0; turn < turnsPerCell; turn++) {
          edgeTurns.push(await measure(`${edge.url}${page.path}`, options.connections, options.duration, acceptEncoding));
          staticTurns.push(await measure(`${statics.url}/p/${index}`, options.connections, options.duration, acceptEncoding));
        }
        const viaEdge = middleCell(edgeTurns);
        const fromFiles = middleCell(staticTurns);
        const share = viaEdge.rps / fromFiles.rps;
        const turnShares = edgeTurns.map((cell, turn) => `${((cell.rps / staticTurns[turn]!.rps) * 100).toFixed(0)}`).join("/");
        if (page.path === "/" && acceptEncoding) frontRate = viaEdge.rps;
        const errors = viaEdge.errors + fromFiles.errors ? ` (errors: edge ${viaEdge.errors}, static ${fromFiles.errors})` : "";
        console.log(
          `${page.name.padEnd(22)} ${(acceptEncoding ? "br, gzip" : "none").padEnd(9)} ${pad(viaEdge.rps.toFixed(0), 11)} ${pad(viaEdge.p99, 6)} ${pad(fromFiles.rps.toFixed(0), 13)} ${pad(fromFiles.p99, 6)} ${pad(`${(share * 100).toFixed(1)} %`, 8)}  ${share >= 0.7 ? "met" : "MISSED"}${errors}  (each turn: ${turnShares} %)`,
        );
      }
    }

    // Publications while readers load the edge's front page: first as fast as the edge answers them
    // (on this machine the load's generator then takes a core the newsroom would have), then at a
    // steady half of what the edge served of / in its cell above, as readers who do not slow down
    // when the server is busy, and do not take the rest of the machine either.
    await publicationSeries(options, edge.url, { label: "10 connections as fast as answered" });
    const front = frontRate ?? 0;
    if (front > 0) await publicationSeries(options, edge.url, { label: `a steady ${Math.round(front / 2)} requests/s (half the edge's rate for / above; after the series above, on a server that has published)`, overallRate: Math.round(front / 2) });
  } finally {
    await statics.stop();
    await edge.stop();
  }
}

/**
 * `options.publications` publications while readers load the edge's front page (10 connections with
 * `br, gzip`, from a thread of its own; at `overallRate` requests a second when given): publish →
 * on `/` through the edge, looked for from the moment Publish is sent, as a reader's next request
 * would see it.
 */
async function publicationSeries(options: EdgeBenchOptions, edgeUrl: string, { label, overallRate }: { label: string; overallRate?: number }) {
  // The readers' side of this one machine, the load and the edge, runs below the newsroom's (nginx.ts).
  const loading = startReaderLoad({ url: `${edgeUrl}/`, connections: 10, headers: { "accept-encoding": "br, gzip" }, priority: workerPriority, ...(overallRate ? { overallRate } : {}) });
  const loadStarted = performance.now();
  let load = { requests: 0, errors: 0 };
  const timings: number[] = [];
  const requests: number[] = [];
  try {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (let count = 0; count < options.publications; count++) {
      const { headline, started, answered } = await options.publish();
      for (;;) {
        const text = await fetch(`${edgeUrl}/`).then((response) => response.text());
        if (text.includes(headline)) break;
        if (performance.now() - started > 60_000) throw new Error(`${headline} did not reach the edge within a minute`);
      }
      timings.push(performance.now() - started);
      requests.push(await answered);
      await new Promise((resolve) => setTimeout(resolve, options.publicationGapMs));
    }
  } finally {
    load = await loading.stop();
  }
  const middle = median(timings);
  const worst = Math.max(...timings);
  console.log(
    `publish → on / through the edge, readers' load ${label}: ${timings.length} publications, the next sent ${options.publicationGapMs} ms after one showed: median ${middle.toFixed(0)} ms (target < 75: ${middle < 75 ? "met" : "MISSED"}), ` +
      `max ${worst.toFixed(0)} ms (target < 1,000: ${worst < 1_000 ? "met" : "MISSED"}); the Publish request's own answer (which waits for the edge to fetch the story and its fronts again) median ${median(requests).toFixed(0)} ms`,
  );
  // In order, so that a slow first publication after the server's start shows as such.
  console.log(`  each, in order (ms): ${timings.map((timing) => timing.toFixed(0)).join(" ")}`);
  console.log(`  readers' load meanwhile (from a thread of its own, at the edge's nice ${workerPriority}): ${(load.requests / ((performance.now() - loadStarted) / 1000)).toFixed(0)} requests/s, ${load.errors} errors`);
}
