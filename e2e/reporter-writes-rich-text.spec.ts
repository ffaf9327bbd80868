import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { bodyEditor, caretToEnd, pageAs, savedVersion, saveState, signIn, slugOf, uniqueHeadline } from "./support";

/** Selects the last `characters` characters typed, as a writer would with Shift+Left. */
async function selectBack(page: Page, characters: number) {
  for (let i = 0; i < characters; i += 1) await page.keyboard.press("Shift+ArrowLeft");
}

async function startArticle(page: Page, headline: string) {
  await page.goto("/desk/articles/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Dateline").fill("HARBOURTON");
  await page.getByLabel("Section").selectOption({ label: "City" });
}

test("a reporter formats a story with headings, emphasis, a list, quotes and a link; an unsafe link is refused", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const headline = uniqueHeadline("Lighthouse keepers return to Gull Point");
  await startArticle(reporter, headline);

  const body = bodyEditor(reporter);
  await expect(body).toBeVisible();
  await body.click();
  await reporter.keyboard.insertText("The light at Gull Point will be tended by hand again from spring.");
  await reporter.keyboard.press("Enter");
  await reporter.getByRole("button", { name: "Heading", exact: true }).click();
  await reporter.keyboard.insertText("Why the keepers are back");
  await reporter.keyboard.press("Enter");
  await reporter.keyboard.insertText("The automatic lamp failed ");
  await reporter.keyboard.press("ControlOrMeta+b");
  await reporter.keyboard.insertText("three times");
  await reporter.keyboard.press("ControlOrMeta+b");
  await reporter.keyboard.insertText(" last winter, ");
  await reporter.keyboard.press("ControlOrMeta+i");
  await reporter.keyboard.insertText("twice in fog");
  await reporter.keyboard.press("ControlOrMeta+i");
  await reporter.keyboard.insertText(". Read the inspection report");

  // The link: an unsafe address is refused in the form, a web address is applied.
  await selectBack(reporter, "the inspection report".length);
  await reporter.getByRole("button", { name: "Link", exact: true }).click();
  const address = reporter.getByLabel("Link address");
  await address.fill("javascript:alert(document.cookie)");
  await reporter.getByRole("button", { name: "Apply link" }).click();
  await expect(reporter.getByText("Links must be web addresses (http:// or https://) or e-mail addresses (mailto:).")).toBeVisible();
  await address.fill("https://example.org/gull-point-inspection");
  await reporter.getByRole("button", { name: "Apply link" }).click();
  await expect(body.getByRole("link", { name: "the inspection report" })).toHaveAttribute("href", "https://example.org/gull-point-inspection");

  // The new link is still selected: an Enter now would replace the linked words.
  await expect(body).toBeFocused();
  await caretToEnd(reporter);
  await reporter.keyboard.press("Enter");
  await reporter.getByRole("button", { name: "Bulleted list" }).click();
  await reporter.keyboard.insertText("Two keepers on week-long shifts");
  await reporter.keyboard.press("Enter");
  await reporter.keyboard.insertText("A radio link to the harbour office");
  await reporter.keyboard.press("Enter");
  await reporter.keyboard.press("Enter");
  await reporter.getByRole("button", { name: "Pull quote" }).click();
  await reporter.keyboard.insertText("A lamp cannot see the fog. A keeper can.");
  await expect(reporter.getByRole("button", { name: "Pull quote" })).toHaveAttribute("aria-pressed", "true");

  await reporter.getByRole("button", { name: "Save" }).click();
  await expect(reporter).toHaveURL(/\/desk\/articles\/[^/?]+\?created=1$/);
  await expect(saveState(reporter)).toHaveText("Saved");
  const id = new URL(reporter.url()).pathname.split("/").pop()!;

  // Reloaded, the structure is all still there.
  await reporter.reload();
  await expect(bodyEditor(reporter).locator("h2")).toHaveText("Why the keepers are back");
  await expect(bodyEditor(reporter).locator("strong")).toHaveText("three times");
  await expect(bodyEditor(reporter).locator("li")).toHaveCount(2);
  await reporter.getByRole("button", { name: "Submit for review" }).click();
  await expect(reporter.locator(".status-line .status").first()).toHaveText("In review");

  // The editor's preview is the page readers will get, to the character.
  const editor = await pageAs(browser, "editor", `/desk/articles/${id}/preview`);
  const previewBody = await editor.locator("article .body").innerHTML();
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Published");

  const reader = await browser.newPage();
  await reader.goto(`/city/${slugOf(headline)}`);
  const story = reader.locator("article .body");
  // The same markup; only the desk's React render marks text boundaries with empty comments.
  expect(await story.innerHTML()).toBe(previewBody.replaceAll("<!-- -->", ""));
  await expect(story.getByRole("heading", { level: 2 })).toHaveText("Why the keepers are back");
  await expect(story.locator("strong")).toHaveText("three times");
  await expect(story.locator("em")).toHaveText("twice in fog");
  await expect(story.getByRole("link", { name: "the inspection report" })).toHaveAttribute("href", "https://example.org/gull-point-inspection");
  await expect(story.getByRole("listitem")).toHaveText(["Two keepers on week-long shifts", "A radio link to the harbour office"]);
  await expect(story.locator("blockquote.pull-quote")).toHaveText("A lamp cannot see the fog. A keeper can.");
  await expect(story.locator("[href^='javascript']")).toHaveCount(0);
});

test("a crafted save with a javascript: link keeps the words without the link, and says why beside the body", async ({ page }) => {
  await signIn(page, "reporter");
  const headline = uniqueHeadline("Ferry fares frozen");
  await startArticle(page, headline);
  await bodyEditor(page).click();
  await page.keyboard.insertText("Fares stay at two pounds.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/[^/?]+\?created=1$/);
  await expect(saveState(page)).toHaveText("Saved");
  const id = new URL(page.url()).pathname.split("/").pop()!;

  const crafted = {
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "click me", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }],
  };
  const response = await page.request.put(`/api/articles/${id}`, {
    data: { headline, dateline: "HARBOURTON", sectionId: await page.getByLabel("Section").inputValue(), kind: "news", body: JSON.stringify(crafted), baseVersion: await savedVersion(page, id) },
  });
  expect(response.status()).toBe(200);
  const result = await response.json();
  expect(result.fieldErrors.body[0]).toContain("Links must be web addresses");
  await page.reload();
  await expect(bodyEditor(page)).toHaveText("click me");
  await expect(bodyEditor(page).locator("a")).toHaveCount(0);
});

test("the editor works in a 360 px wide window, with a keyboard-reachable toolbar", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, "reporter");
  await page.goto("/desk/articles/new");
  await expect(bodyEditor(page)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await bodyEditor(page).click();
  await page.keyboard.insertText("Typed on a phone.");
  // Shift+Tab from the text reaches the toolbar's last button; every button is a real, named button.
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Embed" })).toBeFocused();
  await expect(page.getByRole("toolbar", { name: "Formatting" }).getByRole("button")).toHaveCount(11);
  await context.close();
});
