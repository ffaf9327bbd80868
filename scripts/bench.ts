/**
 * npm run bench [-- --articles 50000 --duration 10 --connections 10 --page-duration 2 --publications 20 --publication-gap 200
 *                   --notification-publications 60 --rounds 6 --only pages|notifications|edge|desk --reuse-seed
 *                   --db sqlite|postgres]
 *
 * Seeds a large newsroom into a throwaway database (.bench/sqlite/bench.db; scripts/bench-seed.ts), starts
 * the production server on it, and prints what readers would get, over HTTP only: every public page
 * type at 10 and 50 connections, with and without `Accept-Encoding: br, gzip`, beside the static
 * ceiling (the same bytes from memory), publish → visible for a series of publications under load
 * and the server's peak memory (scripts/bench-pages.ts); then the desk's budgets (publish → every
 * public surface, the scheduler), page weights, sign-in under a guessing attack
 * (scripts/bench-sign-in.ts) and publication latency with notifications and email off and on,
 * against a slow mail server (scripts/bench-notifications.ts); and the front cache, Debian's nginx
 * with deploy/nginx/newsdesk.conf, against nginx serving the same bytes as files, and publish →
 * visible through it (scripts/bench-edge.ts); before all, the desk's lists and readers' search
 * against the database itself, each statement EXPLAINed (scripts/bench-desk.ts). `--only pages`,
 * `--only notifications`, `--only edge` and `--only desk` seed and run one part alone. `--db
 * postgres` runs it all on PostgreSQL (a server of its own in .bench/postgres, seeded with batched
 * inserts) instead of SQLite. `--reuse-seed` keeps the newsroom an earlier
 * run seeded (and published into), to repeat a measurement without seeding again.
 */
import autocannon from "autocannon";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { slugFromHeadline } from "@/lib/text/slug";
import { sitemapMonth } from "@/lib/articles/sitemaps";
import { createPrismaClient } from "@/lib/prisma-client";
import { renderBody } from "@/lib/render/body";
import { benchNotifications } from "./bench-notifications";
import { benchPages, pageWeight, type Page, type PublishTiming } from "./bench-pages";
import { seedBenchNewsroom } from "./bench-seed";
import { benchSignIn } from "./bench-sign-in";
import { benchEdge } from "./bench-edge";
import { ensureBuild, migrate, prepareEnvironment, root, startServer } from "./runtime";
import { startPostgres, type PostgresServer } from "@/lib/postgres/server";

const { values: flags } = parseArgs({
  options: {
    articles: { type: "string", default: "50000" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: "3900" },
    "attack-rate": { type: "string", default: "20" },
    only: { type: "string" },
    publications: { type: "string", default: "20" },
    "publication-gap": { type: "string", default: "200" },
    "page-duration": { type: "string", default: "2" },
    "notification-publications": { type: "string", default: "60" },
    rounds: { type: "string", default: "6" },
    "reuse-seed": { type: "boolean", default: false },
    db: { type: "string", default: "sqlite" },
  },
});
const parts = ["pages", "notifications", "edge", "desk"] as const;
const only = flags.only as (typeof parts)[number] | undefined;
if (only !== undefined && !parts.includes(only)) throw new Error(`--only takes ${parts.map((part) => `"${part}"`).join(" or ")}, not "${flags.only}"`);
const articleCount = Number(flags.articles);
const duration = Number(flags.duration);
const connections = Number(flags.connections);
const port = Number(flags.port);
const base = `http://127.0.0.1:${port}`;

const benchDir = path.join(root, ".bench");
// In a folder of its own: on SQLite the database's folder is the data folder, made private (0700),
// and PostgreSQL's own user must still reach .bench/postgres after a SQLite run.
const databaseFile = path.join(benchDir, "sqlite", "bench.db");
const postgresDir = path.join(benchDir, "postgres");
const onPostgres = flags.db === "postgres";
if (flags.db !== "sqlite" && !onPostgres) throw new Error(`--db takes "sqlite" or "postgres", not "${flags.db}"`);
let postgres: PostgresServer | undefined;

const dataDir = path.join(benchDir, "data");
/** Each database's media of its own: the rows of one seed name the files it wrote. */
const mediaDir = path.join(benchDir, onPostgres ? "postgres-media" : "sqlite-media");
const seedDirs = onPostgres ? [postgresDir, dataDir, mediaDir] : [path.dirname(databaseFile), mediaDir];

/** Written once a seed has finished: a seed that failed half way is never reused. */
const seededMark = path.join(onPostgres ? postgresDir : path.dirname(databaseFile), "seeded");

async function seedLargeNewsroom() {
  const reuse = flags["reuse-seed"] && fs.existsSync(seededMark);
  // Only this database's own folders: a SQLite seed must not throw away a PostgreSQL one.
  if (!reuse) for (const dir of seedDirs) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(benchDir, { recursive: true });
  // The bench's own database: never the developer's. On PostgreSQL, a server of its own in .bench/.
  if (onPostgres) {
    postgres = await startPostgres({ dir: postgresDir, database: "bench" });
    process.env.DATABASE_URL = postgres.socketUrl;
  } else process.env.DATABASE_URL = `file:${databaseFile}`;
  // Never .bench itself: the data folder is made private to us (0700), and PostgreSQL's own user
  // must still reach its files inside .bench (its checkpoint failed after a minute otherwise). On
  // PostgreSQL it is this; on SQLite, the database's own folder (.bench/sqlite).
  process.env.NEWSDESK_DATA_DIR = dataDir;
  process.env.MEDIA_DIR = mediaDir;
  prepareEnvironment({ port });
  await migrate();
  if (reuse) {
    console.log(`Reusing the newsroom seeded by an earlier run (${onPostgres ? postgresDir : databaseFile}), with what that run published.`);
  } else {
    await seedBenchNewsroom(articleCount);
    fs.writeFileSync(seededMark, `${articleCount} bench articles, ${new Date().toISOString()}\n`);
  }
  // The other database's seed, if this machine keeps one, makes way for this run's: at a million
  // articles SQLite's 19 GB and PostgreSQL's 14 GB do not both fit in this machine's 23 GB.
  dropFromFileCache(filesUnder(onPostgres ? databaseFile : path.join(postgresDir, "data")));
  // PostgreSQL's tables live in its data folder's files, cached by the operating system as SQLite's are.
  await readThrough(filesUnder(onPostgres ? path.join(postgresDir, "data", "base") : databaseFile));
}

/** A file, or every file under a folder; nothing if it does not exist. */
function filesUnder(target: string): string[] {
  if (!fs.existsSync(target)) return [];
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs.readdirSync(target, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Asks the kernel to give up its cached pages of `files` (GNU dd's `nocache`: posix_fadvise DONTNEED). */
function dropFromFileCache(files: string[]) {
  for (const file of files) spawnSync("dd", [`if=${file}`, "iflag=nocache", "count=0", "status=none"], { stdio: "ignore" });
}

/**
 * Reads the database's files, so that the operating system holds them in memory as a running
 * newsroom's server does: the figures are those of a warm machine, every run alike. Cold, readers'
 * search is another product: at a million articles its p95 was 338 ms against 39 warm on
 * PostgreSQL after the machine's file cache had been emptied, and 115 ms on SQLite just after a seed
 * (19 GB written on a machine of 23 GB; 35 ms once read through), as decision 027 records; a reused
 * database left cold by a test run halved the distinct-search cells. Twice: Linux keeps a page read
 * once on its inactive list, given up before pages read twice (PostgreSQL's search p95 was 64 ms
 * after one pass over its files with SQLite's seed cached, 36 ms in the next run, after a second).
 */
async function readThrough(files: string[]) {
  for (const pass of ["once", "twice"]) {
    const started = performance.now();
    let bytes = 0;
    for (const file of files) for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) bytes += (chunk as Buffer).length;
    console.log(`Read the database's files ${pass} into the file cache (${(bytes / 2 ** 20).toFixed(0)} MiB, ${((performance.now() - started) / 1000).toFixed(1)} s).`);
  }
}

function startBenchServer(env: Record<string, string> = {}): ChildProcess {
  return startServer({ port, host: "127.0.0.1", env: { ...env, NEXTAUTH_URL: base }, stdio: ["ignore", "ignore", "inherit"] });
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Peak resident memory (VmHWM) of a process and its children, in MiB (Linux only). */
function peakMemoryMiB(pid: number): number | null {
  const pids = [pid];
  for (let index = 0; index < pids.length; index += 1) {
    try {
      const children = fs.readFileSync(`/proc/${pids[index]}/task/${pids[index]}/children`, "utf8").trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    } catch {
      // Gone, or not Linux.
    }
  }
  let total = 0;
  for (const candidate of pids) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${candidate}/status`, "utf8"));
      if (match) total += Number(match[1]);
    } catch {
      // Gone.
    }
  }
  return total ? total / 1024 : null;
}

type Row = { name: string; path: string; rps: number; p50: number; p99: number; errors: number };

async function load(name: string, url: string): Promise<Row> {
  const result = await autocannon({ url, connections, duration });
  return {
    name,
    path: url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ""),
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Signs in as the demo editor through next-auth's credentials flow; returns the cookie header. */
async function editorCookie(): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!, value.join("="));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: "editor@example.com", password: "newsdesk-demo", json: "true" }),
  });
  keep(signIn);
  return cookie();
}

/**
 * A draft straight into the bench database (a fixture, like the seed above): by the demo editor,
 * or, given `writerIds`, by those writers (the first its author).
 */
async function benchDraft(headline: string, body: string, writerIds: string[] = []): Promise<{ id: string; path: string }> {
  const prisma = createPrismaClient();
  const editor = await prisma.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
  const section = await prisma.section.findUniqueOrThrow({ where: { slug: "city" } });
  const slug = slugFromHeadline(headline);
  const article = await prisma.article.create({
    data: {
      slug,
      kind: "news",
      sectionId: section.id,
      authorId: writerIds[0] ?? editor.id,
      headline,
      dateline: "HARBOURTON",
      body,
      revisions: {
        create: {
          number: 1,
          headline,
          dateline: "HARBOURTON",
          body,
          bodyHtml: renderBody(body),
          authorId: editor.id,
          bylines: { create: (writerIds.length ? writerIds : [editor.id]).map((userId, position) => ({ userId, position })) },
        },
      },
    },
  });
  await prisma.$disconnect();
  return { id: article.id, path: `/city/${slug}` };
}

async function transition(cookie: string, id: string, body: Record<string, unknown>) {
  const response = await fetch(`${base}/api/articles/${id}/transitions`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${String(body.action)} failed: ${response.status} ${await response.text()}`);
}

/**
 * Whether a story shows on every public surface at once: the home page, its section, search, its
 * own page, the feed, this month's sitemap and the news sitemap (what
 * e2e/reader-sees-changes-at-once.spec.ts checks).
 */
async function shownEverywhere({ headline, path, word }: { headline: string; path: string; word: string }): Promise<boolean> {
  const text = (target: string) => fetch(`${base}${target}`).then((response) => response.text());
  const [home, section, search, feed, sitemap, newsSitemap, page] = await Promise.all([
    text("/"),
    text("/city"),
    text(`/search?q=${word}`),
    text("/feed.xml"),
    text(`/sitemaps/${sitemapMonth(new Date())}.xml`),
    text("/news-sitemap.xml"),
    fetch(`${base}${path}`).then((response) => response.status),
  ]);
  return page === 200 && [home, section, search, feed].every((body) => body.includes(headline)) && [sitemap, newsSitemap].every((xml) => xml.includes(path));
}

/**
 * Milliseconds from `started` (performance.now()) until `check` first holds; a minute at most. A
 * request the connection drops counts as "not yet" (on a loaded machine a kept-alive connection
 * can be reset as it is reused); a server that stays down still ends the run after the minute.
 */
async function millisecondsUntil(started: number, what: string, check: () => Promise<boolean>): Promise<number> {
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return performance.now() - started;
    } catch (error) {
      // A kept-alive connection the server closed as it was reused (ECONNRESET) on a busy machine:
      // ask again; only a minute of failures counts.
      lastError = error;
    }
    if (performance.now() - started > 60_000) throw new Error(`${what} did not happen within a minute`, { cause: lastError });
  }
}

/**
 * Sends Publish for a fresh draft (by `writerIds`, or the editor) and returns at once: the story,
 * the moment Publish was sent, and the request's answer (its milliseconds) still to come. Callers
 * look for the story from that moment, as a reader's next request would: a reader does not wait
 * for the editor's answer, and what the request does after its commit (the desk's own refresh,
 * the answer) is not on the reader's path.
 */
async function sendPublish(cookie: string, writerIds: string[]) {
  const headline = `Bench publication ${Date.now()}`;
  const word = `benchword${Date.now().toString(36)}`;
  const { id, path } = await benchDraft(headline, `A story published during the benchmark, tagged ${word}.`, writerIds);
  const started = performance.now();
  const answered = transition(cookie, id, { action: "publish" }).then(() => performance.now() - started);
  // Until a caller awaits it, a failed Publish must not end the process as an unhandled rejection.
  answered.catch(() => {});
  return { story: { headline, path, word }, started, answered };
}

const shows = (target: string, headline: string) => async () => (await (await fetch(`${base}${target}`)).text()).includes(headline);

/** Milliseconds from the editor's Publish request to the headline showing on `/` and in the feed. */
async function publishToHomeAndFeed(cookie: string, writerIds: string[] = []): Promise<PublishTiming> {
  const { story, started, answered } = await sendPublish(cookie, writerIds);
  const [request, home, feed] = await Promise.all([
    answered,
    millisecondsUntil(started, `${story.headline} on /`, shows("/", story.headline)),
    millisecondsUntil(started, `${story.headline} in /feed.xml`, shows("/feed.xml", story.headline)),
  ]);
  return { request, home, feed };
}

/**
 * Milliseconds from the editor's Publish request to its answer (the command, its transaction and
 * the cache refresh) and to the headline showing on `/`, in the feed, and everywhere.
 */
async function publishToVisible(cookie: string, writerIds: string[] = []): Promise<{ request: number; home: number; feed: number; everywhere: number }> {
  const { story, started, answered } = await sendPublish(cookie, writerIds);
  const [request, home, feed, everywhere] = await Promise.all([
    answered,
    millisecondsUntil(started, `${story.headline} on /`, shows("/", story.headline)),
    millisecondsUntil(started, `${story.headline} in /feed.xml`, shows("/feed.xml", story.headline)),
    millisecondsUntil(started, `${story.headline} everywhere`, () => shownEverywhere(story)),
  ]);
  return { request, home, feed, everywhere };
}

/**
 * A story scheduled a few seconds ahead, published by the server's own once-a-second scheduler:
 * whether it showed anywhere before its time, and how long after its time it showed everywhere.
 */
async function scheduledToVisible(cookie: string): Promise<{ early: boolean; everywhere: number }> {
  const headline = `Bench scheduled publication ${Date.now()}`;
  const word = `benchtime${Date.now().toString(36)}`;
  const { id, path } = await benchDraft(headline, `A story scheduled during the benchmark, tagged ${word}.`);
  const story = { headline, path, word };
  const goLive = Date.now() + 3_000;
  await transition(cookie, id, { action: "schedule", scheduledFor: new Date(goLive).toISOString() });
  let early = false;
  while (Date.now() < goLive - 250) {
    early ||= (await fetch(`${base}${path}`)).status !== 404;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // Its time, on the clock the timings are taken with.
  const due = performance.now() + (goLive - Date.now());
  return { early, everywhere: await millisecondsUntil(due, `${headline} everywhere`, () => shownEverywhere(story)) };
}

/** Stops a server started here and waits until it has let go of its port. */
function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
}

/** The most recent news story's address: the cached article page the bench measures. */
async function recentArticlePath(): Promise<string> {
  const prisma = createPrismaClient();
  const recent = await prisma.article.findFirstOrThrow({
    where: { status: "published", kind: "news" },
    orderBy: { publishedAt: "desc" },
    select: { slug: true, section: { select: { slug: true } } },
  });
  await prisma.$disconnect();
  return `/${recent.section.slug}/${recent.slug}`;
}

/** The reader pages measured, the cached article page first (its targets are read from the first row). */
function readerPages(articlePath: string): Page[] {
  return [
    { name: "article page", path: articlePath },
    { name: "home page", path: "/" },
    { name: "/opinion", path: "/opinion" },
    { name: "section page", path: "/city" },
    { name: "section page 2", path: "/city?page=2" },
    { name: "topic page", path: "/tags/harbour" },
    { name: "writer's page", path: "/authors/writer-7" },
    { name: "search, repeated", path: "/search?q=harbour+council" },
    { name: "search, distinct", path: "/search?q=harbour+council", distinctQueries: true },
    { name: "/feed.xml", path: "/feed.xml" },
  ];
}

/** The pages section (scripts/bench-pages.ts) on the running server; signs in as the editor. */
async function pagesSection(server: ChildProcess, articlePath: string): Promise<string> {
  const cookie = await editorCookie();
  console.log(`\nNewsdesk benchmark: ${articleCount} published articles`);
  await benchPages({
    base,
    ceilingPort: port + 1,
    pages: readerPages(articlePath),
    duration: Number(flags["page-duration"]),
    publications: Number(flags.publications),
    publish: () => publishToHomeAndFeed(cookie),
    serverPid: server.pid!,
    peakMemoryMiB: () => peakMemoryMiB(server.pid!),
    workDir: benchDir,
  });
  return cookie;
}

/** The desk's lists and search, in a process of their own on the bench's database (scripts/bench-desk.ts). */
async function deskSection() {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "bench-desk.ts")], { cwd: root, stdio: "inherit", env: process.env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the desk's lists failed (exit ${code})`))));
  });
}

/** The front cache: the app started with an edge to refresh, nginx with the shipped configuration in front. */
async function edgeSection() {
  const edgePort = port + 2;
  const secret = `bench-${Date.now().toString(36)}-edge-refresh`;
  const server = startBenchServer({ NEWSDESK_EDGES: `http://127.0.0.1:${edgePort}`, NEWSDESK_EDGE_SECRET: secret });
  try {
    await waitFor(`${base}/api/health`);
    const articlePath = await recentArticlePath();
    const cookie = await editorCookie();
    await benchEdge({
      app: `127.0.0.1:${port}`,
      edgePort,
      staticPort: port + 3,
      secret,
      pages: readerPages(articlePath).filter((page) => !page.distinctQueries && page.path !== "/city?page=2" && !page.path.startsWith("/search")),
      duration: Number(flags["page-duration"]),
      connections: 50,
      publications: Number(flags.publications),
      publicationGapMs: Number(flags["publication-gap"]),
      publish: async () => {
        const { story, started, answered } = await sendPublish(cookie, []);
        return { headline: story.headline, started, answered };
      },
      workDir: benchDir,
    });
  } finally {
    await stopServer(server);
  }
}

/** Everything but the notifications: returns the editor's cookie, signed in before the guessing attack locks 127.0.0.1 out. */
async function benchReaders(): Promise<string> {
  const server = startBenchServer();
  try {
    await waitFor(`${base}/api/health`);
    const articlePath = await recentArticlePath();
    fs.writeFileSync(path.join(benchDir, "article.html"), await (await fetch(`${base}${articlePath}`)).text());
    const cookie = await pagesSection(server, articlePath);
    if (only === "pages") return cookie;

    const weighed = readerPages(articlePath).filter((page) => !page.distinctQueries && page.path !== "/city?page=2");
    const weights = await Promise.all(weighed.map(async (page) => `${page.name}: ${await pageWeight(base, page.path)}`));
    const visible = await publishToVisible(cookie);
    const scheduled = await scheduledToVisible(cookie);
    console.log(`\nThe desk's budgets (one publication each, no other load)`);
    console.log(`publish → on the home page: ${visible.home.toFixed(0)} ms; → in /feed.xml: ${visible.feed.toFixed(0)} ms`);
    // Budgets the end-to-end journeys used to assert against the wall clock (they now check only
    // that the first request after a change has it): measured here, on a quiet machine.
    const verdict = (ms: number, budget: number) => `${ms.toFixed(0)} ms (budget ${budget.toLocaleString("en")} ms: ${ms < budget ? "met" : "MISSED"})`;
    console.log(`publish → on every public surface (home, section, search, page, feed, sitemaps): ${verdict(visible.everywhere, 3_000)}`);
    console.log(
      `scheduled time → on every public surface, by the server's own scheduler: ${verdict(scheduled.everywhere, 3_000)}; ` +
        `shown before its time: ${scheduled.early ? "YES (wrong)" : "no"}`,
    );
    console.log(`\nPage weight: a first visit with Accept-Encoding: br, gzip, as sent (images left out)`);
    for (const line of weights) console.log(line);
    // Last: the guessing attack locks 127.0.0.1 out of signing in for 15 minutes.
    await benchSignIn({ base, duration, connections, attackRate: Number(flags["attack-rate"]), articlePath, load });
    return cookie;
  } finally {
    await stopServer(server);
  }
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const started = performance.now();
  await seedLargeNewsroom();
  if (only === undefined || only === "desk") await deskSection();
  if (only === "desk") return;
  await ensureBuild();
  if (only === undefined || only === "edge") await edgeSection();
  if (only === "edge") return;
  const cookie = only === "notifications" ? undefined : await benchReaders();
  if (only !== "pages") {
    await benchNotifications({
      publications: Number(flags["notification-publications"]),
      rounds: Number(flags.rounds),
      cookie,
      signIn: editorCookie,
      publishToVisible,
      startServer: async (env) => {
        const server = startBenchServer(env);
        try {
          await waitFor(`${base}/api/health`);
        } catch (error) {
          await stopServer(server);
          throw error;
        }
        return server;
      },
      stopServer,
    });
  }
  console.log(`\nThe bench took ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${os.loadavg().map((value) => value.toFixed(2)).join(", ")} (other work on this machine skews every figure).`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    // The bench's PostgreSQL keeps its data for --reuse-seed; the server itself stops with the bench.
    await postgres?.stop();
    process.exit();
  });
