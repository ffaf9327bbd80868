import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { captureServerAction, newcomer, pageAs, setUpSecondFactor, typeSignIn } from "./support";

// Each sign-in and each new password is a deliberately slow bcrypt hash; journeys that sign several
// people in get the longer timeout on a busy machine.
const signsInSeveralPeople = () => test.slow();

const genericSignInFailure = "That email and password do not match an active account.";

const addUserForm = (page: Page) => page.getByRole("region", { name: "Add a user" });
const staffRow = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

async function addUser(page: Page, person: { name: string; email: string; password: string }, role = "Reporter") {
  await page.goto("/desk/users");
  const form = addUserForm(page);
  await form.getByLabel("Name", { exact: true }).fill(person.name);
  // Typed in capitals on purpose: accounts are kept lower-case.
  await form.getByLabel("Email", { exact: true }).fill(person.email.toUpperCase());
  await form.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await form.getByLabel("Initial password").fill(person.password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toHaveText(`Added ${person.name} (${person.email}) as a ${role.toLowerCase()}.`);
  await expect(staffRow(page, person.email)).toContainText("Active");
}

/** Signs in from a fresh browser (its own cookies); returns the page wherever sign-in left it. */
async function signInAs(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await typeSignIn(page, email, password);
  return page;
}

test("an admin adds a reporter who signs in; deactivated, their open session ends and they cannot sign in again", async ({
  browser,
}) => {
  signsInSeveralPeople();
  const admin = await pageAs(browser, "admin");
  const mira = newcomer("Mira", "Santos");
  await addUser(admin, mira);
  await expect(staffRow(admin, mira.email).getByLabel(`Role of ${mira.name}`)).toHaveValue("reporter");

  const reporter = await signInAs(browser, mira.email, mira.password);
  await expect(reporter).toHaveURL(/\/desk$/);
  await expect(reporter.getByRole("heading", { level: 1, name: "My articles" })).toBeVisible();
  await expect(reporter.locator(".desk-user")).toContainText(mira.name);

  await staffRow(admin, mira.email).getByRole("button", { name: `Deactivate ${mira.name}` }).click();
  await expect(staffRow(admin, mira.email).getByRole("status")).toHaveText(`${mira.name} can no longer sign in.`);
  await expect(staffRow(admin, mira.email)).toContainText("Deactivated");

  // Her cookie is still valid, but the desk re-reads the account on every request.
  await reporter.goto("/desk");
  await expect(reporter).toHaveURL(/\/login/);
  await reporter.getByLabel("Email").fill(mira.email);
  await reporter.getByLabel("Password").fill(mira.password);
  await reporter.getByRole("button", { name: "Sign in" }).click();
  await expect(reporter.locator(".form-error")).toHaveText(genericSignInFailure);
  await expect(reporter).toHaveURL(/\/login/);

  // Reactivated, she signs in with the password she had.
  await staffRow(admin, mira.email).getByRole("button", { name: `Reactivate ${mira.name}` }).click();
  await expect(staffRow(admin, mira.email)).toContainText("Active");
  const back = await signInAs(browser, mira.email, mira.password);
  await expect(back).toHaveURL(/\/desk$/);
});

test("an admin makes someone an editor: their open session ends, and they sign in again as an editor", async ({ browser }) => {
  signsInSeveralPeople();
  const admin = await pageAs(browser, "admin");
  const omar = newcomer("Omar", "Santos");
  await addUser(admin, omar);
  const omarsDesk = await signInAs(browser, omar.email, omar.password);
  await expect(omarsDesk.getByRole("heading", { level: 1, name: "My articles" })).toBeVisible();

  const row = staffRow(admin, omar.email);
  await row.getByLabel(`Role of ${omar.name}`).selectOption("editor");
  await row.getByRole("button", { name: `Change role of ${omar.name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${omar.name} is now an editor.`);

  // A role change ends every session of theirs (lib/auth/session-rules.ts): the next page is the
  // sign-in. Signing in again as an editor, he must first set up the second factor editors need.
  await omarsDesk.reload();
  await expect(omarsDesk).toHaveURL(/\/login/);
  const again = await signInAs(browser, omar.email, omar.password);
  await expect(again).toHaveURL(/\/desk\/account\/second-factor$/);
  await expect(again.locator(".desk-user")).toContainText("(editor)");
  await setUpSecondFactor(again);
  await expect(again.getByRole("heading", { name: "Review queue" })).toBeVisible();
});

test("an editor finds no users or settings screens, and a crafted users action changes nothing", async ({ browser }) => {
  signsInSeveralPeople();
  const editor = await pageAs(browser, "editor");
  await expect(editor.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  for (const path of ["/desk/users", "/desk/settings"]) {
    const response = await editor.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(editor.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }

  // Capture the admin's real Deactivate request without letting it reach the server.
  const admin = await pageAs(browser, "admin");
  const lena = newcomer("Lena", "Santos");
  await addUser(admin, lena);
  const replay = await captureServerAction(admin, async () => {
    await staffRow(admin, lena.email).getByRole("button", { name: `Deactivate ${lena.name}` }).click();
  });

  const refused = await replay(editor);
  expect(await refused.text()).toContain("You may not manage users.");
  await admin.reload();
  await expect(staffRow(admin, lena.email)).toContainText("Active");
  await expect(await signInAs(browser, lena.email, lena.password)).toHaveURL(/\/desk$/);

  // The captured request was a real deactivation: replayed by the admin, it deactivates.
  await replay(admin);
  await admin.reload();
  await expect(staffRow(admin, lena.email)).toContainText("Deactivated");
});

test("a new user with mistakes shows what to fix beside each field and keeps what was typed", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const kept = newcomer("Kept", "Santos");
  await admin.goto("/desk/users");
  const form = addUserForm(admin);
  const name = form.getByLabel("Name", { exact: true });
  const email = form.getByLabel("Email", { exact: true });
  const password = form.getByLabel("Initial password");

  await email.fill(kept.email);
  await password.fill("short");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.locator(".field-error")).toHaveText(["Give the person's name.", "Use at least 12 characters."]);
  await expect(form.getByRole("status")).toHaveText("Some fields need attention.");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(email).not.toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveValue(kept.email);
  await expect(password).toHaveValue("short");

  // An email someone already has is a mistake in the email field, whatever its case.
  await name.fill(kept.name);
  await email.fill("Admin@Example.com");
  await password.fill(kept.password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.locator(".field-error")).toHaveText(["Someone already has an account with this email."]);
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveValue(kept.name);

  await admin.reload();
  await expect(admin.getByRole("row").filter({ hasText: kept.name })).toHaveCount(0);
  await expect(admin.getByRole("row").filter({ hasText: "admin@example.com" })).toHaveCount(1);
});
