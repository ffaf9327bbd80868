import type { Route } from "@playwright/test";
import { expect, test } from "./fixtures";
import { appendParagraph, bodyText, expectBody, pageAs, saveState, signIn, storyBody, uniqueHeadline, writeArticle } from "./support";

test("an article saves itself a moment after typing stops, and a reload shows the latest text", async ({ page }) => {
  await signIn(page, "reporter");
  await writeArticle(page, { headline: uniqueHeadline("Autosave story"), dateline: "HARBOURTON", body: storyBody("autosave") });
  await appendParagraph(page, `Typed, never saved by hand.`);
  await expect(saveState(page)).toHaveText("Saved");
  await page.reload();
  await expectBody(page, /Typed, never saved by hand\./);
});

test("offline, typing goes on and the text is kept on this device; back online it is saved", async ({ page, context }) => {
  await signIn(page, "reporter");
  await writeArticle(page, { headline: uniqueHeadline("Offline story"), dateline: "HARBOURTON", body: storyBody("offline") });
  await context.setOffline(true);
  await appendParagraph(page, `Written on the ferry with no signal.`);
  await expect(saveState(page)).toHaveText("Offline — changes kept on this device");
  await appendParagraph(page, `And another line.`);
  await context.setOffline(false);
  await expect(saveState(page)).toHaveText("Saved", { timeout: 20_000 });
  await page.reload();
  await expectBody(page, /Written on the ferry with no signal\.\s+And another line\./);
});

test("text typed while saves fail comes back after a reload, and is saved once the server answers", async ({ page }) => {
  await signIn(page, "reporter");
  await writeArticle(page, { headline: uniqueHeadline("Server down story"), dateline: "HARBOURTON", body: storyBody("outage") });
  // The server stops answering saves (a restart, say): the form's saves and the save sent on leaving.
  const refuseSaves = (route: Route) => {
    const request = route.request();
    const isSave = (request.method() === "POST" && request.headers()["next-action"]) || (request.method() === "PUT" && request.url().includes("/api/articles/"));
    return isSave ? route.abort("connectionrefused") : route.continue();
  };
  await page.route("**/*", refuseSaves);
  await appendParagraph(page, `The paragraph written during the outage.`);
  await expect(saveState(page)).toHaveText("Offline — changes kept on this device");

  // Leaving with unsaved text asks first; the writer chooses to reload anyway, still cut off.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expectBody(page, /The paragraph written during the outage\./);
  await page.unroute("**/*", refuseSaves);
  await expect(saveState(page)).toHaveText("Saved", { timeout: 20_000 });
  await page.reload();
  await expectBody(page, /The paragraph written during the outage\./);
});

test("leaving the page right after typing saves the text before the autosave would have", async ({ browser }) => {
  const page = await pageAs(browser, "reporter");
  const id = await writeArticle(page, { headline: uniqueHeadline("Leaving story"), dateline: "HARBOURTON", body: storyBody("leaving") });
  await appendParagraph(page, "Typed just before closing the tab.");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.close({ runBeforeUnload: true });

  // Another browser (no copy on this device) finds the text on the server.
  const elsewhere = await pageAs(browser, "reporter");
  await expect(async () => {
    await elsewhere.goto(`/desk/articles/${id}`);
    expect(await bodyText(elsewhere)).toContain("Typed just before closing the tab.");
  }).toPass({ timeout: 15_000 });
});
