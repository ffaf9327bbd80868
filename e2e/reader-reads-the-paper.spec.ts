import { expect, test } from "./fixtures";
import { saveThroughApi, transition } from "./newsroom-data";
import { pageAs, uniqueHeadline } from "./support";

test("the front page has a lead story, latest stories and an Opinion rail: editorials first, each with its stamp and excerpt", async ({
  page,
  browser,
  desk,
}) => {
  // An editorial of this test's own, published and then updated significantly: the rail shows the
  // newest opinion, and the journeys running alongside publish theirs, so the demo's may have left it.
  const editor = await pageAs(browser, "editor");
  const headline = uniqueHeadline("The harbour deserves a night ferry");
  const excerpt = "The last boat leaves at eight, and the night shift at the docks walks home.";
  const draft = await desk.run("writeDraft", { headline, kind: "editorial", body: excerpt });
  await transition(editor, draft.id, { action: "publish" });
  await saveThroughApi(editor, draft.id, { body: `${excerpt}\n\nThe council has since agreed to a trial.` }, draft.version);
  await transition(editor, draft.id, { action: "republish", significantUpdate: true });

  await page.goto("/");
  await expect(page).toHaveTitle("The Harbour Gazette");
  await expect(page.getByRole("region", { name: "Lead story" }).getByRole("link")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Latest" })).toBeVisible();
  const rail = page.getByRole("complementary");
  await expect(rail.getByRole("heading", { name: "Opinion" })).toBeVisible();
  // Editorials come first, under their own heading; every piece has its date stamp and an excerpt.
  await expect(rail.getByRole("heading", { level: 3 }).first()).toHaveText("Editorial");
  const ours = rail.getByRole("region", { name: "Editorial" }).locator(".card", { has: page.getByRole("link", { name: headline }) });
  await expect(ours.locator(".stamp")).toHaveText(/^Updated \d{1,2} [A-Z][a-z]{2}, \d{4}$/);
  await expect(ours.locator(".excerpt")).toContainText("The last boat leaves at eight");
  const cards = rail.locator(".card");
  for (const card of await cards.all()) {
    await expect(card.locator(".stamp time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    await expect(card.locator(".excerpt")).not.toBeEmpty();
  }
});

test("Opinion lists editorials newest first, each with a stamp and a word-boundary excerpt", async ({ page }) => {
  await page.goto("/opinion");
  await expect(page.getByRole("heading", { level: 1, name: "Opinion" })).toBeVisible();
  const cards = page.locator(".card");
  const editorials = cards.filter({ has: page.locator(".kicker", { hasText: /^Editorial$/ }) });
  expect(await editorials.count()).toBeGreaterThanOrEqual(6);
  await expect(cards.locator(".stamp", { hasText: /^Updated \d{1,2} [A-Z][a-z]{2}, \d{4}$/ }).first()).toBeVisible();
  await expect(cards.locator(".stamp", { hasText: /^\d{1,2} [A-Z][a-z]{2}, \d{4}$/ }).first()).toBeVisible();

  const listed = await cards.evaluateAll((nodes) =>
    nodes.map((node) => ({
      path: node.querySelector("a")?.getAttribute("href") ?? "",
      kind: node.querySelector(".kicker")?.textContent ?? "",
      stamp: node.querySelector(".stamp time")?.getAttribute("datetime") ?? "",
      excerpt: node.querySelector(".excerpt")?.textContent ?? "",
    })),
  );

  // Each piece as its own page shows it: its dates, and the text its excerpt is cut from.
  const pieces = [];
  for (const card of listed) {
    expect((await page.goto(card.path))?.status(), card.path).toBe(200);
    const article = page.locator("article");
    const updated = article.locator(".meta .updated time");
    pieces.push({
      ...card,
      publishedAt: (await article.locator(".meta .published time").getAttribute("datetime")) ?? "",
      updatedAt: (await updated.count()) > 0 ? await updated.getAttribute("datetime") : null,
      text: await article.evaluate((node) => {
        const source = node.querySelector(".standfirst") ?? node.querySelector(".body > div");
        return ((source as HTMLElement | null)?.innerText ?? "").replace(/\s+/g, " ").trim();
      }),
    });
  }

  // Newest first by first publication; the card's stamp shows the update where there is one.
  for (const [index, piece] of pieces.entries()) {
    expect(piece.stamp, piece.path).toBe(piece.updatedAt ?? piece.publishedAt);
    if (index > 0) expect(Date.parse(pieces[index - 1]!.publishedAt), piece.path).toBeGreaterThanOrEqual(Date.parse(piece.publishedAt));
  }
  // (Not one editorial a day: journeys running alongside publish editorials today as well. The
  // demo's own dates are tested in tests/demo-timeline.test.ts.)
  expect(pieces.filter((piece) => piece.kind === "Editorial").length).toBeGreaterThanOrEqual(6);

  // An excerpt is the piece's own opening words, cut after a whole word and ended with an ellipsis.
  const cut = pieces.filter((piece) => piece.excerpt.endsWith("…"));
  expect(cut.length).toBeGreaterThan(0);
  for (const piece of pieces) {
    if (!piece.excerpt.endsWith("…")) {
      expect(piece.text, piece.path).toBe(piece.excerpt);
      continue;
    }
    const kept = piece.excerpt.slice(0, -1);
    expect(kept, piece.path).toMatch(/[\p{L}\p{N}'’”)]$/u);
    expect(piece.text.startsWith(kept), `${piece.path}: "${kept}" opens "${piece.text.slice(0, 200)}"`).toBe(true);
    expect(piece.text.charAt(kept.length), `${piece.path}: what follows "${kept}"`).toMatch(/^[\s,;:.–—-]$/);
  }
});

test("an editorial carries no byline and is labelled Editorial; a column names its writer", async ({ page }) => {
  await page.goto("/opinion");
  await page.locator(".card", { has: page.locator(".kicker", { hasText: /^Editorial$/ }) }).first().getByRole("heading").getByRole("link").click();
  await expect(page.locator("article .kicker")).toHaveText("Editorial");
  await expect(page.locator("article .byline")).toHaveCount(0);
  // The paper's voice comes from no particular place: no dateline, and no lone colon.
  await expect(page.locator("article .dateline")).toHaveCount(0);
  await expect(page.locator("article .body")).not.toContainText(/^\s*:/);
  await expect(page.locator(".print-line")).toHaveText(/^Published in The Harbour Gazette, [A-Z][a-z]+ \d{1,2}(st|nd|rd|th), \d{4}$/);

  await page.goto("/opinion");
  await page.locator(".card", { has: page.locator(".kicker", { hasText: /^Column$/ }) }).first().getByRole("heading").getByRole("link").click();
  await expect(page.locator("article .kicker")).toHaveText("Column");
  await expect(page.locator("article .byline")).toHaveText("By Tomasz Werner");
});

test("the RSS feed is valid XML listing published articles, and health answers", async ({ page }) => {
  const feed = await page.request.get("/feed.xml");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  await page.goto("/");
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      version: doc.documentElement.getAttribute("version"),
      items: [...doc.querySelectorAll("channel > item")].map((item) => ({
        title: item.querySelector("title")?.textContent,
        link: item.querySelector("link")?.textContent,
        pubDate: item.querySelector("pubDate")?.textContent,
      })),
    };
  }, await feed.text());
  expect(parsed.error).toBeNull();
  expect(parsed.version).toBe("2.0");
  expect(parsed.items.length).toBeGreaterThanOrEqual(10);
  for (const item of parsed.items) {
    expect(item.title).toBeTruthy();
    expect(Number.isNaN(Date.parse(item.pubDate ?? ""))).toBe(false);
  }
  const first = new URL(parsed.items[0]!.link!);
  expect((await page.request.get(first.pathname)).status()).toBe(200);

  const health = await page.request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
});

test("an unknown page is a helpful 404", async ({ page }) => {
  const response = await page.goto("/city/no-such-story-here");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the front page" })).toBeVisible();
});

test("every kind of unknown page is a complete, helpful 404, even without JavaScript", async ({ browser }) => {
  // Without JavaScript, a reader sees only what the server sent: the masthead, the notice, the ways on.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const unknown = [
    "/city/no-such-story-here",
    "/no-such-section",
    "/city?page=999",
    "/city/page/999",
    "/opinion?page=999",
    "/opinion/kind/no-such-kind",
    "/tags/no-such-topic",
    "/authors/no-such-writer",
    "/search?q=harbour&page=99",
    "/no/such/page",
  ];
  for (const path of unknown) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.locator("html"), path).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Sections" }), path).toBeVisible();
    await expect(page.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the front page" }), path).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Search published articles" }), path).toBeVisible();
  }
  // The search box on the notice works without JavaScript too.
  await page.getByRole("searchbox", { name: "Search published articles" }).fill("harbour");
  await page.getByRole("searchbox", { name: "Search published articles" }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=harbour/);
  await expect(page.getByRole("heading", { name: "Search" })).toBeVisible();
  await context.close();
});
