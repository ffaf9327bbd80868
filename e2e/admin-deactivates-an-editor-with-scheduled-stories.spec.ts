import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addStaffMember, newcomer, pageAs, seriousViolations, setUpSecondFactor, storyBody, typeSignIn, uniqueHeadline, writeArticle } from "./support";

const staffRow = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

async function signInAs(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await typeSignIn(page, email, password);
  // A new editor sets up the second factor the role needs before reaching the desk.
  await setUpSecondFactor(page);
  return page;
}

test("deactivating an editor first lists the stories they scheduled, which still go live", async ({ browser }) => {
  test.slow();
  const admin = await pageAs(browser, "admin");
  const nora = newcomer("Nora", "Leaving");
  await addStaffMember(admin, nora, "editor");
  await expect(staffRow(admin, nora.email)).toContainText("Active");

  const editor = await signInAs(browser, nora.email, nora.password);
  const headline = uniqueHeadline("Embargoed harbour report");
  const id = await writeArticle(editor, { headline, dateline: "HARBOURTON", body: storyBody("embargoed report") });
  await editor.getByLabel("Publish at (UTC)").fill("2099-03-03T09:00:00");
  await editor.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(editor.locator(".status-line .status").first()).toHaveText("Scheduled");

  // First press: nothing changes yet; the story is listed with a link.
  const row = staffRow(admin, nora.email);
  await row.getByRole("button", { name: `Deactivate ${nora.name}` }).click();
  const confirm = row.getByRole("group", { name: `${nora.name} scheduled a story. It will still go live at its time; an editor can cancel a schedule.` });
  await expect(confirm.getByRole("link", { name: headline })).toHaveAttribute("href", `/desk/articles/${id}`);
  await expect(confirm).toContainText("3 Mar, 2099 09:00");
  expect(await seriousViolations(admin), "/desk/users, scheduled stories listed").toEqual([]);
  await row.getByRole("button", { name: `Keep ${nora.name} active` }).click();
  await admin.reload();
  await expect(staffRow(admin, nora.email)).toContainText("Active");

  // Confirmed: deactivated, and the story keeps its schedule (decision 013).
  await staffRow(admin, nora.email).getByRole("button", { name: `Deactivate ${nora.name}` }).click();
  await staffRow(admin, nora.email).getByRole("button", { name: `Deactivate anyway ${nora.name}` }).click();
  await expect(staffRow(admin, nora.email).getByRole("status")).toHaveText(`${nora.name} can no longer sign in.`);
  await expect(staffRow(admin, nora.email)).toContainText("Deactivated");
  await admin.goto("/desk/articles?view=scheduled");
  await expect(admin.getByRole("row").filter({ hasText: headline })).toContainText("Scheduled");

  await admin.goto("/desk/audit?kind=user_deactivated");
  await expect(admin.getByRole("row").filter({ hasText: `Deactivated ${nora.name}; 1 story they scheduled will still go live` })).toHaveCount(1);
});
