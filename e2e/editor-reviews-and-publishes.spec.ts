import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { appendParagraph, bodyText, fillBody, pageAs, saveState, slugOf, storyBody, submittedArticle, uniqueHeadline } from "./support";

const isoDateOf = (page: Page, selector: string) => page.locator(`${selector} time`).getAttribute("datetime");

test("an editor returns a story with a note, the reporter fixes it, the editor publishes, a reader finds it", async ({
  browser,
}) => {
  const reporter = await pageAs(browser, "reporter");
  const headline = uniqueHeadline("Night market opens on Foundry Street");
  const id = await submittedArticle(reporter, {
    headline,
    dateline: "HARBOURTON",
    body: storyBody("night market"),
  });

  // The editor finds it first thing on the desk, in the review queue, and reads it as it will appear.
  const editor = await pageAs(browser, "editor");
  const queue = editor.locator("section", { has: editor.getByRole("heading", { name: "Review queue" }) });
  await queue.getByRole("link", { name: headline }).click();
  await expect(editor).toHaveURL(new RegExp(`/desk/articles/${id}/preview$`));
  await expect(editor.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expect(editor.getByText("HARBOURTON:")).toBeVisible();

  // Asking for changes needs a note, which the reporter then sees.
  await editor.getByRole("button", { name: "Request changes" }).click();
  await expect(editor.getByText("Say what needs to change.")).toBeVisible();
  await editor.getByLabel("Note to the reporter").fill("Please name the spokeswoman.");
  await editor.getByRole("button", { name: "Request changes" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Changes requested");

  await reporter.goto(`/desk/articles/${id}`);
  await expect(reporter.getByRole("region", { name: "Changes requested" })).toContainText("Please name the spokeswoman.");
  await fillBody(reporter, (await bodyText(reporter)).replace("a spokeswoman", "Mira Santos, a spokeswoman"));
  await reporter.getByRole("button", { name: "Save" }).click();
  await expect(saveState(reporter)).toHaveText("Saved");
  await reporter.getByRole("button", { name: "Submit for review" }).click();
  await expect(reporter.locator(".status-line .status").first()).toHaveText("In review");

  // The editor publishes.
  await editor.goto(`/desk/articles/${id}/preview`);
  await expect(editor.getByText("Mira Santos")).toBeVisible();
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Published");
  await expect(editor.getByRole("list").getByText("Please name the spokeswoman.")).toBeVisible();

  // A reader finds it on the front page and opens it: one h1, byline, dateline, dates, print line.
  const reader = await browser.newPage();
  await reader.goto("/");
  await reader.getByRole("link", { name: headline }).first().click();
  await expect(reader).toHaveURL(new RegExp(`/city/${slugOf(headline)}$`));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(reader.locator("article .byline")).toHaveText("By Rina Qureshi");
  await expect(reader.locator("article .dateline")).toHaveText("HARBOURTON:");
  await expect(reader.locator("article")).toContainText("Mira Santos, a spokeswoman");
  const published = await isoDateOf(reader, ".published");
  expect(Date.now() - Date.parse(published!)).toBeLessThan(5 * 60_000);
  await expect(reader.locator(".updated")).toHaveCount(0);
  const today = new Date(published!);
  const month = today.toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  await expect(reader.locator(".print-line")).toHaveText(
    new RegExp(`^Published in The Harbour Gazette, ${month} ${today.getUTCDate()}(st|nd|rd|th), ${today.getUTCFullYear()}$`),
  );
  await expect(reader.getByRole("complementary").getByRole("heading", { name: "Opinion" })).toBeVisible();
});

test("republishing: a minor fix changes no public date; a significant update shows Updated and keeps the publication date", async ({
  browser,
}) => {
  const editor = await pageAs(browser, "editor");
  const headline = uniqueHeadline("Tram depot roof repairs begin");
  const reporter = await pageAs(browser, "reporter");
  const id = await submittedArticle(reporter, { headline, dateline: "HARBOURTON", body: storyBody("roof repair") });
  await editor.goto(`/desk/articles/${id}/preview`);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Published");

  const reader = await browser.newPage();
  const url = `/city/${slugOf(headline)}`;
  await reader.goto(url);
  const publishedAt = await isoDateOf(reader, ".published");
  expect(publishedAt).toBeTruthy();

  // A minor fix: the text changes for readers only after republishing, and no date moves.
  await editor.goto(`/desk/articles/${id}`);
  await appendParagraph(editor, `A typo was corrected.`);
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(saveState(editor)).toHaveText("Saved");
  await reader.reload();
  await expect(reader.locator("article")).not.toContainText("A typo was corrected.");
  await editor.getByRole("button", { name: "Republish" }).click();
  await expect(editor.getByText("Done: Republish.")).toBeVisible();
  await reader.reload();
  await expect(reader.locator("article")).toContainText("A typo was corrected.");
  await expect(reader.locator(".updated")).toHaveCount(0);
  expect(await isoDateOf(reader, ".published")).toBe(publishedAt);

  // A significant update: "Updated <date>" appears beside the unchanged publication date.
  await appendParagraph(editor, "The council has since approved the budget.");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(saveState(editor)).toHaveText("Saved");
  await editor.getByLabel("Significant update").check();
  await editor.getByRole("button", { name: "Republish" }).click();
  await expect(editor.getByText("Done: Republish.")).toBeVisible();
  await reader.reload();
  await expect(reader.locator(".updated")).toContainText("Updated");
  expect(await isoDateOf(reader, ".published")).toBe(publishedAt);
  const updatedAt = await isoDateOf(reader, ".updated");
  expect(Date.parse(updatedAt!)).toBeGreaterThan(Date.parse(publishedAt!));
  await reader.goto("/");
  // The lead story when nothing was published after it (tests run in parallel), else a card.
  const card = reader.locator(".card, .lead-story", { has: reader.getByRole("link", { name: headline }) });
  await expect(card.locator(".stamp")).toContainText("Updated");
});
