import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { bodyEditor, pageAs, savedVersion, saveState, uniqueHeadline } from "./support";

/**
 * Trust at the edge: every response's security headers, a Content-Security-Policy that the pages
 * really live with (no violation in the browser's console, the editor still works), a desk that
 * cannot be framed, and odd addresses answered as 400/404 pages, never a 500.
 */

/**
 * Every CSP violation the page reports, as the browser's console and its events say them. Awaited
 * before the page is used: left running, the listener could miss the first page's violations, and
 * its answer once came after the page had closed and failed the test.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (?:execute|load|apply|frame|connect)/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

function scriptDirective(policy: string): string {
  return policy.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src")) ?? "";
}

const common = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("a reader page carries the headers and a policy under which no script runs and only its own stylesheet applies", async ({ page }) => {
  const violations = await watchViolations(page);
  const response = (await page.goto("/"))!;
  const headers = response.headers();
  expect(headers).toMatchObject(common);
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Served over http here, so no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  const policy = headers["content-security-policy"]!;
  expect(policy).toContain("frame-ancestors 'none'");
  expect(scriptDirective(policy)).toBe("script-src 'none'");
  expect(policy).toMatch(/(^|; )style-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  expect(policy).not.toContain("unsafe-inline");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  // The inline stylesheet really applied (a refused one would leave the masthead unstyled), and
  // nothing on these pages was refused.
  expect(await page.locator(".masthead").evaluate((element) => getComputedStyle(element).textAlign)).toBe("center");
  await page.goto("/opinion");
  await page.goto("/search?q=harbour");
  expect(violations).toEqual([]);

  for (const path of ["/feed.xml", "/sitemap.xml", "/api/health", "/no-such-page", "/city/no-such-story"]) {
    const other = await page.request.get(path);
    expect(other.headers(), path).toMatchObject(common);
    expect(other.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});

test("an article with a video embed plays in its privacy-enhanced frame without a CSP violation", async ({ browser }) => {
  const editor = await pageAs(browser, "editor", "/desk/articles/new");
  const sectionId = await editor.getByLabel("Section").locator("option", { hasText: "City" }).getAttribute("value");
  const headline = uniqueHeadline("Harbour pilots film the night crossing");
  const body = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "The pilots filmed the crossing." }] },
      { type: "embed", attrs: { url: "https://youtu.be/dQw4w9WgXcQ" } },
    ],
  };
  // Create through the desk's form, then save the body with the embed and publish through the API.
  await editor.getByLabel("Headline").fill(headline);
  await editor.getByLabel("Dateline").fill("HARBOURTON");
  await editor.getByLabel("Section").selectOption(sectionId!);
  await bodyEditor(editor).click();
  await editor.keyboard.insertText("The pilots filmed the crossing.");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toHaveURL(/\/desk\/articles\/[^/?]+\?created=1$/);
  const id = new URL(editor.url()).pathname.split("/").pop()!;
  const saved = await editor.request.put(`/api/articles/${id}`, {
    data: { headline, dateline: "HARBOURTON", sectionId, kind: "news", body: JSON.stringify(body), baseVersion: await savedVersion(editor, id) },
  });
  expect(saved.status()).toBe(200);
  expect((await editor.request.post(`/api/articles/${id}/transitions`, { data: { action: "publish" } })).status()).toBe(200);
  const { slug } = (await saved.json()) as { slug: string };

  const reader = await browser.newPage();
  const violations = await watchViolations(reader);
  await reader.goto(`/city/${slug}`);
  await expect(reader.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expect(reader.locator("figure.embed-youtube iframe")).toHaveAttribute("src", /\/embed\/dQw4w9WgXcQ$/);
  expect(violations).toEqual([]);
  await reader.close();
});

test("desk pages get a fresh nonce on every request, and the editor and the media picker work under it", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const nonces: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const response = await reporter.request.get("/desk/articles/new");
    const policy = response.headers()["content-security-policy"]!;
    const script = scriptDirective(policy);
    expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(script).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(script)![1]!;
    nonces.push(nonce);
    // Every script Next rendered carries this request's nonce.
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);

  const violations = await watchViolations(reporter);
  await reporter.goto("/desk/articles/new");
  await reporter.getByLabel("Headline").fill(uniqueHeadline("Night ferry keeps its timetable"));
  await reporter.getByLabel("Dateline").fill("HARBOURTON");
  await reporter.getByLabel("Section").selectOption({ label: "City" });
  await bodyEditor(reporter).click();
  await reporter.keyboard.insertText("The night ferry keeps its timetable.");
  await reporter.getByRole("button", { name: "Image", exact: true }).click();
  await reporter.getByRole("group", { name: "Image to insert" }).getByRole("button", { name: "Choose an image" }).click();
  const library = reporter.getByRole("dialog", { name: "Choose an image for Image to insert" });
  await library.locator(".media-choice").first().click();
  await expect(bodyEditor(reporter).locator("figure img")).toBeVisible();
  await reporter.getByRole("button", { name: "Save" }).click();
  await expect(reporter).toHaveURL(/\/desk\/articles\/[^/?]+\?created=1$/);
  await expect(saveState(reporter)).toHaveText("Saved");
  await reporter.goto("/desk/media");
  await reporter.goto("/login");
  expect(violations).toEqual([]);
});

test("no other site can frame the desk, the sign-in page or a public page", async ({ browser, baseURL }) => {
  const editor = await pageAs(browser, "editor");
  // Another origin on this machine (127.0.0.1 instead of localhost), answered by the test itself.
  const elsewhere = new URL(baseURL!);
  elsewhere.hostname = elsewhere.hostname === "127.0.0.1" ? "localhost" : "127.0.0.1";
  for (const path of ["/desk", "/login", "/"]) {
    const framing = `${elsewhere.origin}/framing-${path.replace(/\W/g, "")}`;
    await editor.route(framing, (route) =>
      route.fulfill({ contentType: "text/html", body: `<!doctype html><title>framing</title><iframe title="framed" src="${baseURL}${path}"></iframe>` }),
    );
    await editor.goto(framing);
    // Chromium replaces a refused frame with its error page; an allowed one would show our page.
    await expect
      .poll(() => editor.frames().find((frame) => frame !== editor.mainFrame())?.url() ?? "", { message: path })
      .toMatch(/^chrome-error:/);
    await expect(editor.frameLocator("iframe").getByRole("button", { name: "Sign out" })).toHaveCount(0);
    await expect(editor.frameLocator("iframe").getByLabel("Password")).toHaveCount(0);
  }
});

test("odd addresses answer 400 or 404 pages, never a 500", async ({ request }) => {
  const answers: Record<string, number[]> = {
    "/article/%E0%A4%A": [400],
    "/tags/%ZZ": [400],
    "/news/%ZZ": [400],
    "/city/%C0%AE": [400],
    "/search?q=a&q=b": [200],
    "/search?page=1&page=2": [200],
    "/city?page=1&page=2": [200, 404],
    "/opinion?kind=column&kind=letter": [200, 404],
    "/login/%ZZ": [400],
    "/api/articles/%ZZ/presence": [400],
    [`/city/${"a".repeat(5000)}`]: [414],
    [`/search?q=${"b".repeat(5000)}`]: [414],
  };
  for (const [path, statuses] of Object.entries(answers)) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(statuses, `${path.slice(0, 60)} answered ${response.status()}`).toContain(response.status());
  }
  const page = await request.get("/tags/%ZZ");
  expect(await page.text()).toContain("<html");
});
