import { expect, test } from "./fixtures";
import { bodyEditor, pageAs, saveState, slugOf, submittedArticle, storyBody, uniqueHeadline } from "./support";

test("a published article's new address takes over and the old one redirects permanently", async ({ browser, request }) => {
  const reporter = await pageAs(browser, "reporter");
  const headline = uniqueHeadline("Ferry terminal roof repaired");
  const id = await submittedArticle(reporter, { headline, dateline: "HARBOURTON", body: storyBody("roof repair") });
  const editor = await pageAs(browser, "editor", `/desk/articles/${id}/preview`);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Published");
  const oldPath = `/city/${slugOf(headline)}`;
  expect((await request.get(oldPath)).status()).toBe(200);

  await editor.goto(`/desk/articles/${id}`);
  await editor.getByText("Address, search and social").click();
  const newSlug = `${slugOf(headline)}-after-the-storm`;
  await editor.getByLabel("Address (slug)").fill(newSlug);
  await expect(editor.getByText(`Live at ${oldPath}.`, { exact: false })).toBeVisible();
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(saveState(editor)).toHaveText("Saved");

  const moved = await request.get(oldPath, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(new URL(moved.headers()["location"]!, "http://x").pathname).toBe(`/city/${newSlug}`);
  // The cached section page links to the new address at once.
  const section = await (await request.get("/city")).text();
  expect(section).toContain(`href="/city/${newSlug}"`);
  expect(section).not.toContain(`href="${oldPath}"`);
  const reader = await browser.newPage();
  await reader.goto(oldPath);
  await expect(reader).toHaveURL(new RegExp(`/city/${newSlug}$`));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);

  // A second change keeps both earlier addresses working.
  await editor.getByLabel("Address (slug)").fill(`${newSlug}-2`);
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(saveState(editor)).toHaveText("Saved");
  for (const path of [oldPath, `/city/${newSlug}`]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(308);
    expect(new URL(response.headers()["location"]!, "http://x").pathname, path).toBe(`/city/${newSlug}-2`);
  }
});

test("a piece with two authors, tags and a writer's note shows them all to readers, linked", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const headline = uniqueHeadline("Why the delta needs a reservoir");
  await editor.goto("/desk/articles/new");
  await editor.getByLabel("Headline").fill(headline);
  await editor.getByLabel("Dateline").fill("HARBOURTON");
  await editor.getByLabel("Section").selectOption({ label: "Opinion" });
  await editor.getByLabel("Kind").selectOption({ label: "Op-ed" });
  await bodyEditor(editor).click();
  await editor.keyboard.insertText("A reservoir upstream would keep the salt out of the wells.");

  // Byline: the editor, then a contributor added second; the editor is removed and put back first.
  const byline = editor.getByRole("group", { name: "Byline" });
  await byline.getByLabel("Add an author").selectOption({ label: "Dr Leila Haddad" });
  await byline.getByRole("button", { name: "Add author" }).click();
  await expect(byline.getByRole("list", { name: "Authors" }).getByRole("listitem")).toHaveText([/Elias Mendes/, /Dr Leila Haddad/]);
  await editor.getByLabel("Writer's note").fill("Leila Haddad is a hydrologist at the Coastal Institute.");

  // Tags: one the newsroom already uses, one new.
  const tags = editor.getByLabel("Tags", { exact: true });
  await tags.fill("Delta");
  await tags.press("Enter");
  const newTag = `Reservoirs ${Date.now().toString(36)}`;
  await tags.fill(newTag);
  await tags.press("Enter");
  await expect(editor.getByRole("list", { name: "Chosen tags" }).getByRole("listitem")).toHaveText([/Delta/, new RegExp(newTag)]);
  await editor.getByText("Address, search and social").click();
  await editor.getByLabel("Search title").fill("The delta needs a reservoir, not more wells");

  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toHaveURL(/\/desk\/articles\/[^/?]+\?created=1$/);
  await expect(saveState(editor)).toHaveText("Saved");
  await editor.reload();
  await expect(editor.getByRole("list", { name: "Chosen tags" }).getByRole("listitem")).toHaveCount(2);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.locator(".status-line .status").first()).toHaveText("Published");

  const reader = await browser.newPage();
  await reader.goto(`/opinion/${slugOf(headline)}`);
  const article = reader.locator("article");
  await expect(article.getByRole("link", { name: "Elias Mendes" })).toHaveAttribute("href", /\/authors\//);
  await expect(article.getByRole("link", { name: "Dr Leila Haddad" })).toHaveAttribute("href", /\/authors\//);
  await expect(article).toContainText("Leila Haddad is a hydrologist at the Coastal Institute.");
  await expect(reader).toHaveTitle(/The delta needs a reservoir, not more wells/);
  await article.getByRole("link", { name: newTag }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toContainText(newTag);
  await expect(reader.getByRole("link", { name: headline })).toBeVisible();
});
