import { expect, test } from "@playwright/test";
import { appendParagraph, expectBody, saveState, signIn, storyBody, uniqueHeadline, writeArticle } from "./support";

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

test("text the server never received comes back after a reload, from this browser", async ({ page }) => {
  await signIn(page, "reporter");
  await writeArticle(page, { headline: uniqueHeadline("Server down story"), dateline: "HARBOURTON", body: storyBody("outage") });
  // The server stops answering saves (a restart, say).
  await page.route("**/desk/articles/**", (route) =>
    route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue(),
  );
  await appendParagraph(page, `The paragraph written during the outage.`);
  await expect(saveState(page)).toHaveText("Offline — changes kept on this device");

  await page.unroute("**/desk/articles/**");
  // Leaving with unsaved text asks first; the writer chooses to reload anyway.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expectBody(page, /The paragraph written during the outage\./);
  await expect(saveState(page)).toHaveText("Saved", { timeout: 20_000 });
  await page.reload();
  await expectBody(page, /The paragraph written during the outage\./);
});
