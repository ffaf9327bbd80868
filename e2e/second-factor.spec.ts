import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { appCode, pageAs, seriousViolations, typeSignIn } from "./support";

/**
 * A new editor, who must have a second factor, sets one up from the secret the page shows, then
 * signs in with a code from "their app" (computed here, as an app would), and with a recovery code,
 * which works once. A person of this test's own (fixtures.ts), so the shared demo accounts stay
 * without a factor.
 */

const wrongCodeMessage = "That code is not right, or has been used.";


/** Six digits that are no code the app shows anywhere near now. */
function notACode(secret: string): string {
  const near = new Set([-90, -60, -30, 0, 30, 60, 90].map((offset) => appCode(secret, offset)));
  for (let candidate = 0; ; candidate += 111_111) {
    const digits = String(candidate % 1_000_000).padStart(6, "0");
    if (!near.has(digits)) return digits;
  }
}

async function typePassword(page: Page, person: { email: string; password: string }) {
  await page.goto("/login");
  await typeSignIn(page, person.email, person.password);
}

async function typeCode(page: Page, code: string) {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test("a new editor is sent to set up a second factor, then signs in with a code, and with a recovery code once", async ({ browser, people }) => {
  // Several bcrypt sign-ins on a shared machine.
  test.slow();
  const tomas = await people.add("editor", "Tomas", "Okoye");
  const admin = await pageAs(browser, "admin", "/desk/users");
  const row = admin.getByRole("row").filter({ hasText: tomas.email });
  await expect(row.getByRole("cell").nth(3)).toContainText("Off");

  // His password is right, but an editor needs a second factor: the desk sends him to set one up.
  const page = await (await browser.newContext()).newPage();
  await typePassword(page, tomas);
  await expect(page).toHaveURL(/\/desk\/account\/second-factor$/);
  await expect(page.getByRole("heading", { level: 1, name: "Second factor" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Desk" })).toHaveCount(0);
  await page.goto("/desk/articles");
  await expect(page).toHaveURL(/\/desk\/account\/second-factor$/);

  await expect(page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg")).toBeVisible();
  await expect(page.locator("code.totp-uri")).toContainText(`otpauth://totp/`);
  await expect(page.locator("code.totp-uri")).toContainText(encodeURIComponent(tomas.email));
  const secret = (await page.locator("code.totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(await seriousViolations(page), "set-up page").toEqual([]);

  const codeField = page.getByLabel("Code from your app");
  await codeField.fill(notACode(secret));
  await page.getByRole("button", { name: "Turn on second factor" }).click();
  await expect(page.locator(".field-error")).toContainText("That code is not right.");
  await codeField.fill(appCode(secret));
  await page.getByRole("button", { name: "Turn on second factor" }).click();

  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allInnerTexts();
  for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/);
  expect(await seriousViolations(page), "recovery codes").toEqual([]);
  await page.getByRole("link", { name: "I have kept them: continue to the desk" }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByRole("navigation", { name: "Desk" })).toBeVisible();
  await admin.reload();
  await expect(row.getByRole("cell").nth(3)).toContainText("On");
  await signOut(page);

  // Back again: the password alone is not enough now.
  await typePassword(page, tomas);
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  await expect(page.getByLabel("Authentication code")).toHaveAttribute("autocomplete", "one-time-code");
  await expect(page.getByLabel("Email")).toHaveValue(tomas.email);
  await expect(page.getByLabel("Password")).toHaveValue(tomas.password);
  await expect(page).toHaveURL(/\/login/);
  expect(await seriousViolations(page), "sign-in, asking for the code").toEqual([]);

  await typeCode(page, notACode(secret));
  await expect(page.locator(".form-error")).toHaveText(wrongCodeMessage);
  await expect(page).toHaveURL(/\/login/);

  // The code that confirmed the set-up was spent; the app's next one (a step ahead counts) signs in.
  await typeCode(page, appCode(secret, 30));
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.locator(".desk-user")).toContainText(tomas.name);

  // His own page: the factor is on, and an editor cannot remove it himself.
  await page.getByRole("link", { name: "Second factor" }).click();
  await expect(page.getByRole("heading", { name: "Your second factor is on" })).toBeVisible();
  await expect(page.getByText("10 of 10 recovery codes left.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove second factor" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Remove the second factor" })).toContainText("Your role needs a second factor");
  expect(await seriousViolations(page), "second factor on").toEqual([]);
  await signOut(page);

  // The phone is lost: a recovery code signs in, once.
  await typePassword(page, tomas);
  await page.getByRole("button", { name: "Type a recovery code" }).click();
  await typeCode(page, recoveryCodes[0]!);
  await expect(page).toHaveURL(/\/desk$/);
  await signOut(page);

  await typePassword(page, tomas);
  await typeCode(page, recoveryCodes[0]!);
  await expect(page.locator(".form-error")).toHaveText(wrongCodeMessage);
  await expect(page).toHaveURL(/\/login/);

  // Phone and codes both gone: an admin removes the factor, and his password alone leads him
  // straight back to setting up a new one.
  await admin.reload();
  await row.getByRole("button", { name: `Remove second factor of ${tomas.name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`Removed ${tomas.name}'s second factor.`);
  await expect(row.getByRole("cell").nth(3)).toContainText("Off");
  await typePassword(page, tomas);
  await expect(page).toHaveURL(/\/desk\/account\/second-factor$/);
  await expect(page.getByRole("heading", { name: "Set up a second factor" })).toBeVisible();
});
