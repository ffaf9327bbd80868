import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { captureServerAction, pageAs, savedVersion, slugOf, storyBody, submittedArticle, uniqueHeadline, writeArticle } from "./support";

const statusOf = async (page: Page, id: string) => {
  await page.goto(`/desk/articles/${id}`);
  return page.locator(".status-line .status").first().textContent();
};

test("a reporter's own publish request to the API is refused with 403 and changes nothing", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const headline = uniqueHeadline("Harbour wall survey results");
  const id = await submittedArticle(reporter, { headline, dateline: "HARBOURTON", body: storyBody("wall survey") });

  for (const action of ["publish", "approve", "unpublish", "spike"]) {
    const response = await reporter.request.post(`/api/articles/${id}/transitions`, { data: { action } });
    expect(response.status(), action).toBe(403);
    expect((await response.json()).code).toBe("forbidden");
  }
  expect(await statusOf(reporter, id)).toBe("In review");
  const reader = await browser.newPage();
  expect((await reader.goto(`/city/${slugOf(headline)}`))?.status()).toBe(404);

  // The same endpoint works for an editor: the refusal above was the policy, not a broken route.
  const editor = await pageAs(browser, "editor");
  const published = await editor.request.post(`/api/articles/${id}/transitions`, { data: { action: "publish" } });
  expect(published.status()).toBe(200);
  expect((await reader.goto(`/city/${slugOf(headline)}`))?.status()).toBe(200);
});

test("a reporter replaying an editor's captured Publish request is refused", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const headline = uniqueHeadline("Fishing fleet returns early");
  const id = await submittedArticle(reporter, { headline, dateline: "HARBOURTON", body: storyBody("fleet") });

  // Capture the editor's real Publish request without letting it reach the server.
  const editor = await pageAs(browser, "editor", `/desk/articles/${id}/preview`);
  const replay = await captureServerAction(editor, async () => {
    await editor.getByRole("button", { name: "Publish" }).click();
  });

  const refused = await replay(reporter);
  // Refused by the permission the action declares, before the article is read.
  expect(await refused.text()).toContain("You may not publish, schedule or withdraw articles.");
  expect(await statusOf(reporter, id)).toBe("In review");
  const reader = await browser.newPage();
  expect((await reader.goto(`/city/${slugOf(headline)}`))?.status()).toBe(404);

  // The captured request was a real publish: replayed by the editor, it publishes.
  const editorAgain = await pageAs(browser, "editor");
  await replay(editorAgain);
  expect((await reader.goto(`/city/${slugOf(headline)}`))?.status()).toBe(200);
});

test("a reporter's crafted save cannot sign another writer's name or move a story that has been published", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const headline = uniqueHeadline("Lock gates reopen");
  const id = await writeArticle(reporter, { headline, dateline: "HARBOURTON", body: storyBody("lock gates") });
  const byline = reporter.getByRole("group", { name: "Byline" });
  // The reporter's form offers no one else's name: who else signs is the editor's call.
  await expect(byline).toContainText("you may add or remove your own name");
  await expect(byline.getByLabel("Add an author")).toHaveCount(0);
  const editor = await pageAs(browser, "editor", `/desk/articles/${id}`);
  const contributor = await editor
    .getByRole("group", { name: "Byline" })
    .getByLabel("Add an author")
    .locator("option", { hasText: "Dr Leila Haddad" })
    .getAttribute("value");
  const save = (page: Page, data: Record<string, unknown>) => page.request.put(`/api/articles/${id}`, { data });

  // Another writer's name in the byline is refused beside the field; the rest of the save is kept.
  const signed = await save(reporter, { headline: `${headline}, updated`, bylineIds: [contributor], baseVersion: await savedVersion(reporter, id) });
  expect(signed.status()).toBe(200);
  const result = await signed.json();
  expect(result.fieldErrors.bylineIds).toEqual(["Only an editor can change who else signs this story."]);
  await reporter.reload();
  await expect(reporter.getByLabel("Headline")).toHaveValue(`${headline}, updated`);
  await expect(byline.getByRole("list", { name: "Authors" }).getByRole("listitem")).toHaveText([/Rina Qureshi/]);

  // Published, withdrawn and back in the reporter's hands as a draft: its address is still the editor's.
  for (const action of ["publish", "unpublish", "restore"]) {
    expect((await editor.request.post(`/api/articles/${id}/transitions`, { data: { action } })).status(), action).toBe(200);
  }
  const moved = await save(reporter, { slug: "lock-gates-moved", baseVersion: result.version });
  expect((await moved.json()).fieldErrors.slug).toEqual(["This story has been published: only an editor can change its address."]);
  await reporter.reload();
  await expect(reporter.getByLabel("Address (slug)")).toHaveValue(result.slug);
  // And the form says so instead of offering a change it would refuse.
  await expect(reporter.getByLabel("Address (slug)")).toHaveJSProperty("readOnly", true);
  await expect(reporter.getByLabel("Section", { exact: true })).toBeDisabled();
});

test("the desk sends anonymous visitors to sign in, and no draft leaks to pages, feeds, sitemaps or search", async ({
  browser,
  page,
}) => {
  for (const path of ["/desk", "/desk/articles/new", "/desk/articles/anything/preview"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login/);
  }

  const reporter = await pageAs(browser, "reporter");
  const headline = uniqueHeadline("Embargoed budget figures");
  // The headline's last word is random: no other story has it, so a search for it finds this one or nothing.
  const word = headline.split(" ").at(-1)!;
  // A topic readers already follow, and one that only this draft carries.
  const ownTopic = `Budget ${word}`;
  const id = await submittedArticle(reporter, {
    headline,
    dateline: "HARBOURTON",
    body: storyBody("budget"),
    tags: ["Harbour", ownTopic],
  });

  expect((await page.goto(`/city/${slugOf(headline)}`))?.status()).toBe(404);
  expect((await page.goto(`/national/${slugOf(headline)}`))?.status()).toBe(404);
  // Where the story would be once published: its section's and its topic's feeds, the news sitemap.
  const feeds = ["/city/feed.xml", "/tags/harbour/feed.xml", "/news-sitemap.xml"];
  for (const path of ["/", "/city", "/opinion", "/feed.xml", "/sitemap.xml", ...feeds, `/search?q=${word}`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const text = await response.text();
    expect(text, path).not.toContain(headline);
    expect(text, path).not.toContain(slugOf(headline));
  }
  // This month's sitemap, where a story published now would be listed (none yet, early in a month: 404).
  const month = await page.request.get(`/sitemaps/${new Date().toISOString().slice(0, 7)}.xml`);
  expect([200, 404]).toContain(month.status());
  expect(await month.text()).not.toContain(slugOf(headline));
  // Search repeats the query on its page; what counts is that it finds nothing.
  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole("status")).toHaveText(`Nothing found for “${word}”.`);
  // A topic that only a draft carries has no page or feed at all.
  for (const path of [`/tags/${slugOf(ownTopic)}`, `/tags/${slugOf(ownTopic)}/feed.xml`]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  // Anonymous API calls are refused too.
  const anonymous = await page.request.post(`/api/articles/${id}/transitions`, { data: { action: "publish" } });
  expect(anonymous.status()).toBe(401);

  // Published, the story shows in every one of those places: the checks above looked where it would be.
  const editor = await pageAs(browser, "editor");
  expect((await editor.request.post(`/api/articles/${id}/transitions`, { data: { action: "publish" } })).status()).toBe(200);
  for (const path of [...feeds, `/tags/${slugOf(ownTopic)}/feed.xml`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).toContain(slugOf(headline));
  }
  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole("status")).toHaveText(`1 result for “${word}”.`);
  await expect(page.locator(".card-headline")).toHaveText(headline);
});
