import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { receivedMail } from "./mail-server";
import { addStaffMember, newcomer, pageAs, seriousViolations, setUpSecondFactor, storyBody, submittedArticle, typeSignIn, uniqueHeadline, type Newcomer } from "./support";

// Sign-ins are deliberately slow bcrypt hashes, and this journey signs three people in.
test.setTimeout(180_000);

async function signedInAs(browser: Browser, person: Newcomer) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await typeSignIn(page, person.email, person.password);
  return page;
}

// The server under test sends to the run's SMTP server on 127.0.0.1 (playwright.config.ts, e2e/mail-server.ts).
const mailTo = (email: string, subject: RegExp) => receivedMail().find((message) => message.to.includes(email) && subject.test(message.subject));

test("a reporter submits and the editor hears at once, in the header and by email; the editor's request for changes leads the reporter to the note", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  const writer = newcomer("Tariq", "Notified");
  const reviewer = newcomer("Ines", "Notified");
  await addStaffMember(admin, writer, "reporter");
  await addStaffMember(admin, reviewer, "editor");

  // The new editor sets up a second factor, then chooses to hear only of the Sport section's submissions,
  // so the other journeys running alongside do not reach this header.
  const editor = await signedInAs(browser, reviewer);
  await setUpSecondFactor(editor);
  await editor.goto("/desk/account/notifications");
  await expect(editor.getByRole("note")).toContainText(`Email goes to ${reviewer.email}.`);
  await editor.getByRole("checkbox", { name: "Sport" }).check();
  await editor.getByRole("button", { name: "Save preferences" }).click();
  await expect(editor.getByRole("status")).toHaveText("Saved.");
  await editor.goto("/desk");
  const editorCount = editor.getByTestId("unread-count");
  await expect(editorCount).toHaveText("0");

  // The reporter submits a Sport story; the editor's header shows it without a reload.
  const reporter = await signedInAs(browser, writer);
  await expect(reporter).toHaveURL(/\/desk$/);
  const headline = uniqueHeadline("Harbour regatta moves to June");
  const id = await submittedArticle(reporter, { headline, dateline: "HARBOURTON", section: "Sport", body: storyBody("regatta") });
  await expect(editorCount).toHaveText("1");
  await expect(editor.getByRole("link", { name: "Notifications 1 unread" })).toBeVisible();

  // The email reached the editor: right recipient, subject and link.
  await expect.poll(() => mailTo(reviewer.email, /submitted for review/)?.subject, { timeout: 20_000 }).toContain(`${writer.name} submitted for review “${headline}”`);
  const submittedMail = mailTo(reviewer.email, /submitted for review/)!;
  expect(submittedMail.text).toMatch(new RegExp(`/desk/articles/${id}#event-[\\w-]+`));
  expect(submittedMail.headers["list-unsubscribe"]).toMatch(/\/desk\/account\/notifications>$/);

  // The editor opens the notification: it is read, and leads to the story.
  await editor.getByRole("link", { name: "Notifications 1 unread" }).click();
  await editor.getByRole("link", { name: `${writer.name} submitted for review “${headline}”` }).click();
  await expect(editor).toHaveURL(new RegExp(`/desk/articles/${id}#event-`));
  await expect(editorCount).toHaveText("0");

  // The editor asks for changes; the reporter's notification leads to the note.
  await editor.goto(`/desk/articles/${id}/preview`);
  await editor.getByLabel("Note to the reporter").fill("Add the harbour master's reason for the move.");
  await editor.getByRole("button", { name: "Request changes" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Changes requested");

  const reporterCount = reporter.getByTestId("unread-count");
  await expect(reporterCount).toHaveText("1");
  await reporter.getByRole("link", { name: "Notifications 1 unread" }).click();
  const notice = reporter.getByRole("listitem").filter({ hasText: `${reviewer.name} requested changes to “${headline}”` });
  await expect(notice).toContainText("Add the harbour master's reason for the move.");
  await notice.getByRole("link").click();
  await expect(reporter).toHaveURL(new RegExp(`/desk/articles/${id}#event-[\\w-]+$`));
  const anchor = new URL(reporter.url()).hash;
  await expect(reporter.locator(anchor)).toContainText("Add the harbour master's reason for the move.");
  await expect(reporterCount).toHaveText("0");

  await expect.poll(() => mailTo(writer.email, /requested changes/)?.subject, { timeout: 20_000 }).toContain(`${reviewer.name} requested changes to “${headline}”`);
  const changesMail = mailTo(writer.email, /requested changes/)!;
  expect(changesMail.text).toContain("Add the harbour master's reason for the move.");
  expect(changesMail.text).toContain(`/desk/articles/${id}${anchor}`);

  // Both new screens are usable by everyone.
  for (const path of ["/desk/notifications", "/desk/account/notifications"]) {
    await reporter.goto(path);
    expect(await seriousViolations(reporter), path).toEqual([]);
  }
});
