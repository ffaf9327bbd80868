import { expect, test, type Page } from "@playwright/test";
import { pageAs, uniqueHeadline } from "./support";
import { addOldAddressDirectly, parseXml, transition, writeDraftDirectly } from "./newsroom-data";

/** What a reader gets on each public surface right now, feeds and sitemaps parsed as XML. */
async function everywhere(reader: Page, { headline, path, word }: { headline: string; path: string; word: string }) {
  if (!reader.url().startsWith("http")) await reader.goto("/robots.txt"); // a document to parse XML in
  const [home, city, search, page, feed, sitemap, newsSitemap] = await Promise.all([
    reader.request.get("/").then((response) => response.text()),
    reader.request.get("/city").then((response) => response.text()),
    reader.request.get(`/search?q=${word}`).then((response) => response.text()),
    reader.request.get(path).then((response) => response.status()),
    parseXml(reader, "/feed.xml"),
    parseXml(reader, "/sitemap.xml"),
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

test("publishing shows a story on the cached front page, section, feed and sitemaps at once, and withdrawing takes it off", async ({ browser }, testInfo) => {
  const editor = await pageAs(browser, "editor");
  const reader = await browser.newPage();
  // The search word stands alone in the text: with a plural "s" added, a word that already ends in
  // "s" would stem to something else than what the reader types.
  const word = `pelican${Date.now().toString(36)}`;
  const headline = uniqueHeadline("Pelicans nest on the breakwater");
  const { id, slug } = writeDraftDirectly({ headline, body: `A colony of pelicans, tagged ${word}, has settled on the breakwater.` });
  const path = `/city/${slug}`;

  // The pages come from Next's cache (a page rendered per request carries no x-nextjs-cache; other
  // journeys publishing at the same time make HIT or MISS a matter of timing), and the story is on
  // none of them.
  for (const cached of ["/", "/city", "/feed.xml", "/sitemap.xml"]) {
    expect((await reader.request.get(cached)).headers()["x-nextjs-cache"], cached).toMatch(/^(HIT|MISS|STALE)$/);
  }
  expect(await everywhere(reader, { headline, path, word })).toEqual(nowhere);

  const started = Date.now();
  await transition(editor, id, { action: "publish" });
  // The first request after the editor's Publish already has it, on every surface.
  expect(await everywhere(reader, { headline, path, word })).toEqual(everywhereLive);
  const visibleAfter = Date.now() - started;
  testInfo.annotations.push({ type: "publish to visible everywhere", description: `${visibleAfter} ms` });
  expect(visibleAfter).toBeLessThan(3_000);

  await transition(editor, id, { action: "unpublish" });
  expect(await everywhere(reader, { headline, path, word })).toEqual({ ...nowhere, page: 410 });
});

test("a scheduled story is nowhere before its time, and everywhere once the server publishes it on its own", async ({ browser }) => {
  test.setTimeout(90_000);
  const editor = await pageAs(browser, "editor");
  const reader = await browser.newPage();
  const word = `heron${Date.now().toString(36)}`;
  const headline = uniqueHeadline("Herons return to the salt marsh");
  const { id, slug } = writeDraftDirectly({ headline, body: `The herons of colony ${word} came back in the night.` });
  const path = `/city/${slug}`;
  const goLive = new Date(Date.now() + 12_000);
  await transition(editor, id, { action: "schedule", scheduledFor: goLive.toISOString() });

  // Readers look everywhere before its time (and their visits are cached, a 404 included).
  expect(await everywhere(reader, { headline, path, word })).toEqual(nowhere);
  expect(await everywhere(reader, { headline, path, word })).toEqual(nowhere);
  expect(Date.now()).toBeLessThan(goLive.getTime());

  // Nobody touches anything: the server's scheduler publishes it, outside any request, and the
  // cached pages follow.
  await expect.poll(async () => (await reader.request.get(path)).status(), { timeout: 30_000, intervals: [250] }).toBe(200);
  await expect.poll(() => everywhere(reader, { headline, path, word }), { timeout: 3_000, intervals: [100] }).toEqual(everywhereLive);
});

test("an article's old address sends readers to its current one for good (308)", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const headline = uniqueHeadline("Quayside market moves indoors");
  const { id, slug } = writeDraftDirectly({ headline });
  await transition(editor, id, { action: "publish" });
  const oldPath = `/business/${slug}-old-address`;
  addOldAddressDirectly(id, oldPath);

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
