import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newcomer, pageAs, seriousViolations, typeSignIn } from "./support";

/**
 * Sign-in guarded as an attacker would try it, and sessions that end when they should. Every test
 * has its own people (fixtures.ts: added through the admin's command, deactivated afterwards), so a
 * lock, a password change or an ended session never touches the demo accounts other journeys use.
 */

const genericSignInFailure = "That email and password do not match an active account.";

// Each sign-in and each new password is a deliberately slow bcrypt hash.
test.beforeEach(() => test.slow());

/** A fresh browser (its own cookies) signed in as `person`, on the desk. */
async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await typeSignIn(page, email, password);
  await expect(page).toHaveURL(/\/desk$/);
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to Newsdesk" })).toBeVisible();
}

test("the sixth guess is refused, even with the right password, and reads like a wrong password", async ({ browser, people }) => {
  const nora = await people.add("reporter", "Nora", "Guarded");

  const attacker = await (await browser.newContext()).newPage();
  await attacker.goto("/login");
  for (let guess = 1; guess <= 5; guess++) {
    await typeSignIn(attacker, nora.email, `guess number ${guess} here`);
    await expect(attacker.locator(".form-error")).toHaveText(genericSignInFailure);
    // A new message each time: wait for the form to be ready again.
    await expect(attacker.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }

  const answer = attacker.waitForResponse((response) => response.url().endsWith("/api/auth/callback/credentials"));
  await typeSignIn(attacker, nora.email, nora.password);
  const refused = await answer;
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(14 * 60);
  await expect(attacker.locator(".form-error")).toHaveText(`${genericSignInFailure} Too many attempts: try again in 15 minutes.`);
  await expect(attacker).toHaveURL(/\/login/);

  // An email nobody has is locked out exactly alike: the lock says nothing about the account.
  const ghost = newcomer("Ghost", "Guarded");
  for (let guess = 1; guess <= 5; guess++) {
    await typeSignIn(attacker, ghost.email, `guess number ${guess} here`);
    await expect(attacker.locator(".form-error")).toHaveText(genericSignInFailure);
    await expect(attacker.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await typeSignIn(attacker, ghost.email, ghost.password);
  await expect(attacker.locator(".form-error")).toHaveText(`${genericSignInFailure} Too many attempts: try again in 15 minutes.`);
});

test("a password change signs out another browser, and this one stays in", async ({ browser, people }) => {
  const olek = await people.add("reporter", "Olek", "Guarded");
  const laptop = await signedIn(browser, olek.email, olek.password);
  const phone = await signedIn(browser, olek.email, olek.password);

  await laptop.getByRole("link", { name: /Your account/ }).click();
  await expect(laptop.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  expect(await seriousViolations(laptop), "/desk/account").toEqual([]);
  const newPassword = `${olek.password}-renewed`;
  // A weak new password is refused beside its field, and what was typed stays.
  await laptop.getByLabel("Current password").fill(olek.password);
  await laptop.getByLabel("New password").fill("qwerty123456");
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.locator(".field-error")).toHaveText("That password is too common or too easy to guess. Try a few unrelated words together.");
  await expect(laptop.getByLabel("Current password")).toHaveValue(olek.password);

  await laptop.getByLabel("New password").fill(newPassword);
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByRole("status").filter({ hasText: "Your password is changed" })).toBeVisible();

  await expectSignedOut(phone);
  await laptop.goto("/desk");
  await expect(laptop.getByRole("heading", { level: 1, name: "My articles" })).toBeVisible();

  // The old password no longer opens the desk; the new one does.
  await typeSignIn(phone, olek.email, olek.password);
  await expect(phone.locator(".form-error")).toHaveText(genericSignInFailure);
  await typeSignIn(phone, olek.email, newPassword);
  await expect(phone).toHaveURL(/\/desk$/);
});

test("sign out everywhere ends another browser's session; sign out ends the session on the server", async ({ browser, people }) => {
  const pia = await people.add("reporter", "Pia", "Guarded");
  const office = await signedIn(browser, pia.email, pia.password);
  const home = await signedIn(browser, pia.email, pia.password);

  await office.goto("/desk/account");
  await expect(office.getByRole("region", { name: "Where you are signed in" }).getByRole("listitem")).toHaveCount(2);
  await office.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(office).toHaveURL(/\/login/);
  await expectSignedOut(office);
  await expectSignedOut(home);

  // Sign out: a copy of the cookie taken before signing out no longer works afterwards.
  const desk = await signedIn(browser, pia.email, pia.password);
  const cookies = await desk.context().cookies();
  await desk.getByRole("button", { name: "Sign out" }).click();
  await expect(desk).toHaveURL(/\/login/);
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  await expectSignedOut(await thief.newPage());
});

test("an admin's reset ends the person's session and makes them choose a new password at their next sign-in", async ({ browser, people }) => {
  const quin = await people.add("reporter", "Quin", "Guarded");
  const admin = await pageAs(browser, "admin");
  const desk = await signedIn(browser, quin.email, quin.password);

  await admin.goto("/desk/users");
  const reset = admin.getByRole("region", { name: "Reset a password" });
  await reset.getByLabel("Person").selectOption({ label: `${quin.name} (${quin.email})` });
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(reset.getByRole("status")).toHaveText(
    `${quin.name}'s password is reset and their sessions have ended. They choose a new one when they sign in.`,
  );
  const temporary = (await reset.locator(".made-password code").textContent()) ?? "";
  expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  expect(await seriousViolations(admin), "/desk/users after a reset").toEqual([]);

  await expectSignedOut(desk);
  await typeSignIn(desk, quin.email, quin.password);
  await expect(desk.locator(".form-error")).toHaveText(genericSignInFailure);
  await typeSignIn(desk, quin.email, temporary);
  await expect(desk).toHaveURL(/\/desk\/account$/);
  await expect(desk.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  expect(await seriousViolations(desk), "/desk/account, forced change").toEqual([]);

  // Every other desk page sends them back here until they have chosen one.
  await desk.goto("/desk/articles/new");
  await expect(desk).toHaveURL(/\/desk\/account$/);

  await desk.getByLabel("Temporary password").fill(temporary);
  await desk.getByLabel("New password").fill(`${quin.password}-mine`);
  await desk.getByRole("button", { name: "Change password" }).click();
  await expect(desk).toHaveURL(/\/desk$/);
  await expect(desk.getByRole("heading", { level: 1, name: "My articles" })).toBeVisible();
});

test("before the page's script has run no control can be changed, so a form never sends something other than what it shows", async ({ browser }) => {
  const scripts = "**/_next/static/chunks/**";
  const admin = await pageAs(browser, "admin");
  await admin.route(scripts, (route) => route.abort());
  await admin.goto("/desk/users");
  const reset = admin.getByRole("region", { name: "Reset a password" });
  // Server HTML only: the person cannot be picked yet, and no one is picked for them.
  await expect(reset.getByLabel("Person")).toBeDisabled();
  await expect(reset.getByLabel("Person")).toHaveValue("");
  await expect(reset.getByLabel("Temporary password")).toBeDisabled();
  await expect(reset.getByRole("button", { name: "Reset password" })).toBeDisabled();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.route(scripts, (route) => route.abort());
  await visitor.goto("/login");
  await expect(visitor.getByLabel("Email")).toBeDisabled();
  await expect(visitor.getByLabel("Password")).toBeDisabled();

  // With its script, the page is usable, and a reset still waits for someone to be chosen.
  await admin.unroute(scripts);
  await admin.reload();
  await expect(reset.getByLabel("Person")).toBeEnabled();
  await expect(reset.getByRole("button", { name: "Reset password" })).toBeDisabled();
  await visitor.unroute(scripts);
  await visitor.reload();
  await expect(visitor.getByLabel("Email")).toBeEnabled();
});
