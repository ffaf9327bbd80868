/**
 * npm run lighthouse [-- --url http://localhost:3000 --withdrawn /city/a-withdrawn-story]
 *
 * Lighthouse 13 (its default: mobile emulation, simulated throttling, a first visit with an empty
 * cache) on every kind of reader's page of a running Newsdesk, in headless Chromium, and one table:
 * the four scores, LCP, CLS and the bytes transferred (Lighthouse's total-byte-weight). The pages
 * are found as a reader finds them, by following the site's own links from the front page; a
 * withdrawn story (410) has no link, so its address comes from --withdrawn, or that row is left
 * out. A measuring script, not a test: it exits 0 whatever the scores (issue 13 sets the budgets,
 * e2e/reader-pages.spec.ts asserts the ones a test can hold deterministically), and 1 only when it
 * cannot measure (no server at --url, no browser).
 *
 * Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else whatever chrome-launcher finds.
 * Lighthouse runs as its own CLI in plain Node, on that browser: under tsx, the functions it sends
 * into the page carry esbuild's `__name` helper, which the page does not have. (Lighthouse 13 asks
 * for Node 22.19 in its `engines`, so npm warns at install; what this script uses of it runs on Node 20.)
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import { parseArgs, promisify } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import type { Result as LighthouseReport } from "lighthouse";

const { values: flags } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    withdrawn: { type: "string" },
  },
});
const base = new URL(flags.url).origin;

type ReaderPage = { name: string; path: string };

async function html(path: string): Promise<string> {
  const response = await fetch(new URL(path, base), { redirect: "follow" });
  return response.text();
}

/** The addresses `html` links to, in order, decoded (`&amp;`) and made relative to the site. */
function linksIn(document: string): string[] {
  return [...document.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/gi)]
    .map(([, href]) => href!.replaceAll("&amp;", "&"))
    .map((href) => (href.startsWith(base) ? href.slice(base.length) || "/" : href))
    .filter((href) => href.startsWith("/") && !href.startsWith("//"));
}

/** An article's address is /section/slug; every other two-part address is one of the site's own. */
const articleAddress = /^\/(?!authors\/|tags\/|media\/|opinion\/kind\/|search|corrections)[a-z0-9-]+\/[a-z0-9-]+$/;

/** The first headline word long enough to be worth searching for. */
function searchWord(document: string): string {
  const headline = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(document)?.[1]?.replace(/<[^>]+>/g, "") ?? "";
  return headline.split(/[^\p{L}]+/u).find((word) => word.length >= 5)?.toLowerCase() ?? "harbour";
}

/** Every kind of reader's page, found from the front page's links (a kind the site lacks is left out). */
async function discoverPages(): Promise<ReaderPage[]> {
  const home = await html("/");
  const homeLinks = linksIn(home);
  const articles = [...new Set(homeLinks.filter((href) => articleAddress.test(href)))];
  const pages: ReaderPage[] = [{ name: "home", path: "/" }];
  let withImage: string | undefined, withoutImage: string | undefined;
  let articleWithLinks = "";
  for (const path of articles) {
    const document = await html(path);
    const illustrated = /<article\b[\s\S]*?<img\b/i.test(document);
    if (illustrated && !withImage) withImage = path;
    if (!illustrated && !withoutImage) withoutImage = path;
    if (!articleWithLinks && /href="\/tags\//.test(document) && /href="\/authors\//.test(document)) articleWithLinks = document;
    if (withImage && withoutImage && articleWithLinks) break;
  }
  if (withoutImage) pages.push({ name: "article, no image", path: withoutImage });
  if (withImage) pages.push({ name: "article, image", path: withImage });

  const section = articles.map((path) => `/${path.split("/")[1]}`).find((path) => path !== "/opinion");
  if (section) {
    pages.push({ name: "section", path: section });
    const next = linksIn(await html(section)).find((href) => href === `${section}?page=2` || href === `${section}/page/2`);
    if (next) pages.push({ name: "section, page 2", path: next });
  }
  pages.push({ name: "Opinion", path: "/opinion" });
  const kind = linksIn(await html("/opinion")).find((href) => /^\/opinion(\?kind=|\/kind\/)[a-z-]+$/.test(href));
  if (kind) pages.push({ name: "Opinion kind", path: kind });
  const articleLinks = linksIn(articleWithLinks);
  const writer = [...homeLinks, ...articleLinks].find((href) => /^\/authors\/[a-z0-9-]+$/.test(href));
  if (writer) pages.push({ name: "writer", path: writer });
  const topic = articleLinks.find((href) => /^\/tags\/[a-z0-9-]+$/.test(href));
  if (topic) pages.push({ name: "topic", path: topic });
  pages.push({ name: "search", path: `/search?q=${encodeURIComponent(searchWord(articleWithLinks || home))}` });
  pages.push({ name: "corrections", path: "/corrections" });
  pages.push({ name: "404", path: "/no-such-page-for-lighthouse" });
  if (flags.withdrawn) pages.push({ name: "410", path: flags.withdrawn });
  return pages;
}

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const categories = ["performance", "accessibility", "best-practices", "seo"] as const;

type Row = { page: string; path: string; scores: string[]; lcp: string; cls: string; bytes: string; failing: string[]; notes: string[] };

const lighthouseCli = require.resolve("lighthouse/cli/index.js");

async function measure(page: ReaderPage, port: number): Promise<Row> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      lighthouseCli,
      new URL(page.path, base).href,
      `--port=${port}`,
      "--output=json",
      "--output-path=stdout",
      `--only-categories=${categories.join(",")}`,
      // 404 and 410 pages are measured too: they are pages readers land on.
      "--ignore-status-code",
      "--quiet",
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout) as LighthouseReport;
  const score = (id: string) => {
    const value = report.categories[id]?.score;
    return value === null || value === undefined ? "—" : String(Math.round(value * 100));
  };
  const numeric = (id: string) => report.audits[id]?.numericValue;
  const lcp = numeric("largest-contentful-paint");
  const cls = numeric("cumulative-layout-shift");
  const bytes = numeric("total-byte-weight");
  return {
    page: page.name,
    path: page.path,
    scores: categories.map(score),
    lcp: lcp === undefined ? "—" : `${(lcp / 1000).toFixed(1)} s`,
    cls: cls === undefined ? "—" : cls.toFixed(3),
    bytes: bytes === undefined ? "—" : `${(bytes / 1024).toFixed(1)} KiB`,
    failing: failingAudits(report),
    // Lighthouse's own words, without the links it writes in Markdown.
    notes: [report.runtimeError?.code, ...report.runWarnings]
      .filter((note): note is string => Boolean(note))
      .map((note) => note.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")),
  };
}

/** What costs points outside performance (whose score is its timings): the audits that failed. */
function failingAudits(report: LighthouseReport): string[] {
  return categories
    .filter((id) => id !== "performance")
    .flatMap((id) => report.categories[id]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score !== null && (report.audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => ref.id);
}

function printTable(rows: Row[]) {
  const header = ["page", "perf", "a11y", "best pr.", "SEO", "LCP", "CLS", "transferred", "address"];
  const lines = [header, ...rows.map((row) => [row.page, ...row.scores, row.lcp, row.cls, row.bytes, row.path])];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  for (const line of lines) console.log(line.map((cell, column) => (column === 0 || column === line.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ").trimEnd());
  for (const row of rows.filter((row) => row.failing.length)) console.log(`${row.page} loses points on: ${[...new Set(row.failing)].join(", ")}`);
  // Lighthouse warns of a slow CPU on a busy machine: said once, as it applies to every score of the run.
  const slowCpu = (note: string) => note.includes("slower CPU");
  for (const row of rows) {
    const notes = row.notes.filter((note) => !slowCpu(note));
    if (notes.length) console.log(`${row.page}: ${notes.join(" ")}`);
  }
  const slow = rows.filter((row) => row.notes.some(slowCpu)).length;
  if (slow) console.log(`Lighthouse found this machine's CPU slower than it expects on ${slow} of ${rows.length} pages: performance and LCP vary from run to run.`);
}

async function main() {
  const pages = await discoverPages();
  console.log(`Lighthouse on ${pages.length} reader pages of ${base} (mobile, first visit)…`);
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    logLevel: "error",
  });
  const rows: Row[] = [];
  try {
    for (const page of pages) rows.push(await measure(page, chrome.port));
  } finally {
    chrome.kill();
  }
  printTable(rows);
}

main().catch((error: unknown) => {
  // Scores never fail the script; only not being able to measure at all (no server, no browser) does.
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
