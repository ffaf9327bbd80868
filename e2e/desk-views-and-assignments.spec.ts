import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fillBody, pageAs, saveState, slugOf, storyBody, submittedArticle, uniqueHeadline, writeArticle } from "./support";
import { formatDateTime } from "../lib/time/format";

// Each journey signs in two or three people and writes its own stories: more work than most specs,
// on a machine the whole team shares.
test.describe.configure({ timeout: 60_000 });

const rows = (page: Page) => page.locator(".article-table tbody tr");
const showing = (page: Page) => page.locator(".view-pager p");

/** The editor writes and publishes an article from the desk. */
async function publishedArticle(editor: Page, headline: string, section: string): Promise<string> {
  const id = await writeArticle(editor, { headline, dateline: "HARBOURTON", body: storyBody("harbour works"), section });
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.locator(".status-line .status").first()).toHaveText("Published");
  return id;
}

/** A datetime-local value `days` from now, in the newsroom's time zone (UTC in the demo newsroom). */
function deadlineInput(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 11) + "17:30";
}

/** How the desk shows that deadline: "20 May, 2031 17:30" (the house's own month names, never Intl's "Sept"). */
function shownDeadline(input: string): string {
  return formatDateTime(new Date(`${input}:00Z`), "UTC");
}

test("an editor filters the Published view by section and searches by headline, and finds exactly that article", async ({
  browser,
}) => {
  const editor = await pageAs(browser, "editor");
  const token = `Tidewater${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const business = `Ferry fares rise again ${token}`;
  const sport = `Regatta crews count the cost ${token}`;
  await publishedArticle(editor, business, "Business");
  await publishedArticle(editor, sport, "Sport");

  await editor.goto("/desk/articles");
  await editor.getByRole("navigation", { name: "Article views" }).getByRole("link", { name: "Published" }).click();
  await expect(editor.getByRole("heading", { level: 2, name: "Published" })).toBeVisible();

  // The search ignores case; both stories carry the word.
  await editor.getByLabel("Headline contains").fill(token.toUpperCase());
  await editor.getByRole("button", { name: "Filter" }).click();
  await expect(showing(editor)).toHaveText("Showing 1–2 of 2");
  await expect(rows(editor)).toHaveCount(2);

  // The section narrows it to one, and the URL says so.
  await editor.getByLabel("Section").selectOption({ label: "Business" });
  await editor.getByRole("button", { name: "Filter" }).click();
  await expect(editor).toHaveURL(/[?&]view=published&.*section=business/);
  await expect(showing(editor)).toHaveText("Showing 1–1 of 1");
  await expect(rows(editor)).toHaveCount(1);
  await expect(rows(editor).first()).toContainText(business);
  await expect(rows(editor).first()).toContainText("Business");

  // The shared link shows the same list to whoever opens it.
  const colleague = await pageAs(browser, "admin", editor.url());
  await expect(rows(colleague)).toHaveCount(1);
  await expect(rows(colleague).first()).toContainText(business);
});

test("the Published view pages through the newsroom's stories with Previous and Next", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  // The demo newsroom has 15 published stories; ten a page makes at least two pages.
  await editor.goto("/desk/articles?view=published&per=10");
  await expect(showing(editor)).toHaveText(/^Showing 1–10 of (\d+)$/);
  await expect(rows(editor)).toHaveCount(10);
  const pager = editor.getByRole("navigation", { name: "Pages" });
  await expect(pager.getByRole("link", { name: "Previous" })).toHaveCount(0);
  const firstOnPageOne = await rows(editor).first().locator("td").first().textContent();

  await pager.getByRole("link", { name: "Next" }).click();
  await expect(editor).toHaveURL(/\/desk\/articles\?view=published&page=2&per=10$/);
  await expect(showing(editor)).toHaveText(/^Showing 11–\d+ of \d+$/);
  await expect(editor.getByRole("link", { name: firstOnPageOne!, exact: true })).toHaveCount(0);

  await pager.getByRole("link", { name: "Previous" }).click();
  await expect(editor).toHaveURL(/\/desk\/articles\?view=published&per=10$/);
  await expect(showing(editor)).toHaveText(/^Showing 1–10 of \d+$/);
});

test("an editor narrows every view by state: the queue's approved story, withdrawn stories, the spike and a colleague's draft", async ({
  browser,
}) => {
  // Five stories in five states, written through the desk as people would: the longest journey here.
  test.setTimeout(90_000);
  const token = `Quayside${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const reporter = await pageAs(browser, "reporter");
  const waiting = `Bus shelter plans ${token}`;
  const approved = `Library hours extended ${token}`;
  const privateDraft = `Market stalls survey ${token}`;
  await submittedArticle(reporter, { headline: waiting, dateline: "HARBOURTON", body: storyBody("bus shelters") });
  const approvedId = await submittedArticle(reporter, { headline: approved, dateline: "HARBOURTON", body: storyBody("library hours") });
  await writeArticle(reporter, { headline: privateDraft, dateline: "HARBOURTON", body: storyBody("market stalls") });

  const editor = await pageAs(browser, "editor", `/desk/articles/${approvedId}/preview`);
  await editor.getByRole("button", { name: "Approve" }).click();
  await expect(editor.locator(".status-line .status").first()).toHaveText("Approved");
  const withdrawn = `Harbour wall closed ${token}`;
  await publishedArticle(editor, withdrawn, "City");
  await editor.getByRole("button", { name: "Unpublish" }).click();
  await expect(editor.locator(".status-line .status").first()).toHaveText("Unpublished");
  const spiked = `Pier concert cancelled ${token}`;
  await writeArticle(editor, { headline: spiked, dateline: "HARBOURTON", body: storyBody("pier concert") });
  await editor.getByRole("button", { name: "Spike" }).click();
  await expect(editor.locator(".status-line .status").first()).toHaveText("Spiked");

  const tabs = editor.getByRole("navigation", { name: "Article views" });
  const filterBy = async (state: string) => {
    await editor.getByLabel("Headline contains").fill(token);
    await editor.getByLabel("State").selectOption({ label: state });
    await editor.getByRole("button", { name: "Filter" }).click();
  };
  const stateChoices = () => editor.getByLabel("State").locator("option").allTextContents();
  const openView = async (name: string) => {
    await tabs.getByRole("link", { name }).click();
    await expect(editor.getByRole("heading", { level: 2, name })).toBeVisible();
  };

  // The review queue holds everything between submission and going live; the filter picks one state.
  await editor.goto("/desk/articles");
  await openView("Review queue");
  expect(await stateChoices()).toEqual(["Any state", "In review", "Changes requested", "Approved"]);
  await filterBy("Any state");
  await expect(rows(editor)).toHaveCount(2);
  await filterBy("Approved");
  await expect(editor).toHaveURL(/[?&]state=approved/);
  await expect(rows(editor)).toHaveCount(1);
  await expect(rows(editor).first()).toContainText(approved);

  // Withdrawn stories stay in Published, where the state tells them apart.
  await openView("Published");
  await filterBy("Unpublished");
  await expect(rows(editor)).toHaveCount(1);
  await expect(rows(editor).first()).toContainText(withdrawn);

  await openView("Spiked");
  expect(await stateChoices()).toEqual(["Any state", "Spiked"]);
  await filterBy("Spiked");
  await expect(rows(editor)).toHaveCount(1);
  await expect(rows(editor).first()).toContainText(spiked);

  // All articles finds a reporter's unsubmitted draft, which no working view shows.
  await openView("All articles");
  await filterBy("Any state");
  await expect(rows(editor)).toHaveCount(5);
  await filterBy("Draft");
  await expect(rows(editor)).toHaveCount(1);
  await expect(rows(editor).first()).toContainText(privateDraft);
  await expect(rows(editor).first()).toContainText("Rina Qureshi");
});

test("a reporter asking for the review queue sees only their own work", async ({ browser }) => {
  const reporter = await pageAs(browser, "reporter");
  const mine = uniqueHeadline("Allotment waiting list grows");
  await submittedArticle(reporter, { headline: mine, dateline: "HARBOURTON", body: storyBody("allotments") });

  // An editor's own story, waiting in the review queue.
  const editor = await pageAs(browser, "editor");
  const theirs = uniqueHeadline("Pier lighting contract awarded");
  await submittedArticle(editor, { headline: theirs, dateline: "HARBOURTON", body: storyBody("pier lighting") });
  await editor.goto(`/desk/articles?view=review&q=${encodeURIComponent(theirs)}`);
  await expect(rows(editor)).toHaveCount(1);

  await reporter.goto("/desk/articles?view=review");
  const tabs = reporter.getByRole("navigation", { name: "Article views" });
  await expect(tabs.getByRole("link")).toHaveText(["My work"]);
  await expect(reporter.getByRole("heading", { level: 2, name: "My work" })).toBeVisible();
  await expect(reporter.getByRole("link", { name: mine })).toBeVisible();
  await expect(reporter.getByRole("link", { name: theirs })).toHaveCount(0);
  const authors = await rows(reporter).locator("td:nth-child(5)").allTextContents();
  expect(new Set(authors)).toEqual(new Set(["Rina Qureshi"]));

  // Searching for the editor's story by name finds nothing, and there is no author filter to widen it.
  await reporter.goto(`/desk/articles?view=review&q=${encodeURIComponent(theirs)}`);
  await expect(reporter.getByText("No articles match these filters.")).toBeVisible();
  await expect(reporter.getByLabel("Author")).toHaveCount(0);
});

test("an editor assigns a story, the reporter starts writing it, and the desk sees it linked with its state", async ({
  browser,
}) => {
  const editor = await pageAs(browser, "editor");
  const brief = uniqueHeadline("Lighthouse keepers vote on strike");
  await editor.goto("/desk/assignments");
  await editor.getByRole("link", { name: "New assignment" }).click();
  await editor.getByLabel("Brief").fill(brief);
  await editor.getByLabel("Notes").fill("Talk to the union branch secretary.");
  await editor.getByLabel("Section").selectOption({ label: "City" });
  await editor.getByLabel("Assignee").selectOption({ label: "Rina Qureshi (reporter)" });

  // A deadline already past is refused beside the field, and nothing is assigned.
  await editor.getByLabel("Deadline").fill(deadlineInput(-1));
  await editor.getByRole("button", { name: "Assign" }).click();
  await expect(editor.getByText("Set a deadline in the future.")).toBeVisible();
  await expect(editor.getByLabel("Brief")).toHaveValue(brief);

  const deadline = deadlineInput(2);
  await editor.getByLabel("Deadline").fill(deadline);
  await editor.getByRole("button", { name: "Assign" }).click();
  await expect(editor).toHaveURL(/\/desk\/assignments$/);
  const editorRow = editor.locator("tr", { has: editor.getByRole("link", { name: brief }) });
  await expect(editorRow).toHaveCount(1);
  await expect(editorRow).toContainText("Rina Qureshi");
  await expect(editorRow).toContainText("City");
  await expect(editorRow).toContainText(shownDeadline(deadline));
  await expect(editorRow).not.toContainText("Overdue");
  await expect(editorRow).toContainText("Not started");

  // The reporter finds it and starts writing: the headline and section come from the assignment.
  const reporter = await pageAs(browser, "reporter");
  // It is on the reporter's desk the moment they sign in.
  await expect(reporter.getByRole("region", { name: "Your assignments" }).getByRole("link", { name: brief })).toBeVisible();
  await reporter.goto("/desk/assignments");
  const reporterRow = reporter.locator("tr", { has: reporter.getByRole("link", { name: brief }) });
  const startLink = await reporterRow.getByRole("link", { name: "Start writing" }).getAttribute("href");
  await reporterRow.getByRole("link", { name: "Start writing" }).click();
  await expect(reporter).toHaveURL(/\/desk\/articles\/new\?assignment=/);
  await expect(reporter.getByLabel("Headline")).toHaveValue(brief);
  await expect(reporter.getByLabel("Section")).toHaveValue(await sectionValue(reporter, "City"));
  await reporter.getByLabel("Dateline").fill("HARBOURTON");
  await fillBody(reporter, storyBody("strike ballot"));
  await reporter.getByRole("button", { name: "Save" }).click();
  await expect(reporter).toHaveURL(/\/desk\/articles\/[^/?]+\?created=1$/);
  await expect(saveState(reporter)).toHaveText("Saved");
  const articleId = new URL(reporter.url()).pathname.split("/").pop();

  // Started once only: the start link no longer offers the assignment.
  await reporter.goto(startLink!);
  await expect(reporter.getByText("That assignment is not yours to start, or it has already been started.")).toBeVisible();
  await expect(reporter.getByLabel("Headline")).toHaveValue("");
  await reporter.goto("/desk/assignments");
  await expect(reporterRow.getByRole("link", { name: "Start writing" })).toHaveCount(0);
  await expect(reporterRow).toContainText("Draft");

  await editor.reload();
  await expect(editorRow.locator(".status")).toHaveText("Draft");
  await expect(editorRow.getByRole("link", { name: brief }).last()).toHaveAttribute("href", `/desk/articles/${articleId}`);

  // The editor moves the deadline; the writer stays because the story is being written.
  await editorRow.getByRole("link", { name: brief }).first().click();
  await expect(editor.getByLabel("Assignee")).toBeDisabled();
  // Being written, it can no longer be cancelled: the article is spiked instead.
  await expect(editor.getByRole("button", { name: "Cancel assignment" })).toHaveCount(0);
  const later = deadlineInput(3);
  await editor.getByLabel("Deadline").fill(later);
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByText("Assignment updated.")).toBeVisible();
  await editor.goto("/desk/assignments");
  await expect(editorRow).toContainText(shownDeadline(later));
});

test("an editor cancels an assignment nobody has started: it leaves the open list and its page says so", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const brief = uniqueHeadline("Harbour festival is called off");
  await editor.goto("/desk/assignments/new");
  await editor.getByLabel("Brief").fill(brief);
  await editor.getByLabel("Assignee").selectOption({ label: "Rina Qureshi (reporter)" });
  await editor.getByLabel("Deadline").fill(deadlineInput(2));
  await editor.getByRole("button", { name: "Assign" }).click();
  await expect(editor).toHaveURL(/\/desk\/assignments$/);
  const open = editor.getByRole("region", { name: "Open", exact: true });
  await open.getByRole("link", { name: brief }).click();

  // A first press asks; only the second cancels.
  await editor.getByRole("button", { name: "Cancel assignment" }).click();
  await expect(editor.getByText("Cancel this assignment? Rina Qureshi will be told")).toBeVisible();
  await editor.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Cancelled");
  await expect(editor.getByText(/^Cancelled by .+ on /)).toBeVisible();
  await expect(editor.getByRole("button", { name: "Cancel assignment" })).toHaveCount(0);
  await expect(editor.getByRole("button", { name: "Save changes" })).toHaveCount(0);

  await editor.goto("/desk/assignments");
  await expect(open.getByRole("link", { name: brief })).toHaveCount(0);
  await expect(editor.getByRole("region", { name: "Cancelled", exact: true }).getByRole("link", { name: brief })).toBeVisible();
});

test("an internal note is shared in the desk and never reaches readers or the feed", async ({ browser, request }) => {
  const reporter = await pageAs(browser, "reporter");
  const headline = uniqueHeadline("Swing bridge closes for repairs");
  const id = await submittedArticle(reporter, { headline, dateline: "HARBOURTON", body: storyBody("bridge repairs") });
  const note = `Check the closure dates with the port authority ${Math.random().toString(36).slice(2, 8)}`;

  const editor = await pageAs(browser, "editor", `/desk/articles/${id}`);
  const notes = editor.getByRole("region", { name: "Notes" });
  await notes.getByLabel("Note", { exact: true }).fill(note);
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByRole("listitem").filter({ hasText: note })).toContainText("Elias Mendes");
  await expect(notes.getByLabel("Note", { exact: true })).toHaveValue("");

  // The reporter reads it on their article and answers.
  await reporter.goto(`/desk/articles/${id}`);
  const reporterNotes = reporter.getByRole("region", { name: "Notes" });
  await expect(reporterNotes.getByRole("listitem").filter({ hasText: note })).toContainText("Elias Mendes");
  const reply = `Confirmed with the harbour master ${Math.random().toString(36).slice(2, 8)}`;
  await reporterNotes.getByLabel("Note", { exact: true }).fill(reply);
  await reporterNotes.getByRole("button", { name: "Add note" }).click();
  await expect(reporterNotes.getByRole("listitem").filter({ hasText: reply })).toContainText("Rina Qureshi");

  // Published, the story reaches readers and the feed; the notes do not.
  await editor.goto(`/desk/articles/${id}/preview`);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Published");
  const page = await request.get(`/city/${slugOf(headline)}`);
  expect(page.status()).toBe(200);
  const pageText = await page.text();
  expect(pageText).toContain(headline);
  for (const text of [note, reply]) expect(pageText).not.toContain(text);
  for (const path of ["/feed.xml", "/sitemap.xml", "/"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const body = await response.text();
    for (const text of [note, reply]) expect(body, path).not.toContain(text);
  }
  expect(await (await request.get("/feed.xml")).text()).toContain(headline);
});

/** The value of a section's option in the form's Section select. */
async function sectionValue(page: Page, name: string): Promise<string> {
  const value = await page.getByLabel("Section").locator("option", { hasText: name }).getAttribute("value");
  if (!value) throw new Error(`No section called ${name}`);
  return value;
}
