import { expect, test, type Page } from "@playwright/test";
import { captureServerAction, pageAs, slugOf, storyBody, submittedArticle, uniqueHeadline } from "./support";

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
  const editor = await pageAs(browser, "editor");
  await editor.goto(`/desk/articles/${id}/preview`);
  const replay = await captureServerAction(editor, async () => {
    await editor.getByRole("button", { name: "Publish" }).click();
  });

  const refused = await replay(reporter);
  expect(await refused.text()).toContain("You may not publish this article.");
  expect(await statusOf(reporter, id)).toBe("In review");
  const reader = await browser.newPage();
  expect((await reader.goto(`/city/${slugOf(headline)}`))?.status()).toBe(404);

  // The captured request was a real publish: replayed by the editor, it publishes.
  const editorAgain = await pageAs(browser, "editor");
  await replay(editorAgain);
  expect((await reader.goto(`/city/${slugOf(headline)}`))?.status()).toBe(200);
});

test("the desk sends anonymous visitors to sign in, and no draft leaks to pages, feed or sitemap", async ({
  browser,
  page,
}) => {
  for (const path of ["/desk", "/desk/articles/new", "/desk/articles/anything/preview"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login/);
  }

  const reporter = await pageAs(browser, "reporter");
  const headline = uniqueHeadline("Embargoed budget figures");
  const id = await submittedArticle(reporter, { headline, dateline: "HARBOURTON", body: storyBody("budget") });

  expect((await page.goto(`/city/${slugOf(headline)}`))?.status()).toBe(404);
  expect((await page.goto(`/national/${slugOf(headline)}`))?.status()).toBe(404);
  for (const path of ["/", "/city", "/opinion", "/feed.xml", "/sitemap.xml"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const text = await response.text();
    expect(text, path).not.toContain(headline);
    expect(text, path).not.toContain(slugOf(headline));
  }
  // Anonymous API calls are refused too.
  const anonymous = await page.request.post(`/api/articles/${id}/transitions`, { data: { action: "publish" } });
  expect(anonymous.status()).toBe(401);
});
