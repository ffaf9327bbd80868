import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeEvent, historyKinds, historyLabels, isHistoryKind } from "./history";
import { restoreNote } from "./revisions";
import { workflowActions } from "./workflow";

describe("the kinds of history line", () => {
  it("give every kind a label of its own", () => {
    for (const kind of historyKinds) expect(historyLabels[kind].trim(), kind).not.toBe("");
    expect(new Set(Object.values(historyLabels)).size).toBe(historyKinds.length);
  });

  it("include every workflow action, read as its button reads", () => {
    for (const action of workflowActions) expect(isHistoryKind(action), action).toBe(true);
    expect(historyLabels.requestChanges).toBe("request changes");
    expect(historyLabels.restore).toBe("restore to draft");
  });

  it("keep the names already stored in the database", () => {
    expect([...historyKinds].sort()).toEqual(
      [...workflowActions, "create", "edited-after-approval", "edited-after-scheduling", "restore-revision"].sort(),
    );
    expect(isHistoryKind("hasOwnProperty")).toBe(false);
  });
});

describe("a history line in words", () => {
  it("names the revision a restore brought back, instead of repeating its note", () => {
    expect(describeEvent({ action: "restore-revision", note: restoreNote(3) })).toEqual({ says: "restored revision 3", note: null });
    expect(describeEvent({ action: "restore-revision", note: "Older wording" })).toEqual({
      says: "restored an earlier revision",
      note: "Older wording",
    });
  });

  it("reads a workflow move or an edit by its label, keeping the note", () => {
    expect(describeEvent({ action: "requestChanges", note: "Check the figures." })).toEqual({
      says: "request changes",
      note: "Check the figures.",
    });
    expect(describeEvent({ action: "edited-after-scheduling", note: null })).toEqual({ says: "edited it after it was scheduled", note: null });
    expect(describeEvent({ action: "create", note: null }).says).toBe("created the article");
  });

  it("shows a kind it does not know as stored", () => {
    expect(describeEvent({ action: "imported", note: null })).toEqual({ says: "imported", note: null });
  });
});

describe("who writes the history", () => {
  it("is recordEvent alone: no other file creates article events", () => {
    const writes = /articleEvent\s*\.\s*(create|createMany|upsert|update|updateMany)\b|\bevents\s*:\s*\{\s*create\b|insert\s+into\s+"?ArticleEvent/i;
    const offenders = ["lib", "app", "components", "prisma", "scripts", "e2e"]
      .flatMap((folder) => fs.readdirSync(folder, { recursive: true, encoding: "utf8" }).map((file) => path.join(folder, file)))
      .filter((file) => /\.(ts|tsx|sql)$/.test(file) && !file.startsWith(path.join("lib", "generated")) && !file.startsWith(path.join("prisma", "migrations")))
      .filter((file) => file !== path.join("lib", "articles", "history.ts") && !file.endsWith(".test.ts"))
      .filter((file) => writes.test(fs.readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
