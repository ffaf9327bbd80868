/**
 * Issue 13's budgets for every kind of reader's page, judged from what the server sends alone (HTTP
 * and HTML), never from how the pages are made: valid HTML by the W3C Nu checker, no client
 * runtime, the bytes a first visit transfers, the icons, and search and pagination without
 * JavaScript.
 *
 * Bytes transferred are what Lighthouse counts as such (its total-byte-weight audit sums each
 * request's transferSize, which is Chrome's `Network.loadingFinished` encodedDataLength: headers and
 * body as they came over the wire), read here from the same event over the DevTools protocol, on
 * a first visit (a fresh browser context: empty cache) with Lighthouse's mobile screen, so the
 * responsive images chosen are the ones Lighthouse's phone loads.
 */
import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { describeNuErrors, nuErrors } from "./html-validator";
import { pngOf, uploaded } from "./media-support";
import { transition } from "./newsroom-data";
import { pageAs } from "./support";

const run = Date.now().toString(36);
/** A word in every story this journey writes and in no other, to search for. */
const word = `skerry${run}`;
const topic = `Skerries ${run}`;
/** More stories than one page of a section or of search results holds (twenty), so both have a page 2. */
const storiesForTwoPages = 21;

type ReaderPage = { name: string; path: string; status: number };
let readerPages: ReaderPage[] = [];
let withImage: { path: string; headline: string };
let withoutImage: { path: string; headline: string };

/** Lighthouse 13's default mobile screen (a Moto G Power): the viewport the budgets are measured at. */
const lighthousePhone = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const KiB = 1024;

/** One attribute's value from a tag's attribute text (quoted either way or bare), `&amp;` decoded. */
function attributeOf(attributes: string, name: string): string | undefined {
  const value = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attributes);
  return value ? (value[1] ?? value[2] ?? value[3])!.replaceAll("&amp;", "&") : undefined;
}

/** The first link in `html` whose address matches `pattern`: a page's ways on, as a reader finds them. */
function firstLink(html: string, pattern: RegExp, what: string): string {
  const href = [...html.matchAll(/<a\b([^>]*)>/gi)].map(([, attributes]) => attributeOf(attributes!, "href") ?? "").find((address) => pattern.test(address));
  expect(href, what).toBeTruthy();
  return href!;
}

// In order, in one worker, on one world; not serial, so that each budget is judged even when another
// fails (a failure costs a new worker, which makes its own world again).
test.describe.configure({ mode: "default" });

test.beforeAll(async ({ browser, desk }) => {
  test.setTimeout(240_000);
  const editor = await pageAs(browser, "editor");
  const publish = async (headline: string, extra: { featuredImage?: { id: string; alt: string; caption: string; credit: string } } = {}) => {
    const draft = await desk.run("writeDraft", {
      headline,
      standfirst: `What the ${word} survey found on the outer rocks.`,
      body: `Surveyors counted the seals on the ${word} ledge at low water.\n\nThe count was higher than last year's.`,
      tags: [topic],
      ...extra,
    });
    await transition(editor, draft.id, { action: "publish" });
    return { id: draft.id, path: `/city/${draft.slug}` };
  };

  // The oldest story has no image; enough follow it to give the section and the search a page 2.
  const plainHeadline = `Seals return to the ${word} ledge`;
  withoutImage = { headline: plainHeadline, path: (await publish(plainHeadline)).path };
  for (let n = 1; n < storiesForTwoPages; n++) await publish(`Skerry survey note ${n} ${run}`);

  const image = await uploaded(editor, { name: `${word}.png`, mimeType: "image/png", buffer: await pngOf(1600, 900) }, "Seals on a rock ledge");
  const imageHeadline = `The ${word} lighthouse keepers count the seals`;
  withImage = {
    headline: imageHeadline,
    path: (await publish(imageHeadline, { featuredImage: { id: image.id, alt: "Seals on a rock ledge", caption: "The ledge at low water.", credit: "Photo: Desk" } })).path,
  };

  // A story published, then withdrawn: its address is Gone.
  const withdrawn = await publish(`Skerry survey withdrawn ${run}`);
  await transition(editor, withdrawn.id, { action: "unpublish" });

  // Every other address is found as a reader finds it: by following the site's own links.
  await editor.context().close();
  const reader = await browser.newContext();
  const textOf = async (path: string) => (await reader.request.get(path)).text();
  const [article, section, opinion] = [await textOf(withImage.path), await textOf("/city"), await textOf("/opinion")];
  await reader.close();

  readerPages = [
    { name: "home", path: "/", status: 200 },
    { name: "article without an image", path: withoutImage.path, status: 200 },
    { name: "article with a featured image", path: withImage.path, status: 200 },
    { name: "section", path: "/city", status: 200 },
    { name: "section, page 2", path: firstLink(section, /^\/city(\?page=2|\/page\/2)$/, "the section links to its page 2"), status: 200 },
    { name: "Opinion", path: "/opinion", status: 200 },
    { name: "Opinion kind", path: firstLink(opinion, /^\/opinion(\?kind=|\/kind\/)[a-z-]+$/, "Opinion links to a kind's page"), status: 200 },
    { name: "writer", path: firstLink(article, /^\/authors\/[a-z0-9-]+$/, "the story links to its writer"), status: 200 },
    { name: "topic", path: firstLink(article, /^\/tags\/[a-z0-9-]+$/, "the story links to its topic"), status: 200 },
    { name: "search", path: `/search?q=${word}`, status: 200 },
    { name: "corrections", path: "/corrections", status: 200 },
    { name: "404", path: `/no-such-page-${run}`, status: 404 },
    { name: "410", path: withdrawn.path, status: 410 },
  ];
});

test("every kind of reader's page answers as it should and has no error by the W3C Nu HTML checker", async ({ request }) => {
  const documents = [];
  for (const { name, path, status } of readerPages) {
    const response = await request.get(path);
    expect.soft(response.status(), `${name} (${path})`).toBe(status);
    documents.push({ name: `${name} (${path})`, html: await response.text() });
  }
  const errors = await nuErrors(documents);
  for (const [name, list] of Object.entries(errors)) console.log(`Nu checker: ${list.length} error(s) on ${name}`);
  expect(describeNuErrors(errors)).toEqual([]);
});

/** What in a page's response would run or fetch a client runtime, summed up in a few words each. */
function clientRuntimeIn(html: string, linkHeader: string): string[] {
  const found: string[] = [];
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].filter(([, attributes]) => attributeOf(attributes!, "type")?.toLowerCase() !== "application/ld+json");
  if (scripts.length) found.push(`${scripts.length} <script> other than JSON-LD (first: ${scripts[0]![0].slice(0, 80)})`);
  const framework = html.split("/_next/static").length - 1;
  if (framework) found.push(`${framework} references to /_next/static`);
  if (html.includes("self.__next_f")) found.push("inline RSC data (self.__next_f)");
  const fetchesAhead = [...html.matchAll(/<link\b([^>]*)>/gi)].filter(([, attributes]) => {
    const rel = (attributeOf(attributes!, "rel") ?? "").toLowerCase().split(/\s+/);
    return rel.includes("prefetch") || rel.includes("modulepreload") || (rel.includes("preload") && attributeOf(attributes!, "as")?.toLowerCase() === "script");
  });
  if (fetchesAhead.length) found.push(`${fetchesAhead.length} <link> prefetching or preloading scripts (first: ${fetchesAhead[0]![0].slice(0, 80)})`);
  if (/rel="?(prefetch|modulepreload)|as=script/i.test(linkHeader)) found.push(`Link header: ${linkHeader.slice(0, 80)}`);
  return found;
}

test("no reader's page ships a client runtime: no script but JSON-LD, no framework files, no RSC data or prefetch", async ({ request }) => {
  const findings: string[] = [];
  for (const { name, path } of readerPages) {
    const response = await request.get(path);
    const found = clientRuntimeIn(await response.text(), response.headers()["link"] ?? "");
    if (found.length) findings.push(`${name} (${path}): ${found.join("; ")}`);
  }
  expect(findings).toEqual([]);
});

/**
 * A first visit to `path`: the bytes it transfers as Lighthouse counts them, and the scripts and RSC
 * payloads (a client router's data, fetched with an `RSC` header or an `_rsc` parameter) it fetched.
 */
async function firstVisit(browser: Browser, path: string) {
  const context = await browser.newContext(lighthousePhone);
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  const requests = new Map<string, { url: string; type?: string; rsc: boolean }>();
  let bytes = 0;
  devtools.on("Network.requestWillBeSent", (event) => {
    const rsc = new URL(event.request.url).searchParams.has("_rsc") || Object.keys(event.request.headers).some((name) => name.toLowerCase() === "rsc");
    requests.set(event.requestId, { url: event.request.url, type: event.type, rsc });
  });
  devtools.on("Network.loadingFinished", (event) => (bytes += event.encodedDataLength));
  await devtools.send("Network.enable");
  // Until the network is quiet, as Lighthouse waits: a client router prefetches after the load event.
  const response = await page.goto(path, { waitUntil: "networkidle" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await context.close();
  const fetched = [...requests.values()];
  return {
    status: response?.status(),
    bytes,
    responses: fetched.length,
    scripts: fetched.filter((request) => request.type === "Script").map((request) => new URL(request.url).pathname),
    rsc: fetched.filter((request) => request.rsc).map((request) => new URL(request.url).pathname),
  };
}

test("a first visit fetches no script or RSC data, and an article transfers under 60 KiB without images, 120 KiB with its featured image", async ({ browser }) => {
  const figures = new Map<string, number>();
  const fetchedRuntime: string[] = [];
  for (const { name, path, status } of readerPages) {
    const visit = await firstVisit(browser, path);
    expect.soft(visit.status, `${name} (${path})`).toBe(status);
    figures.set(path, visit.bytes);
    console.log(`First visit: ${(visit.bytes / KiB).toFixed(1)} KiB transferred in ${visit.responses} requests, ${visit.scripts.length} scripts, ${visit.rsc.length} RSC fetches: ${name} (${path})`);
    if (visit.scripts.length || visit.rsc.length) fetchedRuntime.push(`${name} (${path}): ${visit.scripts.length} scripts, ${visit.rsc.length} RSC fetches (${[...visit.rsc, ...visit.scripts].slice(0, 3).join(", ")}…)`);
  }
  expect.soft(fetchedRuntime, "scripts and RSC payloads fetched on a first visit").toEqual([]);
  expect.soft(figures.get(withoutImage.path), "article without an image").toBeLessThan(60 * KiB);
  expect.soft(figures.get(withImage.path), "article with a featured image").toBeLessThan(120 * KiB);
});

test("every reader's page links an SVG icon, and /favicon.ico is an icon", async ({ request }) => {
  const favicon = await request.get("/favicon.ico");
  expect.soft(favicon.status(), "/favicon.ico").toBe(200);
  expect.soft(favicon.headers()["content-type"] ?? "", "/favicon.ico").toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)\b/);

  const missing: string[] = [];
  const icons = new Set<string>();
  for (const { name, path } of readerPages) {
    const html = await (await request.get(path)).text();
    const icon = [...html.matchAll(/<link\b([^>]*)>/gi)]
      .map(([, attributes]) => attributes!)
      .find((attributes) => attributeOf(attributes, "rel")?.toLowerCase().split(/\s+/).includes("icon") && attributeOf(attributes, "type") === "image/svg+xml");
    if (icon) icons.add(attributeOf(icon, "href") ?? "");
    else missing.push(`${name} (${path})`);
  }
  expect.soft(missing, "pages without <link rel=icon type=image/svg+xml>").toEqual([]);
  for (const href of icons) {
    const svg = await request.get(href);
    expect.soft(svg.status(), href).toBe(200);
    expect.soft(svg.headers()["content-type"] ?? "", href).toMatch(/^image\/svg\+xml\b/);
  }
});

test("without JavaScript, a reader searches with the plain form and turns pages with plain links", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();

  // Search: the form on the search page is sent as a GET, and its results page.
  await page.goto("/");
  await page.getByRole("link", { name: "Search", exact: true }).first().click();
  await expect(page).toHaveURL(/\/search$/);
  await page.getByRole("search").getByRole("searchbox").fill(word);
  await page.getByRole("search").getByRole("button").click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
  await expect(page.getByRole("link", { name: withImage.headline })).toBeVisible();
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}&page=2$`));
  // Results come by relevance: any of this journey's stories may be on page 2.
  const result = page.getByRole("link", { name: new RegExp(`^Skerry survey note \\d+ ${run}$`) }).first();
  const headline = await result.innerText();
  await result.click();
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();

  // A section's pages: older, then back to newer.
  await page.goto("/city");
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/\/city(\?page=2|\/page\/2)$/);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Page 2 of");
  await page.getByRole("link", { name: "← Newer" }).click();
  await expect(page).toHaveURL(/\/city$/);
  // The first page again (not a story of this journey's: journeys running alongside publish to the
  // City too, and can push it to page 2 meanwhile).
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Page 1 of");
  await expect(page.getByRole("link", { name: "← Newer" })).toHaveCount(0);
  await context.close();
});

test("an article's layout does not shift as it loads (CLS 0)", async ({ browser }) => {
  for (const path of [withoutImage.path, withImage.path]) {
    const context = await browser.newContext(lighthousePhone);
    const page = await context.newPage();
    await page.goto(path, { waitUntil: "networkidle" });
    const shift = await page.evaluate(async () => {
      await document.fonts.ready;
      let total = 0;
      const add = (entries: PerformanceEntryList) => {
        for (const entry of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) total += entry.value;
      };
      const observer = new PerformanceObserver((list) => add(list.getEntries()));
      observer.observe({ type: "layout-shift", buffered: true });
      // The buffered entries arrive in the observer's next callback; two frames later they are in.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      add(observer.takeRecords());
      observer.disconnect();
      return total;
    });
    console.log(`Cumulative layout shift: ${shift} on ${path}`);
    expect.soft(shift, path).toBe(0);
    await context.close();
  }
});
