import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { appendParagraph, bodyText, expectBody, fillBody, pageAs, saveState, storyBody, uniqueHeadline, writeArticle } from "./support";

test("two people editing one article see each other, and the second save gets a conflict, not a lost update", async ({
  browser,
}) => {
  const editor = await pageAs(browser, "editor");
  const id = await writeArticle(editor, { headline: uniqueHeadline("Tide tables revised"), dateline: "HARBOURTON", body: storyBody("tide tables") });
  const admin = await pageAs(browser, "admin", `/desk/articles/${id}`);
  await editor.goto(`/desk/articles/${id}`);

  // Presence: each sees the other, without anything being locked.
  await expect(editor.getByText("Also open now: Ada Okafor")).toBeVisible({ timeout: 15_000 });
  await expect(admin.getByText("Also open now: Elias Mendes")).toBeVisible({ timeout: 15_000 });

  await appendParagraph(editor, `The editor's paragraph.`);
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(saveState(editor)).toHaveText("Saved");

  await appendParagraph(admin, "The admin's paragraph.");
  const adminText = await bodyText(admin);
  await admin.getByRole("button", { name: "Save" }).click();
  const conflict = admin.getByRole("region", { name: "Someone else saved a newer version" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Elias Mendes saved revision 2");
  await expect(conflict.getByLabel("Their version of the body")).toContainText("The editor's paragraph.");
  await expectBody(admin, adminText);

  // Merge by hand: load theirs, the admin's own text stays beside it to copy from.
  await conflict.getByRole("button", { name: "Load their version to merge" }).click();
  await expectBody(admin, /The editor's paragraph\./);
  await expect(conflict.getByLabel("Your version of the body")).toContainText("The admin's paragraph.");
  await appendParagraph(admin, "The admin's paragraph.");
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(saveState(admin)).toHaveText("Saved");
  await expect(conflict).toHaveCount(0);

  await editor.reload();
  await expectBody(editor, /The editor's paragraph\.\s+The admin's paragraph\./);
});

/**
 * The editor and the admin open one article; the editor saves `editorText`, then the admin, who
 * opened it before that save, saves `adminText` and gets the conflict panel.
 */
async function staleSave(browser: Browser, words: string, { editorText, adminText }: { editorText: string; adminText: string }) {
  const editor = await pageAs(browser, "editor");
  const headline = uniqueHeadline(words);
  const id = await writeArticle(editor, { headline, dateline: "HARBOURTON", body: storyBody(words.toLowerCase()) });
  const admin = await pageAs(browser, "admin", `/desk/articles/${id}`);

  await fillBody(editor, editorText);
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(saveState(editor)).toHaveText("Saved");

  await fillBody(admin, adminText);
  await admin.getByRole("button", { name: "Save" }).click();
  const conflict = admin.getByRole("region", { name: "Someone else saved a newer version" });
  await expect(conflict).toBeVisible();
  return { editor, admin, id, headline, conflict };
}

test("overwriting after a conflict needs confirmation", async ({ browser }) => {
  const { editor, admin, conflict } = await staleSave(browser, "Pier lighting", {
    editorText: "The editor's version.",
    adminText: "The admin's version.",
  });

  admin.once("dialog", (dialog) => void dialog.dismiss());
  await conflict.getByRole("button", { name: "Overwrite with my version" }).click();
  await expect(conflict).toBeVisible();
  admin.once("dialog", (dialog) => void dialog.accept());
  await conflict.getByRole("button", { name: "Overwrite with my version" }).click();
  await expect(saveState(admin)).toHaveText("Saved");
  await editor.reload();
  await expectBody(editor, "The admin's version.");
});

test("after a conflict the writer sees what differs, word by word, and can keep their text as a copy", async ({ browser }) => {
  const { editor, admin, id, headline, conflict } = await staleSave(browser, "Breakwater repairs", {
    editorText: "Repairs start on Monday.",
    adminText: "Repairs start on Tuesday.",
  });
  // Saved "at <date> <time> (UTC)": the newsroom's zone, not the browser's.
  await expect(conflict).toContainText(/saved revision 2 at \d{1,2} \w{3}, \d{4} \d{2}:\d{2} \(UTC\)/);
  const body = conflict.getByRole("region", { name: "Body" });
  await expect(body.locator("del")).toHaveText("removed: Monday");
  await expect(body.locator("ins")).toHaveText("added: Tuesday");
  await expect(conflict.getByRole("region", { name: "Headline" })).toContainText("(no changes)");

  await conflict.getByRole("button", { name: "Save mine as a copy" }).click();
  await expect(admin).toHaveURL(/\/desk\/articles\/[^/?]+\?created=1$/);
  expect(admin.url()).not.toContain(id);
  await expect(admin.getByLabel("Headline")).toHaveValue(`${headline} (copy)`);
  await expectBody(admin, "Repairs start on Tuesday.");

  // The original keeps the editor's text: nothing was overwritten.
  await editor.reload();
  await expectBody(editor, "Repairs start on Monday.");
});
