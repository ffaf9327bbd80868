import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function parseXml(page: Page, xml: string) {
  await page.goto("/");
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: doc.documentElement.nodeName,
      items: [...doc.querySelectorAll("channel > item")].map((item) => item.querySelector("title")?.textContent ?? ""),
      urls: [...doc.getElementsByTagName("url")].map((url) => ({
        loc: url.getElementsByTagName("loc")[0]?.textContent ?? "",
        published: url.getElementsByTagName("news:publication_date")[0]?.textContent ?? "",
        title: url.getElementsByTagName("news:title")[0]?.textContent ?? "",
      })),
    };
  }, xml);
}

test("search finds published stories by a word in the body, headline matches first", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Search" }).click();
  await page.getByRole("searchbox").fill("dredging");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=dredging$/);
  await expect(page.getByRole("status")).toHaveText(/\d+ results? for “dredging”\./);
  const headlines = await page.locator(".card-headline").allTextContents();
  expect(headlines[0]).toMatch(/dredging/i);
  await page.getByRole("searchbox").fill("zzzz-no-such-word");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status")).toHaveText("Nothing found for “zzzz-no-such-word”.");
});

test("Opinion has groups with their own shareable addresses", async ({ page }) => {
  await page.goto("/opinion");
  await page.getByRole("navigation", { name: "Opinion groups" }).getByRole("link", { name: "Columns" }).click();
  await expect(page).toHaveURL(/\/opinion\?kind=column$/);
  // The URL changes as navigation starts; the group's cards arrive a moment later.
  await expect.poll(async () => [...new Set(await page.locator(".card .kicker").allTextContents())]).toEqual(["Column"]);
  await page.goto("/opinion?kind=editorial");
  expect(await page.locator(".card").count()).toBeGreaterThanOrEqual(6);
});

test("an article tells search engines its real dates in JSON-LD and its canonical address", async ({ page }) => {
  await page.goto("/opinion?kind=editorial");
  const updated = page.locator(".card", { has: page.locator(".stamp", { hasText: "Updated" }) }).first();
  await updated.getByRole("link").click();
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(data["@type"]).toBe("OpinionNewsArticle");
  expect(data.datePublished).toBe(await page.locator(".published time").getAttribute("datetime"));
  expect(data.dateModified).toBe(await page.locator(".updated time").getAttribute("datetime"));
  expect(data.author[0]["@type"]).toBe("NewsMediaOrganization");
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(new URL(canonical!).pathname).toBe(new URL(page.url()).pathname);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute("content", data.datePublished);
});

test("each section has its own RSS feed, and the news sitemap lists only the last two days", async ({ page }) => {
  const feed = await page.request.get("/sport/feed.xml");
  expect(feed.status()).toBe(200);
  const sport = await parseXml(page, await feed.text());
  expect(sport.error).toBeNull();
  expect(sport.items).toContain("Harbourton Rovers reach the cup semi-final for the first time in 22 years");
  expect(sport.items).not.toContain("Delta farmers warn of salt in wells as river runs low");

  const sitemap = await parseXml(page, await (await page.request.get("/news-sitemap.xml")).text());
  expect(sitemap.error).toBeNull();
  expect(sitemap.root).toBe("urlset");
  expect(sitemap.urls.length).toBeGreaterThan(0);
  for (const url of sitemap.urls) {
    expect(Date.now() - Date.parse(url.published)).toBeLessThan(2 * 24 * 60 * 60 * 1000 + 60_000);
    expect(url.title).not.toBe("");
  }
  expect(sitemap.urls.map((url) => url.title)).not.toContain("Count every vote, then count them again");

  const robots = await (await page.request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
  expect(robots).toMatch(/Sitemap: http:\/\/localhost:\d+\/news-sitemap\.xml/);
});

test("a section page is paginated with stable addresses, and a page past the end is a 404", async ({ page }) => {
  const response = await page.goto("/city");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "City" })).toBeVisible();
  expect((await page.goto("/city?page=999"))?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Search the paper" })).toBeVisible();
});

test("a byline leads to the writer's page: their bio and their signed pieces", async ({ page }) => {
  await page.goto("/opinion?kind=column");
  await page.locator(".card").first().getByRole("link", { name: "Tomasz Werner" }).click();
  await expect(page).toHaveURL(/\/authors\/tomasz-werner$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tomasz Werner" })).toBeVisible();
  await expect(page.locator(".author-bio")).toContainText("weekly column");
  await expect(page.getByRole("link", { name: "What a city owes the people who clean it" })).toBeVisible();

  // An editorial speaks for the paper: no byline, no author page.
  await page.goto("/opinion?kind=editorial");
  await page.locator(".card").first().getByRole("link").first().click();
  await expect(page.locator("article .byline")).toHaveCount(0);
  expect((await page.goto("/authors/no-such-writer"))?.status()).toBe(404);
});

test("an article ends with related stories: by shared topic, else from its section", async ({ page }) => {
  await page.goto("/city");
  await page.locator(".card").first().getByRole("link").first().click();
  // The demo's City stories carry topics, so their related stories come by topic first.
  const related = page.getByRole("region", { name: /^(Related stories|More from City)$/ });
  await expect(related).toBeVisible();
  const headline = await page.getByRole("heading", { level: 1 }).textContent();
  await expect(related.getByRole("link", { name: headline! })).toHaveCount(0);
  expect(await related.locator(".card").count()).toBeGreaterThan(0);
});
