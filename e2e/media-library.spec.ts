import sharp from "sharp";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { captureServerAction, pageAs } from "./support";
import { expectLoadedImage, pngOf, uniqueTag, uploaded } from "./media-support";

const notAnImage = "This file is not a JPEG, PNG, WebP or AVIF image.";

const uploadForm = (page: Page) => page.getByRole("region", { name: "Upload an image" });
const card = (page: Page, name: string) => page.getByRole("article", { name });

async function searchLibrary(page: Page, words: string) {
  await page.getByRole("search", { name: "Search the library" }).getByRole("searchbox").fill(words);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(words);
}

test("a reporter uploads a PNG with alt text, caption and credit, and finds it in the library by searching", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const tag = uniqueTag("lighthouse");
  const name = `${tag}.png`;
  await reporter.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Media" }).click();
  await expect(reporter.getByRole("heading", { level: 1, name: "Media library" })).toBeVisible();

  const form = uploadForm(reporter);
  await form.getByLabel("Image", { exact: true }).setInputFiles({ name, mimeType: "image/png", buffer: await pngOf(1200, 800) });
  await form.getByLabel("Alt text").fill(`The ${tag} lighthouse against a winter sky`);
  await form.getByLabel("Caption").fill("The lighthouse was relit on Tuesday after forty years.");
  await form.getByLabel("Credit").fill("Mira Santos");
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(form.getByRole("status")).toHaveText(`Uploaded ${name}.`);
  await expect(form.getByLabel("Alt text")).toHaveValue("");

  await searchLibrary(reporter, tag.toUpperCase());
  const item = card(reporter, name);
  await expect(item).toBeVisible();
  await expect(item).toContainText(`The ${tag} lighthouse against a winter sky`);
  await expect(item).toContainText("The lighthouse was relit on Tuesday after forty years.");
  await expect(item).toContainText("Mira Santos");
  await expect(item).toContainText("1200 × 800 px, PNG");
  await expect(item).toContainText("by Rina Qureshi");

  const thumbnail = item.locator("img");
  await expect(thumbnail).toHaveAttribute("width", "480");
  await expect(thumbnail).toHaveAttribute("height", "320");
  await expectLoadedImage(thumbnail);
  const response = await reporter.request.get((await thumbnail.getAttribute("src"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/webp");

  // Searching by the caption and by the credit finds it too.
  await searchLibrary(reporter, `forty years ${tag}`);
  await expect(card(reporter, name)).toBeVisible();
  await searchLibrary(reporter, "no-such-picture-anywhere");
  await expect(reporter.getByText("No images match “no-such-picture-anywhere”.")).toBeVisible();
});

test("a text file named photo.jpg is refused with a clear message, the typed details are kept and nothing is added", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const tag = uniqueTag("crane");
  await reporter.goto("/desk/media");
  const form = uploadForm(reporter);
  const file = form.getByLabel("Image", { exact: true });
  const alt = form.getByLabel("Alt text");

  // First with no alt text: the reason is given beside the field that needs it.
  await file.setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from(`Notes on the ${tag} story, not a photograph.\n`) });
  await form.getByLabel("Caption").fill(`Harbour crane ${tag}`);
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(form.locator(".field-error")).toContainText(["Describe the image for readers who cannot see it."]);
  await expect(alt).toHaveAttribute("aria-invalid", "true");

  await alt.fill(`A harbour crane at dusk ${tag}`);
  await form.getByLabel("Credit").fill("Staff photographer");
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(form.locator(".field-error")).toHaveText([notAnImage]);
  await expect(form.getByRole("status")).toHaveText(notAnImage);
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await expect(alt).not.toHaveAttribute("aria-invalid", "true");
  await expect(alt).toHaveValue(`A harbour crane at dusk ${tag}`);
  await expect(form.getByLabel("Caption")).toHaveValue(`Harbour crane ${tag}`);
  await expect(form.getByLabel("Credit")).toHaveValue("Staff photographer");

  await reporter.goto(`/desk/media?q=${tag}`);
  await expect(reporter.getByText(`No images match “${tag}”.`)).toBeVisible();
  await expect(reporter.getByRole("article")).toHaveCount(0);
});

test("a signed-out upload is refused and stores nothing", async ({ browser, playwright, baseURL }) => {
  const tag = uniqueTag("anonymous");
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.post("/api/media", {
    multipart: { file: { name: `${tag}.png`, mimeType: "image/png", buffer: await pngOf(600, 400) }, alt: tag },
  });
  expect([401, 403]).toContain(response.status());
  expect(await response.json()).toMatchObject({ ok: false });
  expect((await anonymous.get("/api/media")).status()).toBe(401);
  await anonymous.dispose();

  const reporter = await pageAs(browser, "reporter");
  const search = await reporter.request.get(`/api/media?q=${tag}`);
  expect(await search.json()).toMatchObject({ ok: true, total: 0, items: [] });
});

test("a stored original is served as the type its bytes have, with nosniff, and only names the image has are served", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  // PNG bytes under a JPEG name and header: the type comes from the bytes.
  const image = await uploaded(reporter, { name: "disguised.jpg", mimeType: "image/jpeg", buffer: await pngOf(640, 360) }, "A disguised PNG");
  expect(image.mimeType).toBe("image/png");
  expect(image.variantWidths).toBe("480,640");

  const original = await reporter.request.get(`/media/${image.storageKey}/original.png`);
  expect(original.status()).toBe(200);
  expect(original.headers()["content-type"]).toBe("image/png");
  expect(original.headers()["x-content-type-options"]).toBe("nosniff");
  expect(original.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect((await sharp(await original.body()).metadata()).format).toBe("png");

  // Anyone may fetch a stored file (it is what public pages show); nothing else under the key.
  const reader = await browser.newPage();
  expect((await reader.request.get(`/media/${image.storageKey}/640.webp`)).headers()["content-type"]).toBe("image/webp");
  for (const file of ["original.jpg", "1600.webp", "480.png", "%2E%2E%2Fe2e.db"]) {
    expect((await reader.request.get(`/media/${image.storageKey}/${file}`)).status(), file).toBe(404);
  }
  expect((await reader.request.get(`/media/${"0".repeat(32)}/original.png`)).status()).toBe(404);
});

test("an editor edits a reporter's image details; a reporter cannot edit an editor's, even with a replayed request", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const editor = await pageAs(browser, "editor");
  const tag = uniqueTag("ferry");
  const reportersImage = await uploaded(reporter, { name: `${tag}-reporter.png`, mimeType: "image/png", buffer: await pngOf(500, 300) }, `Ferry ${tag}`);
  const editorsImage = await uploaded(editor, { name: `${tag}-editor.png`, mimeType: "image/png", buffer: await pngOf(500, 300) }, `Quay ${tag}`);

  await editor.goto(`/desk/media?q=${tag}`);
  const reportersCard = card(editor, reportersImage.originalName);
  await reportersCard.getByText("Edit details").click();
  await reportersCard.getByLabel("Alt text").fill("");
  await reportersCard.getByRole("button", { name: "Save details" }).click();
  await expect(reportersCard.locator(".field-error")).toHaveText(["Describe the image for readers who cannot see it."]);
  await reportersCard.getByLabel("Alt text").fill(`The morning ferry leaves the quay ${tag}`);
  await reportersCard.getByLabel("Credit").fill("Elias Mendes");
  await reportersCard.getByRole("button", { name: "Save details" }).click();
  await expect(reportersCard.getByRole("status")).toHaveText("Saved.");
  await expect(reportersCard.locator(".media-facts")).toContainText(`The morning ferry leaves the quay ${tag}`);

  // The reporter is offered no edit form on the editor's image…
  await reporter.goto(`/desk/media?q=${tag}`);
  await expect(card(reporter, editorsImage.originalName).getByText("Edit details")).toHaveCount(0);
  await expect(card(reporter, reportersImage.originalName).getByText("Edit details")).toHaveCount(1);

  // …and the editor's own Save, captured and replayed with the reporter's cookies, is refused.
  const editorsCard = card(editor, editorsImage.originalName);
  await editorsCard.getByText("Edit details").click();
  await editorsCard.getByLabel("Alt text").fill(`Changed by a reporter ${tag}`);
  const replay = await captureServerAction(editor, async () => {
    await editorsCard.getByRole("button", { name: "Save details" }).click();
  });
  const refused = await replay(reporter);
  expect(await refused.text()).toContain("You may edit the details of your own images only.");
  await reporter.reload();
  await expect(card(reporter, editorsImage.originalName).locator(".media-facts")).toContainText(`Quay ${tag}`);
});

test("the picker searches and picks by keyboard, uploads inline, and never submits the form around it", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const tag = uniqueTag("regatta");
  const image = await uploaded(reporter, { name: `${tag}.png`, mimeType: "image/png", buffer: await pngOf(900, 600) }, `Sails at the ${tag} regatta`);

  await reporter.goto("/desk/media/picker");
  const picker = reporter.getByRole("group", { name: "Featured image" });
  const chosen = reporter.getByRole("status").filter({ hasText: "submitted" });
  await picker.getByRole("button", { name: "Choose an image" }).click();
  const dialog = reporter.getByRole("dialog", { name: "Choose an image for Featured image" });
  await expect(dialog).toBeVisible();
  const search = dialog.getByLabel("Search the library");
  await expect(search).toBeFocused();

  // Enter searches; it does not submit the article form around the picker.
  await search.fill(tag);
  await search.press("Enter");
  await expect(dialog.getByRole("status").first()).toHaveText(`1 image matches “${tag}”. Page 1 of 1.`);
  await expect(chosen).toHaveCount(0);
  const choice = dialog.getByRole("button", { name: `Sails at the ${tag} regatta` });
  await expectLoadedImage(choice.locator("img"));
  await choice.focus();
  await reporter.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(reporter.getByLabel("Chosen image")).toHaveText(`Sails at the ${tag} regatta (${image.id})`);
  await expect(picker.getByRole("button", { name: "Change image" })).toBeFocused();

  // Escape closes the dialog and gives focus back. (In a search box that still has text, the
  // browser's first Escape clears the text instead.)
  await reporter.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await expect(search).toBeFocused();
  await search.clear();
  await reporter.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(picker.getByRole("button", { name: "Change image" })).toBeFocused();

  // Inline upload: a bad file is refused inside the dialog, keeping the alt text; a good one is chosen.
  await picker.getByRole("button", { name: "Change image" }).click();
  await dialog.getByText("Upload a new image").click();
  const file = dialog.getByLabel("Image", { exact: true });
  await file.setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a photograph") });
  await dialog.getByLabel("Alt text").fill(`Rowers at the ${tag} finish line`);
  await dialog.getByLabel("Alt text").press("Enter");
  await expect(chosen).toHaveCount(0);
  await dialog.getByRole("button", { name: "Upload and choose" }).click();
  await expect(dialog.locator(".field-error")).toHaveText([notAnImage]);
  await expect(dialog.getByLabel("Alt text")).toHaveValue(`Rowers at the ${tag} finish line`);
  await file.setInputFiles({ name: `${tag}-rowers.png`, mimeType: "image/png", buffer: await pngOf(800, 500) });
  await dialog.getByRole("button", { name: "Upload and choose" }).click();
  await expect(dialog).toBeHidden();
  await expect(reporter.getByLabel("Chosen image")).toContainText(`Rowers at the ${tag} finish line`);
  await expectLoadedImage(picker.locator(".media-picked img"));

  await picker.getByRole("button", { name: "Remove" }).click();
  await expect(reporter.getByLabel("Chosen image")).toHaveText("none");
  await expect(picker.getByRole("button", { name: "Choose an image" })).toBeFocused();
  await expect(chosen).toHaveCount(0);
});

test("the media library is usable in a 360 px wide window", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  await uploaded(reporter, { name: `${uniqueTag("narrow")}.png`, mimeType: "image/png", buffer: await pngOf(1600, 900) }, "A wide harbour panorama");
  await reporter.setViewportSize({ width: 360, height: 740 });
  const overflow = () => reporter.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await reporter.goto("/desk/media");
  await expect(reporter.getByRole("article").first()).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await reporter.goto("/desk/media/picker");
  await reporter.getByRole("button", { name: "Choose an image" }).click();
  await expect(reporter.getByRole("dialog").getByRole("listitem").first()).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  const box = await reporter.getByRole("dialog").boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
});
