import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { captureServerAction, expectBody, pageAs, saveState, signIn, slugOf, storyBody, uniqueHeadline, writeArticle } from "./support";

const revisionsOf = (id: string) => `/desk/articles/${id}/revisions`;

/** Changes one field of the open article form and saves it as the next revision. */
async function saveChange(page: Page, field: "Headline" | "Body", value: string) {
  await page.getByLabel(field, { exact: true }).fill(value);
  await expect(saveState(page)).toHaveText("Unsaved changes");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(saveState(page)).toHaveText("Saved");
}

/** The revisions list, read afresh from the server: "Revision 3", "Revision 2", … */
async function listedRevisions(page: Page, id: string): Promise<string[]> {
  await page.goto(revisionsOf(id));
  await expect(page.getByRole("heading", { name: "Revisions", level: 1 })).toBeVisible();
  return page.getByRole("rowheader").allTextContents();
}

const rowOf = (page: Page, number: number) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `Revision ${number}`, exact: true }) });

test("a reporter compares two revisions word by word and restores the first as a new revision", async ({ page }) => {
  await signIn(page, "reporter");
  const headline = uniqueHeadline("Harbour ferry timetable announced");
  const firstBody = "The harbour ferry will run on Wednesday mornings.\n\nTickets cost two pounds.";
  const id = await writeArticle(page, { headline, dateline: "HARBOURTON", body: firstBody });
  await saveChange(page, "Headline", headline.replace("timetable", "schedule"));
  await saveChange(page, "Body", firstBody.replace("Wednesday", "Thursday"));

  await page.getByRole("link", { name: "Revisions" }).click();
  await expect(page.getByRole("rowheader")).toHaveText(["Revision 3", "Revision 2", "Revision 1"]);
  await expect(rowOf(page, 3).getByText("Current")).toBeVisible();
  await expect(rowOf(page, 3).getByRole("button", { name: "Restore this revision" })).toHaveCount(0);
  await expect(rowOf(page, 1).getByText("Rina Qureshi")).toBeVisible();

  await page.getByLabel("From revision").selectOption("1");
  await page.getByLabel("To revision").selectOption("3");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\?from=1&to=3$/);
  await expect(page.getByText("What changed between revision 1 and revision 3.")).toBeVisible();
  const body = page.getByRole("region", { name: "Body" });
  await expect(body.locator("del")).toHaveText(["removed: Wednesday"]);
  await expect(body.locator("ins")).toHaveText(["added: Thursday"]);
  await expect(body.locator("p")).toHaveCount(2);
  const headlineDiff = page.getByRole("region", { name: "Headline" });
  await expect(headlineDiff.locator("del")).toHaveText(["removed: timetable"]);
  await expect(headlineDiff.locator("ins")).toHaveText(["added: schedule"]);
  await expect(page.getByRole("region", { name: "Dateline" })).toContainText("(no changes)");

  await rowOf(page, 1).getByRole("button", { name: "Restore this revision" }).click();
  await expect(rowOf(page, 1).getByRole("status")).toHaveText("Restored as revision 4.");
  await expect(page.getByRole("rowheader")).toHaveText(["Revision 4", "Revision 3", "Revision 2", "Revision 1"]);
  await expect(rowOf(page, 4).getByText("Current")).toBeVisible();

  // Revision 4 is revision 1's text, word for word.
  await page.goto(`${revisionsOf(id)}?from=1&to=4`);
  for (const field of ["Headline", "Dateline", "Standfirst", "Body"]) {
    await expect(page.getByRole("region", { name: field }), field).toContainText("(no changes)");
  }
  await expect(page.locator(".revision-diff").locator("del, ins")).toHaveCount(0);

  await page.getByRole("link", { name: /^Back to/ }).click();
  await expect(page).toHaveURL(new RegExp(`/desk/articles/${id}$`));
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
  await expectBody(page, firstBody);
  await expect(page.getByRole("region", { name: "History" })).toContainText("Rina Qureshi restored revision 1");
});

test("a reporter cannot restore a revision of an article in review, not even with a crafted request", async ({
  browser,
}) => {
  const reporter = await pageAs(browser, "reporter");
  const headline = uniqueHeadline("Lighthouse repairs begin");
  const id = await writeArticle(reporter, { headline, dateline: "HARBOURTON", body: storyBody("lighthouse repair") });
  const reviewedBody = `${storyBody("lighthouse repair")}\n\nThe lamp will be dark for a week.`;
  await saveChange(reporter, "Body", reviewedBody);
  await reporter.getByRole("button", { name: "Submit for review" }).click();
  await expect(reporter.locator(".status-line .status").first()).toHaveText("In review");

  expect(await listedRevisions(reporter, id)).toEqual(["Revision 2", "Revision 1"]);
  await expect(reporter.getByRole("button", { name: "Restore this revision" })).toHaveCount(0);

  // Capture an editor's real restore request without letting it reach the server.
  const editor = await pageAs(browser, "editor", revisionsOf(id));
  const replay = await captureServerAction(editor, async () => {
    await rowOf(editor, 1).getByRole("button", { name: "Restore this revision" }).click();
  });

  const refused = await replay(reporter);
  expect(await refused.text()).toContain("You may not edit this article in its current state.");
  expect(await listedRevisions(reporter, id)).toEqual(["Revision 2", "Revision 1"]);
  await expect(rowOf(reporter, 2).getByText("Current")).toBeVisible();
  await reporter.goto(`/desk/articles/${id}`);
  await expect(reporter.getByRole("region", { name: "History" })).not.toContainText("restored revision");

  // The captured request was a real restore: replayed by the editor, it restores.
  await replay(editor);
  expect(await listedRevisions(reporter, id)).toEqual(["Revision 3", "Revision 2", "Revision 1"]);
});

test("a reporter cannot see the revisions of an article that is not theirs", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const id = await writeArticle(editor, {
    headline: uniqueHeadline("Council budget leak"),
    dateline: "HARBOURTON",
    body: storyBody("budget leak"),
  });
  const reporter = await pageAs(browser, "reporter");
  expect((await reporter.goto(revisionsOf(id)))?.status()).toBe(404);
  await expect(reporter.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("an editor's restore of a published story waits for republication, and the published slug stays", async ({
  browser,
}) => {
  const editor = await pageAs(browser, "editor");
  const firstHeadline = uniqueHeadline("Tidal barrier closes early");
  const liveHeadline = firstHeadline.replace("early", "at dusk");
  const id = await writeArticle(editor, { headline: firstHeadline, dateline: "HARBOURTON", body: storyBody("barrier") });
  await saveChange(editor, "Headline", liveHeadline);
  await editor.goto(`/desk/articles/${id}/preview`);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Published");

  await editor.goto(revisionsOf(id));
  await expect(rowOf(editor, 2).getByText("Live")).toBeVisible();
  await rowOf(editor, 1).getByRole("button", { name: "Restore this revision" }).click();
  await expect(rowOf(editor, 1).getByRole("status")).toHaveText("Restored as revision 3.");
  await expect(rowOf(editor, 3).getByText("Current")).toBeVisible();
  await expect(rowOf(editor, 2).getByText("Live")).toBeVisible();

  // Readers still see revision 2 at its published address until an editor republishes.
  const reader = await browser.newPage();
  await reader.goto(`/city/${slugOf(liveHeadline)}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(liveHeadline);
  expect((await reader.goto(`/city/${slugOf(firstHeadline)}`))?.status()).toBe(404);

  await editor.goto(`/desk/articles/${id}/preview`);
  await editor.getByRole("button", { name: "Republish" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Done: Republish." })).toBeVisible();
  await reader.goto(`/city/${slugOf(liveHeadline)}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(firstHeadline);
});

test("a restore over a newer save is refused and the newer text is kept", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const id = await writeArticle(reporter, {
    headline: uniqueHeadline("Fish market moves indoors"),
    dateline: "HARBOURTON",
    body: storyBody("fish market"),
  });
  await saveChange(reporter, "Body", `${storyBody("fish market")}\n\nStalls reopen on Monday.`);
  expect(await listedRevisions(reporter, id)).toEqual(["Revision 2", "Revision 1"]);

  // Meanwhile, in another tab, the reporter saves once more.
  const otherTab = await reporter.context().newPage();
  await otherTab.goto(`/desk/articles/${id}`);
  await saveChange(otherTab, "Body", `${storyBody("fish market")}\n\nStalls reopen on Tuesday.`);

  await rowOf(reporter, 1).getByRole("button", { name: "Restore this revision" }).click();
  await expect(rowOf(reporter, 1).getByRole("status")).toHaveText(/Someone saved this article after you opened/);
  expect(await listedRevisions(reporter, id)).toEqual(["Revision 3", "Revision 2", "Revision 1"]);
  await reporter.goto(`/desk/articles/${id}`);
  await expectBody(reporter, /Stalls reopen on Tuesday/);
});
