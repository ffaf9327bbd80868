import sharp from "sharp";
import { expect, test } from "./fixtures";
import { seriousViolations, signIn } from "./support";

// One test a page: axe takes 3 s a page here, and up to 8 s on a busy machine, where eight pages in
// one test ran past its minute.
const readerPages = ["/", "/opinion", "/city", "the lead story", "/search?q=harbour", "/corrections", "/city/no-such-story", "/tags/no-such-topic"];
for (const scheme of ["light", "dark"] as const) {
  for (const path of readerPages) {
    test(`the reader's page ${path} has no serious accessibility violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      let address = path;
      if (path === "the lead story") {
        await page.goto("/");
        address = (await page.getByRole("region", { name: "Lead story" }).getByRole("link").getAttribute("href"))!;
      }
      await page.goto(address);
      expect(await seriousViolations(page), address).toEqual([]);
    });
  }
}

test("the desk's main screens have no serious accessibility violations", async ({ page }) => {
  // Five screens checked in turn, each 3 s here and up to 14 s on a busy CI machine.
  test.slow();
  await page.goto("/login");
  expect(await seriousViolations(page), "/login").toEqual([]);
  await signIn(page, "editor");
  expect(await seriousViolations(page), "/desk").toEqual([]);
  await page.goto("/desk/articles/new");
  // The rich-text editor mounts once the page is interactive; check it with its panels open.
  await expect(page.getByRole("textbox", { name: "Body", exact: true })).toBeVisible();
  await page.getByText("Address, search and social").click();
  await page.getByLabel("Tags", { exact: true }).fill("Harbour");
  await page.getByLabel("Tags", { exact: true }).press("Enter");
  await page.getByRole("button", { name: "Link", exact: true }).click();
  expect(await seriousViolations(page), "/desk/articles/new").toEqual([]);
  // With at least one image, so a card and its edit form are checked too.
  const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: "#12355b" } }).png().toBuffer();
  const upload = await page.request.post("/api/media", {
    multipart: { file: { name: "axe-check.png", mimeType: "image/png", buffer: png }, alt: "A plain blue test card", credit: "Newsdesk" },
  });
  expect(upload.status()).toBe(200);
  await page.goto("/desk/media");
  await page.getByText("Edit details").first().click();
  expect(await seriousViolations(page), "/desk/media").toEqual([]);
  await page.goto("/desk/media/picker");
  await page.getByRole("button", { name: "Choose an image" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page), "/desk/media/picker, dialog open").toEqual([]);
});

test("the front page and an article are usable in a 360 px wide window", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("region", { name: "Lead story" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
