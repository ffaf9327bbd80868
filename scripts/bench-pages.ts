/**
 * The bench's public pages section (scripts/bench.ts; alone: `npm run bench -- --only pages`), over
 * HTTP only, whatever produces the pages:
 *
 * - each reader page type at 10 and at 50 connections, once without `Accept-Encoding` and once with
 *   a browser's `br, gzip`: requests/s, p50 and p99, the encoding the server answered and its body
 *   size. Search is measured twice: one query repeated, and a different query on every request.
 * - the static ceiling, measured the same way beside each cell: the page's own bytes (fetched once
 *   from the app with no encoding, with `br` and with `gzip`) served from memory by a bare Node HTTP
 *   server in a process of its own (like the app, so it does not share the load generator's thread),
 *   which answers br, else gzip, else identity, as a static server with precompressed files does.
 *   Where the app does not offer an encoding, the ceiling compresses the identity bytes itself
 *   (printed as "made here"). Page and ceiling cells take turns, so a neighbour's load on a shared
 *   machine falls on both alike.
 * - publish → visible on the home page and in the feed, for a series of publications while a mix of
 *   reader pages is under load (looked for from the moment Publish is sent, as a reader's next
 *   request would see it; the Publish request's own answer is printed beside), and the server's
 *   peak memory;
 *
 * each against its target in issue 13, "met" or "MISSED".
 */
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants as zlib, gunzipSync, gzipSync } from "node:zlib";
import { distinctQueries } from "./bench-seed";
import { startReaderLoad } from "./reader-load";

export const connectionLevels = [10, 50] as const;
/** What the load generator sends: nothing (curl, crawlers, most monitors) or what browsers send. */
export const acceptEncodings = [undefined, "br, gzip"] as const;
type AcceptEncoding = (typeof acceptEncodings)[number];

export type Page = {
  name: string;
  path: string;
  /** A different `?q=` on every request (search only): no cache can have seen it. */
  distinctQueries?: boolean;
};

type Cell = { rps: number; p50: number; p99: number; errors: number };
type Answer = { status: number; encoding: string; body: Buffer; contentType: string };

/** Milliseconds from the Publish request: to its answer, and to the story on `/` and in the feed. */
export type PublishTiming = { request: number; home: number; feed: number };

export type PagesBenchOptions = {
  base: string;
  /** Port for the ceiling server (the app's + 1). */
  ceilingPort: number;
  pages: Page[];
  /** Seconds per cell. */
  duration: number;
  publications: number;
  /** Publishes a fresh story and times it onto the home page and the feed. */
  publish: () => Promise<PublishTiming>;
  /** The server's process id (to wait until it is idle between cells). */
  serverPid: number;
  /** The server's peak resident memory so far, in MiB. */
  peakMemoryMiB: () => number | null;
  workDir: string;
};

/** The app's answer as bytes on the wire: no decompression, unlike fetch(). */
export function rawGet(url: string, acceptEncoding?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {}, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          encoding: String(response.headers["content-encoding"] ?? "identity"),
          contentType: String(response.headers["content-type"] ?? "application/octet-stream"),
          body: Buffer.concat(chunks),
        }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** The encoding a static server with br, gzip and identity files picks for a request's header. */
export function ceilingEncoding(acceptEncoding: string | undefined): "br" | "gzip" | "identity" {
  const offered = (acceptEncoding ?? "")
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([, quality]) => !quality || !/^\s*q=0(\.0*)?\s*$/.test(quality))
    .map(([name]) => name!.toLowerCase());
  if (offered.includes("br")) return "br";
  if (offered.includes("gzip")) return "gzip";
  return "identity";
}

/** CPU time (user + system) a process has used so far, in clock ticks; null where /proc is not there. */
function cpuTicks(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * Waits until the server is idle: requests still being answered when a cell's load generator
 * stopped (a slow search with 50 connections leaves a backlog of seconds) must not be counted
 * against the next cell. Idle: under 10 % of a core for two 250 ms windows in a row. Returns the
 * milliseconds waited.
 */
export async function waitUntilIdle(pid: number, maxMs = 120_000): Promise<number> {
  const started = performance.now();
  const windowMs = 250;
  const ticksPerWindow = (100 * windowMs) / 1000; // Linux counts 100 ticks a second.
  let quiet = 0;
  const first = cpuTicks(pid);
  if (first === null) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return performance.now() - started;
  }
  let before: number = first;
  while (quiet < 2 && performance.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after: number = cpuTicks(pid) ?? before;
    quiet = after - before <= 0.1 * ticksPerWindow ? quiet + 1 : 0;
    before = after;
  }
  return performance.now() - started;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// The ceiling server, run by a bare `node`: every file in CEILING_DIR held in memory, `/<n>` answered
// from `<n>.br`, `<n>.gzip` or `<n>.identity` by the request's Accept-Encoding.
const ceilingServerSource = `
const http = require("node:http"), fs = require("node:fs"), path = require("node:path");
const dir = process.env.CEILING_DIR, files = new Map();
for (const name of fs.readdirSync(dir)) files.set(name, fs.readFileSync(path.join(dir, name)));
const pick = ${ceilingEncoding.toString()};
const server = http.createServer((request, response) => {
  const page = request.url.slice(1), encoding = pick(request.headers["accept-encoding"]);
  const body = files.get(page + "." + encoding);
  if (!body) { response.writeHead(404); response.end(); return; }
  const headers = { "content-type": files.get(page + ".type").toString(), "content-length": body.length, vary: "Accept-Encoding" };
  if (encoding !== "identity") headers["content-encoding"] = encoding;
  response.writeHead(200, headers);
  response.end(body);
});
server.listen(Number(process.env.CEILING_PORT), "127.0.0.1", () => console.log(String(server.address().port)));
`;

/** Starts the ceiling server on `port` (0: any free port) over the files in `dir`; resolves once it listens. */
export async function startCeilingServer(dir: string, port: number): Promise<{ server: ChildProcess; port: number }> {
  const server = spawn(process.execPath, ["-e", ceilingServerSource], { env: { ...process.env, CEILING_DIR: dir, CEILING_PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
  const listening = await new Promise<number>((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`the ceiling server stopped (exit ${code})`)));
    server.stdout!.once("data", (data: Buffer) => resolve(Number(data.toString().trim())));
  });
  return { server, port: listening };
}

type Variant = { bytes: number; encoding: string; madeHere: boolean };

/**
 * Fetches a page's bytes from the app once per encoding and writes them where the ceiling server
 * reads them. Returns what the app answers for each header the bench sends, and the ceiling's variants.
 */
export async function captureVariants(base: string, page: Page, index: number, dir: string) {
  const identity = await rawGet(`${base}${page.path}`);
  if (identity.status !== 200 || identity.encoding !== "identity") throw new Error(`${page.path} answered ${identity.status} (${identity.encoding}) without Accept-Encoding`);
  const variants: Record<"identity" | "br" | "gzip", Variant> = {
    identity: { bytes: identity.body.length, encoding: "identity", madeHere: false },
    br: { bytes: 0, encoding: "br", madeHere: false },
    gzip: { bytes: 0, encoding: "gzip", madeHere: false },
  };
  fs.writeFileSync(path.join(dir, `${index}.identity`), identity.body);
  fs.writeFileSync(path.join(dir, `${index}.type`), identity.contentType);
  for (const encoding of ["br", "gzip"] as const) {
    const answer = await rawGet(`${base}${page.path}`, encoding);
    const madeHere = answer.encoding !== encoding;
    const body = madeHere
      ? encoding === "br"
        ? brotliCompressSync(identity.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(identity.body, { level: 9 })
      : answer.body;
    fs.writeFileSync(path.join(dir, `${index}.${encoding}`), body);
    variants[encoding] = { bytes: body.length, encoding, madeHere };
  }
  const served: Record<string, Answer> = {};
  for (const acceptEncoding of acceptEncodings) served[acceptEncoding ?? "none"] = await rawGet(`${base}${page.path}`, acceptEncoding);
  return { variants, served };
}

async function measure(url: string, connections: number, duration: number, acceptEncoding: AcceptEncoding, queries?: () => string): Promise<Cell> {
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {},
    ...(queries ? { requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: `/search?q=${encodeURIComponent(queries())}` }) }] } : {}),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

const pad = (text: string | number, width: number) => String(text).padStart(width);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const verdict = (met: boolean) => (met ? "met" : "MISSED");
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

export async function benchPages(options: PagesBenchOptions): Promise<void> {
  const { base, pages, duration } = options;
  const dir = path.join(options.workDir, "ceiling");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // Each page is requested once first, so cached pages are measured warm, and the server is left
  // to finish what a first request may start in the background (a page store's Brotli copy).
  const captured: Awaited<ReturnType<typeof captureVariants>>[] = [];
  for (const [index, page] of pages.entries()) {
    await rawGet(`${base}${page.path}`, "br, gzip");
    await waitUntilIdle(options.serverPid);
    captured.push(await captureVariants(base, page, index, dir));
  }
  const ceiling = await startCeilingServer(dir, options.ceilingPort);
  const ceilingBase = `http://127.0.0.1:${ceiling.port}`;
  const queryList = distinctQueries(200_000);
  let nextQuery = 0;
  const freshQuery = () => queryList[nextQuery++ % queryList.length]!;

  type Row = { page: Page; acceptEncoding: AcceptEncoding; connections: number; app: Cell; ceiling: Cell | null };
  const rows: Row[] = [];
  // The machine's 1-minute load average as each cell starts: other work on it skews every figure.
  const loadAverages: number[] = [];
  let drainedMs = 0;
  const started = performance.now();
  try {
    for (const [index, page] of pages.entries()) {
      console.log(`measuring ${page.name} (${page.distinctQueries ? "a different query each request" : page.path})…`);
      for (const acceptEncoding of acceptEncodings) {
        for (const connections of connectionLevels) {
          drainedMs += await waitUntilIdle(options.serverPid);
          loadAverages.push(os.loadavg()[0]!);
          const app = await measure(`${base}${page.path}`, connections, duration, acceptEncoding, page.distinctQueries ? freshQuery : undefined);
          // A different query on every request has no one set of bytes: its ceiling is the repeated query's row.
          const ceilingCell = page.distinctQueries ? null : await measure(`${ceilingBase}/${index}`, connections, duration, acceptEncoding);
          rows.push({ page, acceptEncoding, connections, app, ceiling: ceilingCell });
        }
      }
    }
  } finally {
    ceiling.server.kill("SIGTERM");
  }
  const matrixSeconds = (performance.now() - started) / 1000;

  await waitUntilIdle(options.serverPid);
  const timings = await publishUnderLoad(options);
  const memory = options.peakMemoryMiB();
  // What comes next (the desk's budgets) is timed on a server with nothing left to answer.
  await waitUntilIdle(options.serverPid);

  console.log(
    `\nReader pages: autocannon on 127.0.0.1, ${duration} s per cell, at ${connectionLevels.join(" and ")} connections; ` +
      `"ceiling": the same bytes from memory, a bare Node HTTP server in its own process (${matrixSeconds.toFixed(0)} s in all, ` +
      `${(drainedMs / 1000).toFixed(0)} s of it waiting before each cell until the server had finished the last one's requests)`,
  );
  console.log(
    `load average (1 min) on this ${os.cpus().length}-core machine while measuring: ${Math.min(...loadAverages).toFixed(1)} to ${Math.max(...loadAverages).toFixed(1)}, ` +
      `median ${median(loadAverages).toFixed(1)}${Math.max(...loadAverages) > os.cpus().length ? " (other work was running: figures are noisy)" : ""}`,
  );
  console.log(
    `${"page".padEnd(22)}${"Accept-Enc.".padEnd(12)}${"answered".padEnd(10)}${pad("bytes", 9)}${pad("conn", 5)}` +
      `${pad("req/s", 9)}${pad("p50", 5)}${pad("p99", 5)}${pad("err", 5)}  ${"ceiling".padEnd(9)}${pad("req/s", 9)}${pad("p50", 5)}${pad("p99", 5)}${pad("page/ceil.", 11)}`,
  );
  // Distinct queries have no one set of bytes: they are set against the repeated query's ceiling.
  const reference = (row: Row) =>
    row.ceiling ? row : rows.find((other) => other.ceiling && other.page.path.startsWith("/search") && other.acceptEncoding === row.acceptEncoding && other.connections === row.connections);
  for (const row of rows) {
    const key = row.acceptEncoding ?? "none";
    const answer = captured[pages.indexOf(row.page)]!.served[key]!;
    const ceilingRow = reference(row);
    const own = ceilingRow?.ceiling;
    const variant = ceilingRow && captured[pages.indexOf(ceilingRow.page)]!.variants[ceilingEncoding(row.acceptEncoding)];
    console.log(
      `${row.page.name.padEnd(22)}${key.padEnd(12)}${answer.encoding.padEnd(10)}${pad(row.page.distinctQueries ? "varies" : answer.body.length, 9)}${pad(row.connections, 5)}` +
        `${pad(row.app.rps.toFixed(0), 9)}${pad(row.app.p50, 5)}${pad(row.app.p99, 5)}${pad(row.app.errors, 5)}  ` +
        (own && variant
          ? `${(variant.encoding + (variant.madeHere ? "*" : "")).padEnd(9)}${pad(own.rps.toFixed(0), 9)}${pad(own.p50, 5)}${pad(own.p99, 5)}${pad(percent(row.app.rps / own.rps), 11)}`
          : "—"),
    );
  }
  if (captured.some((capture) => Object.values(capture.variants).some((variant) => variant.madeHere))) {
    console.log(`* the app does not offer this encoding for the page: the ceiling's copy was compressed here (br quality 11, gzip level 9)`);
  }
  const bodySizes = pages
    .filter((page) => !page.distinctQueries)
    .map((page) => {
      const { variants } = captured[pages.indexOf(page)]!;
      return `${page.name} ${kib(variants.identity.bytes)} / br ${kib(variants.br.bytes)} / gzip ${kib(variants.gzip.bytes)}`;
    });
  console.log(`body sizes (identity / br / gzip, the ceiling's copies): ${bodySizes.join("; ")}`);

  console.log(`\nTargets (issue 13; 50,000 articles on a 2-core machine):`);
  const article = rows.filter((row) => row.page === pages[0]);
  for (const row of article) {
    const ratio = row.app.rps / row.ceiling!.rps;
    console.log(`cached ${pages[0]!.name}, ${row.acceptEncoding ?? "no Accept-Encoding"}, ${row.connections} connections: ${percent(ratio)} of the ceiling (target ≥ 40 %: ${verdict(ratio >= 0.4)})`);
  }
  for (const row of article.filter((each) => each.connections === 50)) {
    console.log(`cached ${pages[0]!.name}, ${row.acceptEncoding ?? "no Accept-Encoding"}: p99 ${row.app.p99} ms at 50 connections (target < 20 ms: ${verdict(row.app.p99 < 20)})`);
  }
  for (const [distinct, target] of [[false, 500], [true, 200]] as const) {
    const searchRows = rows.filter((row) => row.page.path.startsWith("/search") && Boolean(row.page.distinctQueries) === distinct);
    for (const row of searchRows) {
      console.log(
        `search, ${distinct ? "a different query each request" : "one query repeated"}, ${row.acceptEncoding ?? "no Accept-Encoding"}, ${row.connections} connections: ` +
          `${row.app.rps.toFixed(0)} req/s (target ≥ ${target}: ${verdict(row.app.rps >= target)})`,
      );
    }
  }
  const both = timings.map((timing) => Math.max(timing.home, timing.feed));
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    `publish → on the home page and in /feed.xml (looked for from the moment Publish is sent), ${timings.length} publications under load: median ${ms(median(both))} (target < 75 ms: ${verdict(median(both) < 75)}), ` +
      `max ${ms(Math.max(...both))} (target none over 1 s: ${verdict(Math.max(...both) <= 1_000)}); home alone median ${ms(median(timings.map((timing) => timing.home)))}, ` +
      `feed alone median ${ms(median(timings.map((timing) => timing.feed)))}; the Publish request's own answer median ${ms(median(timings.map((timing) => timing.request)))}`,
  );
  console.log(`  each (home/feed, ms): ${timings.map((timing) => `${timing.home.toFixed(0)}/${timing.feed.toFixed(0)}`).join(", ")}`);
  console.log(`server peak RSS (high-water mark, server and its children): ${memory === null ? "n/a" : `${memory.toFixed(0)} MiB (target < 400 MiB: ${verdict(memory < 400)})`}`);
}

/**
 * Publishes `publications` stories one after another while 10 connections read a mix of the pages
 * (each connection cycling through them), and returns each one's time to the home page and feed.
 */
async function publishUnderLoad(options: PagesBenchOptions): Promise<PublishTiming[]> {
  const paths = options.pages.filter((page) => !page.distinctQueries).map((page) => page.path);
  const load = startReaderLoad({
    url: options.base,
    connections: 10,
    headers: { "accept-encoding": "br, gzip" },
    requests: paths.map((pagePath) => ({ method: "GET", path: pagePath })),
  });
  const timings: PublishTiming[] = [];
  try {
    // A moment for the load to build up before the first publication.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (let index = 0; index < options.publications; index += 1) timings.push(await options.publish());
  } finally {
    await load.stop();
  }
  return timings;
}

/** A response body as the browser reads it, whatever it was sent in. */
function decoded(answer: Answer): Buffer {
  if (answer.encoding === "br") return brotliDecompressSync(answer.body);
  if (answer.encoding === "gzip") return gunzipSync(answer.body);
  return answer.body;
}

/**
 * The fonts a page's stylesheet makes a browser with Latin text download: each @font-face with no
 * unicode-range, or one that covers Basic Latin (the other subsets are fetched only for their scripts).
 */
export function latinFontAddresses(css: string): string[] {
  const faces = css.match(/@font-face\s*\{[^}]*\}/g) ?? [];
  return faces
    .filter((face) => {
      const range = /unicode-range:\s*([^;}]+)/i.exec(face)?.[1];
      const coversLatin = (part: string) => {
        const [, from, to] = /U\+([0-9A-F]+)(?:-([0-9A-F]+))?/i.exec(part) ?? [];
        return from !== undefined && parseInt(from, 16) <= 0x61 && parseInt(to ?? from, 16) >= 0x7a;
      };
      return !range || range.split(",").some(coversLatin);
    })
    .map((face) => /url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/.exec(face)?.[1])
    .filter((address) => address !== undefined);
}

/**
 * What a first visit to a page transfers, as a browser asking for `br, gzip` gets it: the HTML and
 * every file it names (scripts, stylesheets, preloads, icons) plus the Latin fonts its stylesheets
 * load, compressed as the server sends them. Images in the page are left out.
 */
export async function pageWeight(base: string, pagePath: string): Promise<string> {
  const page = await rawGet(`${base}${pagePath}`, "br, gzip");
  const html = decoded(page).toString("utf8");
  // Scripts marked noModule (polyfills) are skipped by every browser that runs modules.
  const scriptTags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  const scriptFiles = [...new Set(scriptTags.filter((tag) => !/\snomodule/i.test(tag)).map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]).filter((source) => source !== undefined))];
  const inlineScripts = scriptTags.filter((tag) => !/\ssrc=/.test(tag) && !/application\/ld\+json/.test(tag)).length;
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((match) => match[0]);
  const linked = (rel: RegExp) => links.filter((tag) => rel.test(/\srel="([^"]+)"/.exec(tag)?.[1] ?? "")).map((tag) => /\shref="([^"]+)"/.exec(tag)?.[1]).filter((href) => href !== undefined);
  const stylesheets = [...new Set(linked(/^stylesheet$/))];
  const others = [...new Set(linked(/preload|modulepreload|icon/))].filter((href) => !stylesheets.includes(href) && !scriptFiles.includes(href));
  const fetchAll = (addresses: string[]) => Promise.all(addresses.map((address) => rawGet(new URL(address, `${base}${pagePath}`).href, "br, gzip")));
  const [scripts, styles, extras] = await Promise.all([fetchAll(scriptFiles), fetchAll(stylesheets), fetchAll(others)]);
  const fontAddresses = [...new Set(styles.flatMap((style, index) => latinFontAddresses(decoded(style).toString("utf8")).map((font) => new URL(font, new URL(stylesheets[index]!, base)).href)))].filter(
    (font) => !others.some((other) => new URL(other, base).href === font),
  );
  const fonts = await fetchAll(fontAddresses);
  const wire = (answers: Answer[]) => answers.reduce((sum, answer) => sum + answer.body.length, 0);
  const total = page.body.length + wire(scripts) + wire(styles) + wire(extras) + wire(fonts);
  const files = 1 + scripts.length + styles.length + extras.length + fonts.length;
  return (
    `HTML ${kib(page.body.length)} (${page.encoding}), ${files} files, ${kib(total)} in all: ` +
    `${scripts.length} script files ${kib(wire(scripts))}, ${inlineScripts} inline scripts besides JSON-LD, ` +
    `CSS ${styles.length} files ${kib(wire(styles))}, fonts ${fonts.length} files ${kib(wire(fonts))}, preloads and icons ${extras.length} files ${kib(wire(extras))}`
  );
}
