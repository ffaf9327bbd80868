/**
 * A shared newsroom computer: the text a reporter could not save stays on the device for them,
 * and for nobody else. Signing out deletes it; a session that simply ends keeps it for its writer,
 * under their own name, where the next person at the keyboard is never offered it.
 */
import type { Page, Route } from "@playwright/test";
import { expect, test } from "./fixtures";
import { appendParagraph, bodyEditor, bodyText, expectBody, saveState, signIn, storyBody, uniqueHeadline, writeArticle } from "./support";

/** The server stops accepting saves (the form's and the one sent on leaving), as in an outage. */
const refuseSaves = (route: Route) => {
  const request = route.request();
  const isSave = (request.method() === "POST" && request.headers()["next-action"]) || (request.method() === "PUT" && request.url().includes("/api/articles/"));
  return isSave ? route.abort("connectionrefused") : route.continue();
};

/** A reporter's saved article, then a paragraph the server never gets: kept on this device only. */
async function unsavedParagraphBy(page: Page, topic: string) {
  await signIn(page, "reporter");
  const id = await writeArticle(page, { headline: uniqueHeadline(`Shared computer ${topic}`), dateline: "HARBOURTON", body: storyBody(topic) });
  await page.route("**/*", refuseSaves);
  const paragraph = `Unsaved words about ${topic}, for the reporter's eyes only.`;
  await appendParagraph(page, paragraph);
  await expect(saveState(page)).toHaveText("Offline — changes kept on this device");
  await expect.poll(() => deviceStorage(page)).toContain(paragraph);
  // Saves stay refused to the end, so the words can only ever come from this device.
  return { id, paragraph };
}

const deviceStorage = (page: Page) => page.evaluate(() => JSON.stringify({ ...window.localStorage }));

/** Opens the article's editor and waits until it has looked for a copy on this device. */
async function openEditor(page: Page, id: string) {
  await page.goto(`/desk/articles/${id}`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeEnabled(); // hydrated: the copy was looked for
  await expect(bodyEditor(page)).toBeVisible();
}

test("the next person at the computer is not offered the unsaved draft of someone who signed out", async ({ page }) => {
  const { id, paragraph } = await unsavedParagraphBy(page, "signing out");

  // Leaving with unsaved text asks first; the reporter signs out anyway.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await deviceStorage(page)).not.toContain(paragraph);

  await signIn(page, "editor");
  await openEditor(page, id);
  expect(await bodyText(page)).not.toContain(paragraph);
  await expect(page.getByRole("button", { name: "Restore my unsaved text" })).toHaveCount(0);
  await page.goto("/desk/articles/new");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeEnabled();
  expect(await bodyText(page)).not.toContain(paragraph);
});

test("a session that just ends keeps the draft for its writer alone: the next person is not offered it, the writer is", async ({ page, context }) => {
  const { id, paragraph } = await unsavedParagraphBy(page, "a session ending");

  // The session ends without signing out (it expired, or the browser dropped the cookie).
  await context.clearCookies();
  page.once("dialog", (dialog) => void dialog.accept());
  await signIn(page, "editor");
  await openEditor(page, id);
  expect(await bodyText(page)).not.toContain(paragraph);
  await expect(page.getByRole("button", { name: "Restore my unsaved text" })).toHaveCount(0);

  // The reporter comes back to the same computer: their words are there.
  await context.clearCookies();
  await signIn(page, "reporter");
  await page.goto(`/desk/articles/${id}`);
  await expectBody(page, new RegExp(paragraph.replace(/[.*+?^${}()|[\]\\']/g, "\\$&")));
});
