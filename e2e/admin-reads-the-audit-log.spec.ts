import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addStaffMember, type Newcomer, newcomer, pageAs, seriousViolations } from "./support";

// Each sign-in and each new password is a deliberately slow bcrypt hash.
const signsInSeveralPeople = () => test.slow();

const staffRow = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });
const filters = (page: Page) => page.getByRole("search", { name: "Filter the audit log" });
const entryRow = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });

async function addReporter(admin: Page, person: Newcomer) {
  await addStaffMember(admin, person, "reporter");
  await expect(staffRow(admin, person.email)).toContainText("Active");
}

test("an admin changes a role, then finds it in the audit log by kind and by person, and in the CSV export", async ({ browser }) => {
  signsInSeveralPeople();
  const admin = await pageAs(browser, "admin");
  const sam = newcomer("Sam", "Audit");
  await addReporter(admin, sam);
  const row = staffRow(admin, sam.email);
  await row.getByLabel(`Role of ${sam.name}`).selectOption("editor");
  await row.getByRole("button", { name: `Change role of ${sam.name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${sam.name} is now an editor.`);

  const summary = `Changed ${sam.name}'s role from reporter to editor`;
  await admin.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Audit log" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  // By kind.
  await filters(admin).getByLabel("Kind").selectOption({ label: "Role changed" });
  await filters(admin).getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/[?&]kind=role_changed/);
  const entry = entryRow(admin, summary);
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("Ada Okafor");
  await expect(entry).toContainText("Role changed");
  // From which address: the browser's, as our server saw it (loopback here).
  await expect(entry.getByRole("cell").nth(4)).toHaveText(/^(127\.0\.0\.1|::1)$/);
  await expect(admin.getByRole("row").filter({ hasText: "Added " })).toHaveCount(0);
  expect(await seriousViolations(admin), "/desk/audit").toEqual([]);

  // By person, and only that person's entries.
  await filters(admin).getByLabel("Kind").selectOption({ label: "Every kind" });
  await filters(admin).getByLabel("Person").selectOption({ label: "Ada Okafor (admin@example.com)" });
  await filters(admin).getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/[?&]actor=\w/);
  await expect(admin).not.toHaveURL(/kind=role_changed/);
  await expect(entryRow(admin, summary)).toHaveCount(1);
  await expect(entryRow(admin, `Added ${sam.name} (${sam.email}) as a reporter`)).toHaveCount(1);

  // The export downloads the same filtered entries.
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^newsdesk-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), "utf8");
  expect(csv.split("\r\n")[0]).toBe('\uFEFF"Time (UTC)","Time (newsroom)","Person","Email","Kind","Summary","Subject","Address","Detail"');
  const line = csv.split("\r\n").find((candidate) => candidate.includes(summary));
  expect(line).toBeDefined();
  expect(line).toContain('"Ada Okafor","admin@example.com","Role changed"');
  expect(line).toContain('""before"":{""role"":""reporter""}');
});

// Depends on the sign-in work (identity branch) writing `sign_in_failed` entries; this branch
// writes a minimal one in lib/auth/sign-in.ts.
test("a failed sign-in shows on the audit page with the email typed, under nobody signed in", async ({ browser }) => {
  signsInSeveralPeople();
  const stranger = newcomer("Stranger", "Audit");
  const guesser = await (await browser.newContext()).newPage();
  await guesser.goto("/login");
  await guesser.getByLabel("Email").fill(stranger.email);
  await guesser.getByLabel("Password").fill("a-wrong-guess-123");
  await guesser.getByRole("button", { name: "Sign in" }).click();
  await expect(guesser.locator(".form-error")).toBeVisible();

  const admin = await pageAs(browser, "admin", "/desk/audit");
  await filters(admin).getByLabel("Kind").selectOption({ label: "Failed sign-in" });
  await filters(admin).getByLabel("Person").selectOption({ label: "Nobody signed in (failed sign-ins)" });
  await filters(admin).getByRole("button", { name: "Filter" }).click();
  const entry = entryRow(admin, stranger.email);
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("Failed sign-in");
  await expect(entry).toContainText("Nobody signed in");
});

test("a filter that cannot be read is named, what was typed stays, and no one else finds the log", async ({ browser }) => {
  signsInSeveralPeople();
  const admin = await pageAs(browser, "admin");
  const response = await admin.goto("/desk/audit?from=2026-02-30&to=2026-01-01&kind=role_changed");
  expect(response?.status()).toBe(200);
  await expect(filters(admin).getByLabel("From")).toHaveAttribute("aria-invalid", "true");
  await expect(filters(admin).locator(".field-error")).toHaveText(["Give a date as YYYY-MM-DD, e.g. 2026-03-29."]);
  await expect(filters(admin).getByLabel("Kind")).toHaveValue("role_changed");
  await expect(admin.getByRole("main").getByRole("alert")).toHaveText("Some filters need attention: fix them above to see the entries.");
  expect(await seriousViolations(admin), "/desk/audit with filter errors").toEqual([]);
  const badExport = await admin.request.get("/desk/audit/export?kind=drop_tables");
  expect(badExport.status()).toBe(422);
  expect(await badExport.json()).toMatchObject({ fieldErrors: { kind: ["Choose a kind from the list."] } });

  const editor = await pageAs(browser, "editor");
  await expect(editor.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  expect((await editor.goto("/desk/audit"))?.status()).toBe(404);
  const refused = await editor.request.get("/desk/audit/export");
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain("Time (UTC)");
});
