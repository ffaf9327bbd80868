/**
 * The newspaper's settings show on every page, so this journey runs alone after all the others
 * (the "settings" project in playwright.config.ts) and puts everything back as it found it.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { formatLongDate, formatShortDate } from "../lib/time/format";
import { pageAs, slugOf, storyBody, uniqueHeadline, writeArticle } from "./support";

test.describe.configure({ mode: "serial" });

const original = { newspaperName: "The Harbour Gazette", timeZone: "UTC" };

async function saveSettings(admin: Page, settings: { newspaperName: string; timeZone: string }) {
  await admin.goto("/desk/settings");
  await admin.getByLabel("Newspaper name").fill(settings.newspaperName);
  await admin.getByLabel("Time zone").selectOption(settings.timeZone);
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByRole("region", { name: "The newspaper" }).getByRole("status")).toHaveText(
    "Saved. Every page now uses these settings.",
  );
}

/** A zone where `instant` falls on another calendar day than in UTC: one of these two always does. */
function zoneWithAnotherDay(instant: Date): string {
  return formatShortDate(instant, "Pacific/Kiritimati") !== formatShortDate(instant, "UTC")
    ? "Pacific/Kiritimati"
    : "Pacific/Pago_Pago";
}

test("an admin renames the newspaper and moves it to another time zone; readers see both under every story", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  const headline = uniqueHeadline("Lantern festival lights the quay");
  const id = await writeArticle(admin, { headline, dateline: "HARBOURTON", body: storyBody("lantern festival") });
  expect((await admin.request.post(`/api/articles/${id}/transitions`, { data: { action: "publish" } })).status()).toBe(200);

  const reader = await browser.newPage();
  await reader.goto(`/city/${slugOf(headline)}`);
  const publishedAt = new Date((await reader.locator("article .published time").getAttribute("datetime"))!);
  await expect(reader.locator(".print-line")).toHaveText(
    `Published in The Harbour Gazette, ${formatLongDate(publishedAt, "UTC")}`,
  );
  const zone = zoneWithAnotherDay(publishedAt);

  try {
    // A nameless newspaper is refused beside the field; the chosen zone stays chosen.
    await admin.goto("/desk/settings");
    await admin.getByLabel("Newspaper name").fill("   ");
    await admin.getByLabel("Time zone").selectOption(zone);
    await admin.getByRole("button", { name: "Save settings" }).click();
    await expect(admin.getByText("Give the newspaper's name.")).toBeVisible();
    await expect(admin.getByLabel("Time zone")).toHaveValue(zone);
    await reader.reload();
    await expect(reader.locator(".masthead-name")).toHaveText("The Harbour Gazette");

    await saveSettings(admin, { newspaperName: "The Evening Lantern", timeZone: zone });
    await reader.reload();
    await expect(reader.locator(".masthead-name")).toHaveText("The Evening Lantern");
    await expect(reader.locator(".print-line")).toHaveText(
      `Published in The Evening Lantern, ${formatLongDate(publishedAt, zone)}`,
    );
    await expect(reader.locator("article .published time")).toHaveText(formatShortDate(publishedAt, zone));
  } finally {
    await saveSettings(admin, original);
  }
  await reader.reload();
  await expect(reader.locator(".print-line")).toHaveText(
    `Published in The Harbour Gazette, ${formatLongDate(publishedAt, "UTC")}`,
  );
  await expect(reader.locator("article .published time")).toHaveText(formatShortDate(publishedAt, "UTC"));
});

test("an admin adds, renames, reorders and deletes a section, and its address never changes", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const name = `Science ${tag}`;
  const slug = `science-${tag}`;
  const renamed = `Science and Health ${tag}`;
  await admin.goto("/desk/settings");
  const sections = admin.getByRole("region", { name: "Sections" });
  const item = (label: string) => sections.locator(".section-item").filter({ hasText: label });
  const order = () => sections.locator(".section-item strong").allTextContents();
  const newSection = sections.getByLabel("New section");

  await newSection.fill(name);
  await sections.getByRole("button", { name: "Add section" }).click();
  await expect(item(name)).toContainText(`/${slug}`);
  await expect(newSection).toHaveValue("");
  const reader = await browser.newPage();
  expect((await reader.goto(`/${slug}`))?.status()).toBe(200);
  await expect(reader.getByRole("navigation", { name: "Sections" }).getByRole("link", { name })).toHaveAttribute(
    "href",
    `/${slug}`,
  );

  // Taken and reserved addresses are refused beside the name, which stays as typed.
  for (const [typed, reason] of [
    [name, `There is already a section at “/${slug}”`],
    ["Search", "is already a page of the site"],
    ["Opinion", "is already a page of the site"],
    ["Media", "“/media” is already a page of the site"],
    ["Withdrawn", "“/withdrawn” is already a page of the site"],
  ] as const) {
    await newSection.fill(typed);
    await sections.getByRole("button", { name: "Add section" }).click();
    await expect(sections.locator(".field-error")).toContainText(reason);
    await expect(newSection).toHaveValue(typed);
  }

  await item(name).getByRole("button", { name: `Rename ${name}` }).click();
  await sections.getByLabel(`New name for ${name}`).fill(renamed);
  await sections.getByRole("button", { name: "Save name" }).click();
  await expect(item(renamed)).toContainText(`/${slug}`);
  expect((await reader.goto(`/${slug}`))?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(renamed);

  const before = await order();
  expect(before.at(-1)).toBe(renamed);
  await item(renamed).getByRole("button", { name: `Move up ${renamed}` }).click();
  await expect.poll(order).toEqual([...before.slice(0, -2), renamed, before.at(-2)]);
  await reader.reload();
  const nav = reader.getByRole("navigation", { name: "Sections" }).getByRole("link");
  await expect(nav).toHaveText([...before.slice(0, -2), renamed, before.at(-2)!]);
  await item(renamed).getByRole("button", { name: `Move down ${renamed}` }).click();
  await expect.poll(order).toEqual(before);

  // A section with articles stays, with the reason; re-read to prove it.
  await item("City").getByRole("button", { name: "Delete City" }).click();
  await expect(item("City").getByRole("status")).toContainText("City cannot be deleted:");
  await admin.reload();
  await expect(item("City")).toHaveCount(1);
  expect((await reader.goto("/city"))?.status()).toBe(200);

  await item(renamed).getByRole("button", { name: `Delete ${renamed}` }).click();
  await expect(item(renamed)).toHaveCount(0);
  await expect.poll(order).toEqual(before.slice(0, -1));
  expect((await reader.goto(`/${slug}`))?.status()).toBe(404);
});

test("an admin asks reporters for a second factor too: a new reporter is sent to set one up, the demo reporter is not", async ({
  browser,
}) => {
  test.slow();
  const admin = await pageAs(browser, "admin");
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const rosa = { name: `Rosa Lind ${tag}`, email: `rosa.${tag}@paper.example`, password: `quayside-morning-${tag}` };
  await admin.goto("/desk/users");
  const form = admin.getByRole("region", { name: "Add a user" });
  await form.getByLabel("Name", { exact: true }).fill(rosa.name);
  await form.getByLabel("Email", { exact: true }).fill(rosa.email);
  await form.getByLabel("Initial password").fill(rosa.password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toHaveText(`Added ${rosa.name} (${rosa.email}) as a reporter.`);

  const rosasDesk = await (await browser.newContext()).newPage();
  await rosasDesk.goto("/login");
  await rosasDesk.getByLabel("Email").fill(rosa.email);
  await rosasDesk.getByLabel("Password").fill(rosa.password);
  await rosasDesk.getByRole("button", { name: "Sign in" }).click();
  await expect(rosasDesk).toHaveURL(/\/desk$/);

  const setting = async (on: boolean) => {
    await admin.goto("/desk/settings");
    await admin.getByLabel("Reporters need a second factor too").setChecked(on);
    await admin.getByRole("button", { name: "Save settings" }).click();
    await expect(admin.getByRole("region", { name: "The newspaper" }).getByRole("status")).toHaveText(
      "Saved. Every page now uses these settings.",
    );
    await admin.reload();
    await expect(admin.getByLabel("Reporters need a second factor too")).toBeChecked({ checked: on });
  };
  try {
    await setting(true);
    await rosasDesk.reload();
    await expect(rosasDesk).toHaveURL(/\/desk\/account\/second-factor$/);
    await expect(rosasDesk.getByRole("heading", { name: "Set up a second factor" })).toBeVisible();
    const demoReporter = await pageAs(browser, "reporter");
    await expect(demoReporter.getByRole("heading", { level: 1, name: "My articles" })).toBeVisible();
  } finally {
    await setting(false);
  }
  await rosasDesk.goto("/desk");
  await expect(rosasDesk).toHaveURL(/\/desk$/);
});
