import { expect, test } from "./fixtures";
import { bodyEditor, expectBody, saveState, signIn, slugOf, typeSignIn, uniqueHeadline } from "./support";

test("a reporter writes a headline and a paragraph with no dateline; it saves, and the dateline is asked for on submission", async ({ page }) => {
  await signIn(page, "reporter");
  await page.goto("/desk/articles/new");
  const headline = uniqueHeadline("Night ferry crew stage walkout");
  await page.getByLabel("Headline").fill(headline);
  await bodyEditor(page).click();
  await page.keyboard.insertText("Crew on the night ferry walked off at midnight over unpaid overtime.");

  // It saves itself, with no dateline, and takes its own address.
  await expect(saveState(page)).toHaveText("Saved");
  await expect(page).toHaveURL(/\/desk\/articles\/(?!new$)[^/?]+$/);
  await page.reload();
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
  await expectBody(page, "Crew on the night ferry walked off at midnight over unpaid overtime.");

  // Submitting asks for the dateline, beside its field, and the story stays a draft.
  await page.getByRole("button", { name: "Submit for review" }).click();
  const datelineField = page.locator(".field", { has: page.getByLabel("Dateline") });
  await expect(datelineField).toContainText("Give a dateline, e.g. KARACHI");
  await expect(page.getByLabel("Dateline")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".workflow-panel")).toContainText("Before it goes to review, add a dateline.");
  await expect(page.locator(".status-line .status").first()).toHaveText("Draft");

  await page.getByLabel("Dateline").fill("HARBOURTON");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.locator(".status-line .status").first()).toHaveText("In review");
});

// Found on the writer's own desk among their drafts: a reporter of this test's own, so the list
// holds only what this test wrote, not whatever the other journeys are writing as the demo reporter.
test("a draft with only the story is listed as an untitled draft with its first words", async ({ page, people }) => {
  const kofi = await people.add("reporter", "Kofi", "Untitled");
  await page.goto("/login");
  await typeSignIn(page, kofi.email, kofi.password);
  await expect(page).toHaveURL(/\/desk$/);
  await page.goto("/desk/articles/new");
  const opening = `Residents of Chandlers Row ${Date.now().toString(36)} met the harbour master on Thursday evening.`;
  await bodyEditor(page).click();
  await page.keyboard.insertText(opening);
  await expect(saveState(page)).toHaveText("Saved");

  await page.goto("/desk");
  const row = page.getByRole("row", { name: new RegExp(opening.split(" ").slice(0, 4).join(" ")) });
  await expect(row.getByRole("link", { name: "Untitled draft" })).toBeVisible();
  await row.getByRole("link", { name: "Untitled draft" }).click();
  await expectBody(page, opening);
});

test("an editorial has no dateline field, publishes without one, and its page shows none", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/desk/articles/new");
  await page.getByLabel("Kind").selectOption({ label: "Editorial" });
  await expect(page.getByLabel("Dateline")).toHaveCount(0);
  const headline = uniqueHeadline("The harbour needs a plan");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Section").selectOption({ label: "Opinion" });
  await bodyEditor(page).click();
  await page.keyboard.insertText("The city cannot dredge its way out of every problem on the east quay.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/[^/?]+\?created=1$/);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.locator(".status-line .status").first()).toHaveText("Published");

  await page.goto(`/opinion/${slugOf(headline)}`);
  await expect(page.locator("article h1")).toHaveText(headline);
  await expect(page.locator("article .dateline")).toHaveCount(0);
  await expect(page.locator("article .body")).toContainText(/^The city cannot dredge/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd.headline).toBe(headline);
  expect(jsonLd).not.toHaveProperty("dateline");
});
