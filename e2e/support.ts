/**
 * What the journeys share: signing in as a demo role, and a reporter's article made through the
 * desk exactly as a person would (no shortcuts into the database).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Cookie, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

export const demoPassword = "newsdesk-demo";
export type Role = "reporter" | "editor" | "admin";

/** Signs in through the form, as a person does: a session of its own, which the journey may end. */
export async function signIn(page: Page, role: Role) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(`${role}@example.com`);
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  // A deliberately slow password hash, then the desk's first render: on a busy 2-core machine
  // that once took longer than the 10 s an ordinary expectation waits.
  await expect(page).toHaveURL(/\/desk$/, { timeout: 30_000 });
}

/**
 * Each test worker's demo sessions, one per newspaper and role: its cookies only (never the
 * device's storage, where the desk keeps unsaved text). Signing in through the form is tested on
 * its own; repeated for every browser a journey opens, it cost a cold login page, a password hash
 * and the desk's first render each time (two sign-ins were 7.8 s of a 23 s journey).
 */
const demoSessions = new Map<string, Cookie[]>();

/**
 * A new page in its own browser context (its own cookies, storage and cache), signed in as `role`
 * and opened at `path` (the desk by default). The first call for a role in this worker signs in
 * through the form; later ones reuse that session, and sign in again if it has ended.
 */
export async function pageAs(browser: Browser, role: Role, path = "/desk"): Promise<Page> {
  const key = `${test.info().project.use.baseURL}|${role}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const cookies = demoSessions.get(key);
  if (cookies) {
    await context.addCookies(cookies);
    await page.goto(path);
    if (!new URL(page.url()).pathname.startsWith("/login")) return page;
    demoSessions.delete(key);
    await context.clearCookies();
  }
  await signIn(page, role);
  demoSessions.set(key, await context.cookies());
  if (path !== "/desk") await page.goto(path);
  return page;
}

/** A headline no other test uses, in plain words so its slug is predictable. */
export function uniqueHeadline(words: string): string {
  return `${words} ${Date.now().toString(36)} ${Math.random().toString(36).slice(2, 7)}`;
}

export function slugOf(headline: string): string {
  return headline.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export type Draft = { headline: string; dateline: string; body: string; section?: string; kind?: string; tags?: string[] };

export const saveState = (page: Page) => page.locator(".save-state");

/**
 * The article's newest saved version, read from its revisions page in a side tab of the same
 * session. A crafted save must build on it: the form may have saved itself more than once
 * (a new article autosaves as soon as it has a headline), so the version is never assumed.
 */
export async function savedVersion(page: Page, id: string): Promise<number> {
  await expect(saveState(page)).toHaveText("Saved");
  const side = await page.context().newPage();
  await side.goto(`/desk/articles/${id}/revisions`);
  const newest = await side.getByRole("rowheader").first().textContent();
  await side.close();
  const version = Number(/Revision (\d+)/.exec(newest ?? "")?.[1]);
  expect(version, `newest revision of ${id}: ${newest}`).toBeGreaterThan(0);
  return version;
}

/** The rich-text editor, found as assistive technology finds it: a text box named "Body". */
export const bodyEditor = (page: Page) => page.getByRole("textbox", { name: "Body", exact: true });

/** The body's text, its blocks separated by blank lines (as the tests write it). */
export async function bodyText(page: Page): Promise<string> {
  return bodyEditor(page).evaluate((editor) =>
    [...editor.children].map((block) => (block as HTMLElement).innerText.trim()).filter(Boolean).join("\n\n"),
  );
}

/** Replaces the body's text as a writer would type it: a new paragraph (Enter) for each blank line. */
export async function fillBody(page: Page, text: string) {
  const editor = bodyEditor(page);
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  for (const [index, paragraph] of text.split(/\n\s*\n/).entries()) {
    if (index > 0) await page.keyboard.press("Enter");
    await page.keyboard.insertText(paragraph);
  }
  await expect.poll(() => bodyText(page)).toBe(text.split(/\n\s*\n/).join("\n\n"));
}

/**
 * Puts the caret at the very end of the body, as a writer would before typing on. Not by a click
 * (it lands wherever the pointer is) nor by End or Ctrl+End: the editor learns of a caret moved by
 * keys a moment later, and a key pressed before then acts on the old selection.
 */
export async function caretToEnd(page: Page) {
  await bodyEditor(page).evaluate((element) => {
    const selection = window.getSelection()!;
    selection.selectAllChildren(element);
    selection.collapseToEnd();
  });
  await expect.poll(() => page.evaluate(() => window.getSelection()?.isCollapsed)).toBe(true);
}

/** Adds a paragraph at the end of the body. */
export async function appendParagraph(page: Page, paragraph: string) {
  await bodyEditor(page).click();
  await caretToEnd(page);
  await page.keyboard.press("Enter");
  await page.keyboard.insertText(paragraph);
  await expect.poll(() => bodyText(page)).toContain(paragraph);
}

/** Waits until the body says `expected` (exactly, or matching). */
export async function expectBody(page: Page, expected: string | RegExp) {
  if (typeof expected === "string") await expect.poll(() => bodyText(page)).toBe(expected);
  else await expect.poll(() => bodyText(page)).toMatch(expected);
}

/** Fills the article form and saves it; returns the article's desk id. */
export async function writeArticle(page: Page, draft: Draft): Promise<string> {
  await page.goto("/desk/articles/new");
  await page.getByLabel("Headline").fill(draft.headline);
  await page.getByLabel("Dateline").fill(draft.dateline);
  await page.getByLabel("Section").selectOption({ label: draft.section ?? "City" });
  await page.getByLabel("Kind").selectOption({ label: draft.kind ?? "News" });
  await fillBody(page, draft.body);
  for (const tag of draft.tags ?? []) {
    await page.getByLabel("Tags", { exact: true }).fill(tag);
    await page.getByLabel("Tags", { exact: true }).press("Enter");
  }
  if (draft.tags?.length) await expect(page.getByRole("list", { name: "Chosen tags" }).getByRole("listitem")).toHaveCount(draft.tags.length);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/[^/?]+\?created=1$/);
  await expect(saveState(page)).toHaveText("Saved");
  const id = new URL(page.url()).pathname.split("/").pop();
  if (!id) throw new Error("The saved article has no id in its URL");
  return id;
}

/** A reporter writes an article and submits it for review. */
export async function submittedArticle(page: Page, draft: Draft): Promise<string> {
  const id = await writeArticle(page, draft);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.locator(".status-line .status").first()).toHaveText("In review");
  return id;
}

export function storyBody(topic: string): string {
  return [
    `Officials confirmed on Wednesday that the ${topic} would go ahead as planned, despite objections from residents.`,
    `"We have listened, and we have changed the plan where we could," said a spokeswoman for the city.`,
    `The work is expected to take six weeks.`,
  ].join("\n\n");
}

/**
 * Runs `act` on `page` and captures the server-action request it sends, without letting it reach
 * the server. Returns a replay: the very same request, sent with another signed-in page's cookies.
 * It is how the tests prove the server, not the UI, refuses what a role may not do.
 */
export async function captureServerAction(page: Page, act: () => Promise<void>) {
  const captured = new Promise<{ url: string; headers: Record<string, string>; body: string }>((resolve) => {
    void page.route("**/*", async (route) => {
      const request = route.request();
      if (request.method() === "POST" && request.headers()["next-action"]) {
        resolve({ url: request.url(), headers: request.headers(), body: request.postData() ?? "" });
        await route.abort();
      } else {
        await route.continue();
      }
    });
  });
  await act();
  const request = await captured;
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return (as: Page) =>
    as.request.post(request.url, {
      headers: {
        "next-action": request.headers["next-action"]!,
        "content-type": request.headers["content-type"]!,
        accept: "text/x-component",
        origin: new URL(request.url).origin,
      },
      data: request.body,
    });
}

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** The code an authenticator app holding `secret` shows `offsetSeconds` from now. */
export function appCode(secret: string, offsetSeconds = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: Date.now() + offsetSeconds * 1000 });
}

/**
 * Editors and admins must set up a second factor at their first sign-in. When the desk asks, do it
 * as a person with an authenticator app would (read the secret, type the app's code), continue to
 * the desk, and return the secret for later sign-ins.
 */
export async function setUpSecondFactor(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/desk\/account\/second-factor$/);
  const secret = (await page.locator("code.totp-secret").innerText()).replace(/\s/g, "");
  await page.getByLabel("Code from your app").fill(appCode(secret));
  await page.getByRole("button", { name: "Turn on second factor" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: "I have kept them: continue to the desk" }).click();
  await expect(page).toHaveURL(/\/desk$/);
  return secret;
}

export type Newcomer = { name: string; email: string; password: string };

/** A person no other test uses: a name and an email with the same unique tag. */
export function newcomer(first: string, surname: string): Newcomer {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `${first} ${surname} ${tag}`, email: `${first.toLowerCase()}.${tag}@paper.example`, password: `harbour-lights-${tag}` };
}

const aRole: Record<Role, string> = { reporter: "a reporter", editor: "an editor", admin: "an admin" };

/** An admin adds `person` on the Users page, as a person would, and sees it confirmed. */
export async function addStaffMember(admin: Page, person: Newcomer, role: Role) {
  await admin.goto("/desk/users");
  const form = admin.getByRole("region", { name: "Add a user" });
  await form.getByLabel("Name", { exact: true }).fill(person.name);
  await form.getByLabel("Email", { exact: true }).fill(person.email);
  await form.getByLabel("Role", { exact: true }).selectOption({ label: role[0]!.toUpperCase() + role.slice(1) });
  await form.getByLabel("Initial password").fill(person.password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toHaveText(`Added ${person.name} (${person.email}) as ${aRole[role]}.`);
}

/** Types an email and password into the sign-in form already on the page, and sends it. */
export async function typeSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
