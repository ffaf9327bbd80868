import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { pageAs, uniqueHeadline } from "./support";
import { parseSitemaps, parseXml, runSchedulerAsOf, saveThroughApi, transition } from "./newsroom-data";

/** What a reader gets on each public surface right now, feeds and sitemaps parsed as XML. */
async function everywhere(reader: Page, { headline, path, word }: { headline: string; path: string; word: string }) {
  if (!reader.url().startsWith("http")) await reader.goto("/robots.txt"); // a document to parse XML in
  const [home, city, search, page, feed, sitemap, newsSitemap] = await Promise.all([
    reader.request.get("/").then((response) => response.text()),
    reader.request.get("/city").then((response) => response.text()),
    reader.request.get(`/search?q=${word}`).then((response) => response.text()),
    reader.request.get(path).then((response) => response.status()),
    parseXml(reader, "/feed.xml"),
    parseSitemaps(reader),
    parseXml(reader, "/news-sitemap.xml"),
  ]);
  for (const xml of [feed, sitemap, newsSitemap]) expect(xml.error).toBeNull();
  const url = (locs: string[]) => locs.some((loc) => new URL(loc).pathname === path);
  return {
    home: home.includes(headline),
    section: city.includes(headline),
    search: search.includes(headline),
    page,
    feed: feed.titles.includes(headline),
    sitemap: url(sitemap.locs),
    newsSitemap: url(newsSitemap.locs),
  };
}

const nowhere = { home: false, section: false, search: false, page: 404, feed: false, sitemap: false, newsSitemap: false };
const everywhereLive = { home: true, section: true, search: true, page: 200, feed: true, sitemap: true, newsSitemap: true };

// How fast "at once" is (publish to visible, on every surface) is measured by `npm run bench`, on a
// quiet machine; here it is enough that the first request after the change already has it.
test("publishing shows a story on the cached front page, section, feed and sitemaps at once, and withdrawing takes it off", async ({ browser, desk }) => {
  const editor = await pageAs(browser, "editor");
  const reader = await browser.newPage();
  // The search word stands alone in the text: with a plural "s" added, a word that already ends in
  // "s" would stem to something else than what the reader types.
  const word = `pelican${Date.now().toString(36)}`;
  const headline = uniqueHeadline("Pelicans nest on the breakwater");
  const { id, slug } = await desk.run("writeDraft", { headline, body: `A colony of pelicans, tagged ${word}, has settled on the breakwater.` });
  const path = `/city/${slug}`;

  // Reader pages, feeds and the sitemaps come from the page store (stored bytes with an ETag; asked
  // again with it, 304; other journeys publishing at the same time may have changed them), and the
  // story is on none of them.
  for (const stored of ["/", "/city", "/feed.xml", "/sitemap.xml", "/news-sitemap.xml"]) {
    const etag = (await reader.request.get(stored)).headers()["etag"];
    expect(etag, stored).toMatch(/^"[\w-]+"$/);
    expect([304, 200], stored).toContain((await reader.request.get(stored, { headers: { "If-None-Match": etag! } })).status());
  }
  expect(await everywhere(reader, { headline, path, word })).toEqual(nowhere);

  await transition(editor, id, { action: "publish" });
  // The first request after the editor's Publish already has it, on every surface.
  expect(await everywhere(reader, { headline, path, word })).toEqual(everywhereLive);

  await transition(editor, id, { action: "unpublish" });
  expect(await everywhere(reader, { headline, path, word })).toEqual({ ...nowhere, page: 410 });
});

test("a scheduled story is nowhere before its time, and everywhere once the scheduler publishes it", async ({ browser, desk }) => {
  const editor = await pageAs(browser, "editor");
  const reader = await browser.newPage();
  const word = `heron${Date.now().toString(36)}`;
  const headline = uniqueHeadline("Herons return to the salt marsh");
  const { id, slug } = await desk.run("writeDraft", { headline, body: `The herons of colony ${word} came back in the night.` });
  const path = `/city/${slug}`;
  // An hour ahead: the server's own scheduler will not reach it while this journey runs.
  const goLive = new Date(Date.now() + 60 * 60_000);
  await transition(editor, id, { action: "schedule", scheduledFor: goLive.toISOString() });

  // Readers look everywhere before its time (and their visits are cached, a 404 included).
  expect(await everywhere(reader, { headline, path, word })).toEqual(nowhere);
  expect(await runSchedulerAsOf(reader, new Date(goLive.getTime() - 1_000), [id])).toEqual([]);
  expect(await everywhere(reader, { headline, path, word })).toEqual(nowhere);

  // The scheduler publishes it at its time, with nobody at the desk, and the cached pages follow.
  expect(await runSchedulerAsOf(reader, goLive, [id])).toEqual([{ id, late: false }]);
  expect(await everywhere(reader, { headline, path, word })).toEqual(everywhereLive);
});

test("an article's old address sends readers to its current one for good (308)", async ({ browser, desk }) => {
  const editor = await pageAs(browser, "editor");
  const headline = uniqueHeadline("Quayside market moves indoors");
  const draft = await desk.run("writeDraft", { headline });
  await transition(editor, draft.id, { action: "publish" });
  // The editor gives the live story a new address; the desk keeps the old one.
  const { id } = draft;
  const oldPath = `/city/${draft.slug}`;
  const { slug } = await saveThroughApi(editor, id, { slug: `${draft.slug}-indoors` }, draft.version);
  expect(slug).toBe(`${draft.slug}-indoors`);

  const reader = await browser.newPage();
  const answer = await reader.request.get(`${oldPath}?ref=share`, { maxRedirects: 0 });
  expect(answer.status()).toBe(308);
  const location = new URL(answer.headers()["location"]!, "http://any.example");
  expect(location.pathname + location.search).toBe(`/city/${slug}?ref=share`);
  await reader.goto(oldPath);
  await expect(reader).toHaveURL(new RegExp(`/city/${slug}$`));
  await expect(reader.getByRole("heading", { level: 1, name: headline })).toBeVisible();

  // Once the story is withdrawn, its old address is Gone too.
  await transition(editor, id, { action: "unpublish" });
  expect((await reader.request.get(oldPath, { maxRedirects: 0 })).status()).toBe(410);
});
