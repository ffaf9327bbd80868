import { expect, test } from "./fixtures";
import { appendParagraph, expectBody, fillBody, saveState, signIn, slugOf, storyBody, uniqueHeadline } from "./support";

test("a reporter drafts, saves, edits, saves again and submits for review", async ({ page, browser }) => {
  await signIn(page, "reporter");
  await expect(page.getByRole("heading", { name: "My articles" })).toBeVisible();
  await page.getByRole("link", { name: "New article" }).first().click();

  const headline = uniqueHeadline("Ferry timetable changes for winter");
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Dateline").fill("HARBOURTON");
  await page.getByLabel("Section").selectOption({ label: "City" });
  await page.getByLabel("Kind").selectOption({ label: "News" });
  await fillBody(page, storyBody("winter timetable"));
  await expect(page.locator(".word-count")).toHaveText("43 words · 1 min read");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/[^/]+\?created=1$/);
  await expect(saveState(page)).toHaveText("Saved");

  await appendParagraph(page, `The last crossing will leave at 22:40.`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(saveState(page)).toHaveText("Saved");

  // The saved text survives a reload.
  await page.reload();
  await expectBody(page, /last crossing will leave at 22:40/);

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.locator(".status-line .status").first()).toHaveText("In review");
  // In review, the reporter can no longer change the text.
  await expect(page.getByLabel("Headline")).toHaveCount(0);

  await page.getByRole("link", { name: "Dashboard" }).click();
  const inReview = page.locator("section", { has: page.getByRole("heading", { name: "In review" }) });
  await expect(inReview.getByRole("link", { name: headline })).toBeVisible();

  // Nothing of it is public yet.
  const reader = await browser.newPage();
  const response = await reader.goto(`/city/${slugOf(headline)}`);
  expect(response?.status()).toBe(404);
  await reader.close();
});

test("a save with a field that is too long keeps every word, saves the rest and marks the field", async ({ page }) => {
  await signIn(page, "reporter");
  await page.goto("/desk/articles/new");
  // Nothing to save yet: the form says what a draft needs, beside the headline.
  await page.getByLabel("Dateline").fill("HARBOURTON");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator(".field", { has: page.getByLabel("Headline") })).toContainText("Write a headline or start the story: a draft needs one of them.");
  await expect(page.getByLabel("Headline")).toHaveAttribute("aria-invalid", "true");

  const headline = uniqueHeadline("Harbour wall repairs");
  await page.getByLabel("Headline").fill(headline);
  const standfirst = "Too long. ".repeat(45);
  await page.getByLabel("Standfirst").fill(standfirst);
  const words = "A long paragraph the reporter must not lose.\n\nAnd a second one.";
  await fillBody(page, words);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/[^/?]+\?created=1$/);
  // On the article's own page the text kept in this browser comes back and saves itself again.
  await expect(page.getByText("Keep the standfirst under 400 characters.")).toBeVisible();
  await expect(page.getByLabel("Standfirst")).toHaveAttribute("aria-invalid", "true");
  await expect(saveState(page)).toContainText("Saved, except the fields marked above");
  await expect(page.getByLabel("Standfirst")).toHaveValue(standfirst);
  await expectBody(page, words);
  await expect(page.getByLabel("Dateline")).toHaveValue("HARBOURTON");

  // The words reached the server: a reload finds them (and this browser still has the long standfirst).
  await page.reload();
  await expectBody(page, words);
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
});

test("signing out ends the session; the desk then sends visitors to sign in", async ({ page }) => {
  await signIn(page, "reporter");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/login/);
});

// A wrong password counts towards its account's lock (five in 15 minutes), so it is typed for a
// reporter of this test's own, never for the demo reporter that other journeys sign in as.
test("a wrong password gets one generic message", async ({ page, people }) => {
  const rhea = await people.add("reporter", "Rhea", "Mistyped");
  await page.goto("/login");
  await expect(page.getByText("reporter@example.com")).toBeVisible();
  await page.getByLabel("Email").fill(rhea.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("newsdesk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("a save after the session has ended keeps the text and says to sign in again", async ({ page, context }) => {
  await signIn(page, "reporter");
  await page.goto("/desk/articles/new");
  await page.getByLabel("Headline").fill(uniqueHeadline("Session expiry story"));
  await page.getByLabel("Dateline").fill("HARBOURTON");
  const words = "Every word of this paragraph must survive an expired session.";
  await fillBody(page, words);
  await context.clearCookies();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(saveState(page)).toContainText("Your session has ended. Sign in again");
  await expect(saveState(page)).toContainText("your text is kept here");
  // Still the new article's form, or the article's own address if it saved itself before the session ended.
  await expect(page).toHaveURL(/\/desk\/articles\/[^/?]+$/);
  await expectBody(page, words);
});
