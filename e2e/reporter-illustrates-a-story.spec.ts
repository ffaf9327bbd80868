import { expect, test } from "./fixtures";
import { expectLoadedImage, pngOf, uniqueTag, uploaded } from "./media-support";
import { bodyEditor, caretToEnd, pageAs, saveState, slugOf, uniqueHeadline } from "./support";

test("a reporter uploads a featured image from the article form and puts a library image in the text", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const tag = uniqueTag("quay");
  // One image already in the library, for the text.
  const inline = await uploaded(reporter, { name: `${tag}-crane.png`, mimeType: "image/png", buffer: await pngOf(1200, 800) }, `The ${tag} crane at dusk`);

  const headline = uniqueHeadline("Quay cranes come down after sixty years");
  await reporter.goto("/desk/articles/new");
  await reporter.getByLabel("Headline").fill(headline);
  await reporter.getByLabel("Dateline").fill("HARBOURTON");
  await bodyEditor(reporter).click();
  await reporter.keyboard.insertText("The last of the old cranes on the east quay was lowered on Friday.");

  // The featured image: uploaded right here, from the form.
  const featured = reporter.getByRole("group", { name: "Featured image" });
  await featured.getByRole("button", { name: "Choose an image" }).click();
  const dialog = reporter.getByRole("dialog", { name: "Choose an image for Featured image" });
  await dialog.getByText("Upload a new image").click();
  await dialog.getByLabel("Image", { exact: true }).setInputFiles({ name: `${tag}-quay.png`, mimeType: "image/png", buffer: await pngOf(1600, 900) });
  await dialog.getByLabel("Alt text").fill(`Workers watch the ${tag} crane lowered onto a barge`);
  await dialog.getByLabel("Caption").fill("The crane was built in 1964.");
  await dialog.getByLabel("Credit").fill("Mira Santos");
  await dialog.getByRole("button", { name: "Upload and choose" }).click();
  await expect(dialog).toBeHidden();
  await expect(reporter.getByLabel("Image alt text")).toHaveValue(`Workers watch the ${tag} crane lowered onto a barge`);
  await reporter.getByLabel("Image caption").fill("The crane was built in 1964 and lifted its last container in May.");

  // A library image in the text, with its caption and credit.
  await bodyEditor(reporter).click();
  await caretToEnd(reporter);
  await reporter.getByRole("button", { name: "Image", exact: true }).click();
  const insert = reporter.getByRole("group", { name: "Image to insert" });
  await insert.getByRole("button", { name: "Choose an image" }).click();
  const library = reporter.getByRole("dialog", { name: "Choose an image for Image to insert" });
  await library.getByLabel("Search the library").fill(`${tag}-crane`);
  await library.getByLabel("Search the library").press("Enter");
  await library.getByRole("button", { name: `The ${tag} crane at dusk` }).click();
  await expect(bodyEditor(reporter).locator("figure img")).toHaveAttribute("alt", `The ${tag} crane at dusk`);

  await reporter.getByRole("button", { name: "Save" }).click();
  await expect(reporter).toHaveURL(/\/desk\/articles\/[^/?]+\?created=1$/);
  await expect(saveState(reporter)).toHaveText("Saved");
  await reporter.reload();
  await expect(reporter.getByLabel("Image caption")).toHaveValue("The crane was built in 1964 and lifted its last container in May.");
  await expectLoadedImage(bodyEditor(reporter).locator("figure img"));
  await reporter.getByRole("button", { name: "Submit for review" }).click();
  await expect(reporter.locator(".status-line .status").first()).toHaveText("In review");
  const id = new URL(reporter.url()).pathname.split("/").pop()!;

  const editor = await pageAs(browser, "editor", `/desk/articles/${id}/preview`);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Published");

  // Readers get the featured image with this article's caption and its credit...
  const reader = await browser.newPage();
  await reader.goto(`/city/${slugOf(headline)}`);
  const lead = reader.locator("article figure.featured-image");
  await expect(lead.locator("img")).toHaveAttribute("alt", `Workers watch the ${tag} crane lowered onto a barge`);
  await expect(lead.locator("figcaption")).toHaveText("The crane was built in 1964 and lifted its last container in May. Mira Santos");
  await expectLoadedImage(lead.locator("img"));
  // ...and the image in the text at a size for their screen, from our own media address.
  const figure = reader.locator("article .body figure.inline-image");
  const picture = figure.locator("img");
  await expect(picture).toHaveAttribute("alt", `The ${tag} crane at dusk`);
  await expect(picture).toHaveAttribute("src", new RegExp(`^/media/${inline.storageKey}/\\d+\\.webp$`));
  await expect(picture).toHaveAttribute("srcset", /480w/);
  await expect(picture).toHaveAttribute("width", "1200");
  await expectLoadedImage(picture);
});
