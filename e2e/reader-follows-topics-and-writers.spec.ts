import { expect, test } from "./fixtures";
import { pngOf, uploaded } from "./media-support";
import { newcomer, pageAs, seriousViolations } from "./support";
import { parseSitemaps, parseXml, transition } from "./newsroom-data";

const reporterName = "Rina Qureshi"; // the demo reporter (lib/demo.ts)

// One topic with 21 stories (two pages), written once for the journeys below.
const run = Date.now().toString(36);
const topic = { slug: `lighthouses-${run}`, name: `Lighthouses ${run}` };
const word = `fresnel${run}`;
let stories: { id: string; slug: string; headline: string }[] = [];
let feature: { id: string; slug: string; headline: string };

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser, desk }) => {
  test.setTimeout(120_000);
  const editor = await pageAs(browser, "editor");
  const drafts = [];
  for (let n = 0; n < 21; n++) {
    const headline = n === 0 ? `The ${word} lens goes back in the tower ${run}` : `Lighthouse story number ${n} ${run}`;
    const draft = await desk.run("writeDraft", {
      headline,
      standfirst: n === 1 ? `Why the ${word} lens matters.` : "",
      body: n >= 2 ? `Keepers polished the ${word} lens again (${n}).` : "The keepers were pleased.",
      tags: [topic.name],
    });
    drafts.push({ ...draft, headline });
  }
  // Published oldest first, so the newest is the last.
  for (const draft of drafts) await transition(editor, draft.id, { action: "publish" });
  stories = drafts;

  // A guest writer with a page of their own, who never signs in: added by the admin, deactivated
  // once the piece is in.
  const writer = { ...newcomer("Ines", "Okafor"), name: `Ines Okafor ${run}`, email: `ines-${run}@paper.example` };
  const { id: writerId } = await desk.run("addPerson", { ...writer, role: "reporter" });
  const image = await uploaded(editor, { name: "north-light.png", mimeType: "image/png", buffer: await pngOf(1600, 900) }, "A lighthouse at dusk");
  const headline = `Keepers and their towers ${run}`;
  const draft = await desk.run("writeDraft", {
    headline,
    kind: "op-ed",
    section: "opinion",
    byline: [writer.email, "reporter@example.com"],
    tags: [topic.name, `Coast ${run}`],
    featuredImage: { id: image.id, alt: "A lighthouse at dusk", caption: "The north light, lit again.", credit: "Photo: Tom Lee" },
    seoTitle: `Why lighthouses still matter ${run}`,
    seoDescription: "A keeper's case for the towers.",
    writerBio: "The writer kept the north light for twenty years.",
  });
  await transition(editor, draft.id, { action: "publish" });
  await desk.run("deactivatePerson", { userId: writerId });
  feature = { ...draft, headline };
});

test("a topic's page lists its stories newest first, twenty to a page, with stable addresses", async ({ page }) => {
  const response = await page.goto(`/tags/${topic.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: topic.name })).toBeVisible();
  const first = page.locator(".card-headline");
  await expect(first).toHaveCount(20);
  await expect(first.first()).toHaveText(feature.headline);

  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/${topic.slug}\\?page=2$`));
  await expect(page.locator(".card-headline")).toHaveCount(2);
  await expect(page.locator(".card-headline").last()).toHaveText(stories[0]!.headline);
  expect((await page.goto(`/tags/${topic.slug}?page=2`))?.status()).toBe(200);

  expect((await page.goto(`/tags/${topic.slug}?page=3`))?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Search the paper" })).toBeVisible();
  expect((await page.goto(`/tags/no-such-topic-${run}`))?.status()).toBe(404);
  expect(await seriousViolations(page), "404").toEqual([]);
});

test("a topic's page has no serious accessibility violations", async ({ page }) => {
  await page.goto(`/tags/${topic.slug}`);
  expect(await seriousViolations(page)).toEqual([]);
});

test("search ranks a headline match first, then a standfirst match, and pages the rest", async ({ page }) => {
  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole("status")).toHaveText(`21 results for “${word}”.`);
  const headlines = page.locator(".card-headline");
  await expect(headlines).toHaveCount(20);
  await expect(headlines.nth(0)).toHaveText(stories[0]!.headline);
  await expect(headlines.nth(1)).toHaveText(stories[1]!.headline);

  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}&page=2$`));
  await expect(page.locator(".card-headline")).toHaveCount(1);
  expect((await page.goto(`/search?q=${word}&page=3`))?.status()).toBe(404);

  // Typed operators are words, not syntax: nothing matches "fresnel… OR anything".
  await page.goto(`/search?q=${encodeURIComponent(`${word} OR harbour`)}`);
  await expect(page.getByRole("status")).toHaveText(/^Nothing found/);
});

test("an article shows its writers, topics, featured image and the writer's line, and tells search engines and social cards", async ({ page }) => {
  await page.goto(`/tags/${topic.slug}`);
  await page.getByRole("link", { name: feature.headline }).click();
  await expect(page).toHaveURL(new RegExp(`/opinion/${feature.slug}$`));
  await expect(page).toHaveTitle(new RegExp(`^Why lighthouses still matter ${run} \\| `));

  const article = page.locator("article");
  await expect(article.locator(".byline")).toHaveText(`By Ines Okafor ${run} and ${reporterName}`);
  await expect(article.locator(".byline a").first()).toHaveAttribute("href", `/authors/ines-okafor-${run}`);
  const figure = article.locator("figure.featured-image");
  await expect(figure.locator("img")).toHaveAttribute("alt", "A lighthouse at dusk");
  await expect(figure.locator("img")).toHaveAttribute("width", "1600");
  await expect(figure.locator("img")).toHaveAttribute("height", "900");
  await expect(figure.locator("img")).toHaveAttribute("srcset", /480\.webp 480w, .*960\.webp 960w/);
  await expect(figure.locator("figcaption")).toHaveText("The north light, lit again. Photo: Tom Lee");
  await expect(article.locator(".writer-bio")).toHaveText("The writer kept the north light for twenty years.");
  const topics = page.getByRole("navigation", { name: "Topics" });
  await expect(topics.getByRole("link")).toHaveText([`Coast ${run}`, topic.name]);

  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", "A keeper's case for the towers.");
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", `Why lighthouses still matter ${run}`);
  // Social cards get the largest copy the library made of the 1,600-pixel upload.
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /^http:\/\/localhost:\d+\/media\/.+\/1600\.webp$/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(data.image[0]).toMatchObject({ "@type": "ImageObject", width: 1600, height: 900, caption: "The north light, lit again." });
  expect(data.author.map((author: { name: string }) => author.name)).toEqual([`Ines Okafor ${run}`, reporterName]);
  expect(data.keywords).toEqual(expect.arrayContaining([topic.name]));

  // Related stories share its topic, from any section.
  const related = page.getByRole("region", { name: "Related stories" });
  await expect(related.locator(".card")).toHaveCount(4);
  await expect(related.getByRole("link", { name: stories[20]!.headline })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await topics.getByRole("link", { name: `Coast ${run}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/coast-${run}$`));
  await expect(page.locator(".card-headline")).toHaveText([feature.headline]);
});

test("a writer's page lists what they signed, shared bylines included", async ({ page }) => {
  await page.goto(`/opinion/${feature.slug}`);
  await page.locator("article .byline").getByRole("link", { name: `Ines Okafor ${run}` }).click();
  await expect(page).toHaveURL(new RegExp(`/authors/ines-okafor-${run}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Ines Okafor ${run}` })).toBeVisible();
  await expect(page.getByRole("link", { name: feature.headline })).toBeVisible();

  // The co-writer's page has it too.
  await page.goto(`/opinion/${feature.slug}`);
  await page.locator("article .byline").getByRole("link", { name: reporterName }).click();
  await expect(page.getByRole("link", { name: feature.headline })).toBeVisible();
});

test("the sitemap lists topic and writer pages, and a topic has its own feed, parsed as XML", async ({ page }) => {
  await page.goto("/robots.txt");
  const feed = await parseXml(page, `/tags/${topic.slug}/feed.xml`);
  expect(feed.error).toBeNull();
  expect(feed.titles).toHaveLength(20);
  expect(feed.titles[0]).toBe(feature.headline);
  expect((await page.request.get(`/tags/no-such-topic-${run}/feed.xml`)).status()).toBe(404);

  const sitemap = await parseSitemaps(page);
  expect(sitemap.error).toBeNull();
  expect(sitemap.root).toBe("sitemapindex");
  expect(sitemap.partRoots).toEqual(["urlset"]);
  expect(sitemap.parts).toEqual(expect.arrayContaining(["/sitemaps/pages.xml", `/sitemaps/${new Date().toISOString().slice(0, 7)}.xml`]));
  const paths = sitemap.locs.map((loc) => new URL(loc).pathname);
  expect(paths).toEqual(expect.arrayContaining([`/tags/${topic.slug}`, `/tags/coast-${run}`, `/authors/ines-okafor-${run}`, `/opinion/${feature.slug}`]));
});
