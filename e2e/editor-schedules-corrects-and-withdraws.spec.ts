import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { runSchedulerAsOf } from "./newsroom-data";
import { appendParagraph, bodyText, fillBody, pageAs, saveState, slugOf, storyBody, submittedArticle, uniqueHeadline, writeArticle } from "./support";

const status = (page: Page) => page.locator(".status-line .status").first();

async function publicTexts(page: Page) {
  const paths = ["/", "/city", "/feed.xml", "/sitemap.xml"];
  return Promise.all(paths.map(async (path) => (await page.request.get(path)).text()));
}

test("a scheduled article is nowhere before its time and goes live at it without anyone visiting", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const headline = uniqueHeadline("Harbour festival programme announced");
  const id = await submittedArticle(reporter, { headline, dateline: "HARBOURTON", body: storyBody("festival") });

  const editor = await pageAs(browser, "editor", `/desk/articles/${id}/preview`);
  await editor.getByRole("button", { name: "Approve" }).click();
  await expect(status(editor)).toHaveText("Approved");
  // An hour ahead, in whole seconds: the server's own once-a-second scheduler will not reach it
  // while this journey runs, so only the runs "as of" a time below can publish it. The newsroom's
  // time zone is UTC; the form takes the time in it.
  const goLive = new Date(Math.ceil((Date.now() + 60 * 60_000) / 1000) * 1000);
  await editor.getByLabel("Publish at (UTC)").fill(goLive.toISOString().slice(0, 19));
  await editor.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(status(editor)).toHaveText("Scheduled");
  await expect(editor.locator(".countdown")).toContainText(/Goes live in (00:5\d|01:00):\d\d/);

  const reader = await browser.newPage();
  const url = `/city/${slugOf(headline)}`;
  expect((await reader.request.get(url)).status()).toBe(404);
  for (const text of await publicTexts(reader)) expect(text).not.toContain(headline);

  // The scheduler, a second before its time, leaves it where it is.
  expect(await runSchedulerAsOf(reader, new Date(goLive.getTime() - 1_000), [id])).toEqual([]);
  expect((await reader.request.get(url)).status()).toBe(404);

  // At its time the scheduler publishes it: nobody touches the article.
  expect(await runSchedulerAsOf(reader, goLive, [id])).toEqual([{ id, late: false }]);
  expect((await reader.request.get(url)).status()).toBe(200);
  await reader.goto(url);
  expect(Date.parse((await reader.locator(".published time").getAttribute("datetime"))!)).toBe(goLive.getTime());
  await reader.goto("/");
  await expect(reader.getByRole("link", { name: headline }).first()).toBeVisible();

  await editor.goto(`/desk/articles/${id}`);
  await expect(status(editor)).toHaveText("Published");
  await expect(editor.getByText("Published automatically at its scheduled time.")).toBeVisible();
});

test("an editor reschedules and cancels a schedule, a past time is refused, and a spiked story can be restored", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const id = await writeArticle(editor, { headline: uniqueHeadline("Ferry fares review"), dateline: "HARBOURTON", body: storyBody("fare review") });
  await editor.getByLabel("Publish at (UTC)").fill("2001-01-01T09:00:00");
  await editor.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(editor.getByText("Choose a time in the future, or publish now.")).toBeVisible();
  await expect(status(editor)).toHaveText("Draft");

  await editor.getByLabel("Publish at (UTC)").fill("2099-01-01T09:00:00");
  await editor.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(status(editor)).toHaveText("Scheduled");
  await expect(editor.getByText(/Scheduled for 1 Jan, 2099 09:00/)).toBeVisible();
  // Rescheduling is scheduling again with a new time.
  await editor.getByLabel("Publish at (UTC)").fill("2099-02-01T18:30:00");
  await editor.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(editor.getByText(/Scheduled for 1 Feb, 2099 18:30/)).toBeVisible();
  await editor.getByRole("button", { name: "Cancel schedule" }).click();
  await expect(status(editor)).toHaveText("Approved");
  await expect(editor.locator(".countdown")).toHaveCount(0);
  await expect(editor).toHaveURL(new RegExp(id));

  // Spiked, it leaves the newsroom's working views; restored, it is a draft again.
  await editor.getByRole("button", { name: "Spike" }).click();
  await expect(status(editor)).toHaveText("Spiked");
  await expect(editor.getByLabel("Headline")).toHaveCount(0);
  await editor.getByRole("button", { name: "Restore to draft" }).click();
  await expect(status(editor)).toHaveText("Draft");
  await expect(editor.getByRole("region", { name: "History" })).toContainText("spike");
});

test("an edit after scheduling does not ride along unseen: the desk says which revision goes live", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const headline = uniqueHeadline("Embargoed audit findings");
  const id = await writeArticle(editor, { headline, dateline: "HARBOURTON", body: storyBody("audit") });
  await editor.getByLabel("Publish at (UTC)").fill("2099-03-01T07:00:00");
  await editor.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(status(editor)).toHaveText("Scheduled");
  await expect(editor.getByRole("note")).toHaveCount(0);

  await appendParagraph(editor, "A late line nobody has reviewed.");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(saveState(editor)).toHaveText("Saved");
  await editor.reload();
  await expect(status(editor)).toHaveText("Scheduled");
  await expect(editor.getByRole("note")).toHaveText(
    /^Edited since it was scheduled: revision (\d+) goes live at that time, not the later changes \(revision (\d+)\)\./,
  );
  await expect(editor.getByRole("region", { name: "History" })).toContainText("edited it after it was scheduled");

  // Scheduling again signs off the newest text.
  await editor.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(editor.getByText(/Scheduled for 1 Mar, 2099 07:00/)).toBeVisible();
  await expect(editor.getByRole("note")).toHaveCount(0);
  await expect(editor).toHaveURL(new RegExp(id));

  // The Scheduled view counts down too.
  await editor.goto(`/desk/articles?view=scheduled&q=${encodeURIComponent(headline)}`);
  const row = editor.locator(".article-table tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("1 Mar, 2099 07:00");
  await expect(row.locator(".countdown")).toHaveText(/^Goes live in \d+d \d{2}:\d{2}:\d{2}$/);
});

test("a correction on a published story appears at its foot and on /corrections", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const headline = uniqueHeadline("Council approves harbour budget");
  const id = await writeArticle(editor, { headline, dateline: "HARBOURTON", body: storyBody("harbour budget") });
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(status(editor)).toHaveText("Published");

  await editor.goto(`/desk/articles/${id}`);
  await fillBody(editor, (await bodyText(editor)).replace("six weeks", "eight weeks"));
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(saveState(editor)).toHaveText("Saved");
  await editor.getByLabel("Correction or clarification").selectOption("correction");
  const text = `An earlier version said the work would take six weeks; it will take eight (${Date.now()}).`;
  await editor.getByLabel("Text shown to readers").fill(text);
  await editor.getByRole("button", { name: "Republish" }).click();
  await expect(editor.getByText("Done: Republish.")).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto(`/city/${slugOf(headline)}`);
  const foot = reader.getByRole("region", { name: "Corrections" });
  await expect(foot).toContainText(/Correction, \d{1,2} [A-Z][a-z]{2}, \d{4}:/);
  await expect(foot).toContainText(text);
  await expect(reader.locator("article")).toContainText("eight weeks");

  await reader.goto("/corrections");
  const first = reader.locator(".card").first();
  await expect(first).toContainText(text);
  await first.getByRole("link", { name: headline }).click();
  await expect(reader).toHaveURL(new RegExp(`/city/${slugOf(headline)}$`));
});

test("a withdrawn article answers 410 Gone with a notice, leaves the feed, and can be restored to draft", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const headline = uniqueHeadline("Quay closure story withdrawn");
  const id = await writeArticle(editor, { headline, dateline: "HARBOURTON", body: storyBody("quay closure") });
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(status(editor)).toHaveText("Published");
  const reader = await browser.newPage();
  const url = `/city/${slugOf(headline)}`;
  expect((await reader.goto(url))?.status()).toBe(200);

  await editor.getByRole("button", { name: "Unpublish" }).click();
  await expect(status(editor)).toHaveText("Unpublished");
  const gone = await reader.goto(url);
  expect(gone?.status()).toBe(410);
  await expect(reader.getByRole("heading", { name: "This article has been withdrawn" })).toBeVisible();
  await expect(reader.getByRole("link", { name: "Go to the front page" })).toBeVisible();
  for (const text of await publicTexts(reader)) expect(text).not.toContain(headline);

  await editor.getByRole("button", { name: "Restore to draft" }).click();
  await expect(status(editor)).toHaveText("Draft");
  expect((await reader.goto(url))?.status()).toBe(404);
  await expect(editor).toHaveURL(new RegExp(id));
});

test("an editor's edit after approval sends the article back to review", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const id = await submittedArticle(reporter, { headline: uniqueHeadline("Lighthouse restoration"), dateline: "HARBOURTON", body: storyBody("lighthouse") });
  const editor = await pageAs(browser, "editor", `/desk/articles/${id}/preview`);
  await editor.getByRole("button", { name: "Approve" }).click();
  await expect(status(editor)).toHaveText("Approved");

  await editor.goto(`/desk/articles/${id}`);
  await appendParagraph(editor, `A late addition.`);
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(saveState(editor)).toHaveText("Saved");
  await expect(status(editor)).toHaveText("In review");
  await expect(editor.getByRole("region", { name: "History" })).toContainText("back in review");
});
