import { describe, expect, it } from "vitest";
import type { ArticleStatus } from "./workflow";
import { editableFields, withoutReservedChanges, type ArticleField, type FieldAccess } from "./editable-fields";

const reporter = { id: "r1", role: "reporter" } as const;
const colleague = { id: "r2", role: "reporter" } as const;
const editor = { id: "e1", role: "editor" } as const;
const admin = { id: "a1", role: "admin" } as const;

const published = new Date("2026-03-01T09:00:00Z");
const story = (status: ArticleStatus, publishedAt: Date | null = null) => ({ authorId: reporter.id, status, publishedAt });

const lockedFields = (access: Record<ArticleField, FieldAccess>) =>
  (Object.keys(access) as ArticleField[]).filter((field) => access[field] !== "edit").sort();

describe("what a save may change", () => {
  it("lets a reporter change all of their own draft but who else signs it", () => {
    const access = editableFields(reporter, story("draft"));
    expect(lockedFields(access)).toEqual(["bylineIds"]);
    expect(access.bylineIds).toBe("own-name");
    expect(editableFields(reporter, story("changes_requested")).slug).toBe("edit");
  });

  it("keeps the address of a story readers have had from a reporter, even back in draft", () => {
    const access = editableFields(reporter, story("draft", published));
    expect(lockedFields(access)).toEqual(["bylineIds", "sectionId", "slug"]);
    expect(access.slug).toBe("locked");
  });

  it("lets a reporter change nothing in a story under review, published, or someone else's", () => {
    for (const status of ["submitted", "approved", "scheduled", "published", "unpublished", "spiked"] as const) {
      expect(new Set(Object.values(editableFields(reporter, story(status, published)))), status).toEqual(new Set(["locked"]));
    }
    expect(new Set(Object.values(editableFields(colleague, story("draft"))))).toEqual(new Set(["locked"]));
  });

  it("lets editors and admins change every field, a published story's address and byline included, until it is spiked", () => {
    for (const actor of [editor, admin]) {
      for (const status of ["draft", "submitted", "approved", "published"] as const) {
        expect(lockedFields(editableFields(actor, story(status, published))), `${actor.role} ${status}`).toEqual([]);
      }
      expect(new Set(Object.values(editableFields(actor, story("spiked"))))).toEqual(new Set(["locked"]));
    }
  });
});

describe("a save's changes less the reserved ones", () => {
  const current = { slug: "pier-reopens", sectionId: "city", kind: "news", bylineIds: ["r1", "c1"] };
  const draft = editableFields(reporter, story("draft"));
  const onceLive = editableFields(reporter, story("draft", published));

  it("passes a reporter's own name in or out of the byline, and the fields sent as they are", () => {
    const change = { headline: "Pier reopens", slug: "pier-reopens", sectionId: "city", bylineIds: ["c1"] };
    expect(withoutReservedChanges(onceLive, current, change, reporter)).toEqual({ change, fieldErrors: {} });
    expect(withoutReservedChanges(draft, current, { bylineIds: ["c1", "r1"] }, reporter).fieldErrors).toEqual({});
  });

  it("refuses another writer's name added, removed or moved, and keeps the rest of the save", () => {
    for (const bylineIds of [["r1"], ["r1", "c1", "x9"], ["c1", "x9"]]) {
      const { change, fieldErrors } = withoutReservedChanges(draft, current, { headline: "Pier reopens", bylineIds }, reporter);
      expect(change, bylineIds.join()).toEqual({ headline: "Pier reopens" });
      expect(fieldErrors.bylineIds).toEqual(["Only an editor can change who else signs this story."]);
    }
  });

  it("refuses making it an editorial while others sign it, since an editorial's byline is dropped", () => {
    const { change, fieldErrors } = withoutReservedChanges(draft, current, { kind: "editorial", headline: "Our view" }, reporter);
    expect(change).toEqual({ headline: "Our view" });
    expect(fieldErrors.kind?.[0]).toMatch(/who else signs this story/);
    // Signed by the reporter alone, it may become one: no one else's name goes.
    expect(withoutReservedChanges(draft, { ...current, bylineIds: ["r1"] }, { kind: "editorial" }, reporter).fieldErrors).toEqual({});
  });

  it("refuses a new address or section for a story readers have had, but not an empty address (it stays put)", () => {
    const { change, fieldErrors } = withoutReservedChanges(onceLive, current, { slug: "pier-closes", sectionId: "national", standfirst: "Hours." }, reporter);
    expect(change).toEqual({ standfirst: "Hours." });
    expect(fieldErrors).toEqual({
      slug: ["This story has been published: only an editor can change its address."],
      sectionId: ["This story has been published: only an editor can change its address."],
    });
    expect(withoutReservedChanges(onceLive, current, { slug: "" }, reporter)).toEqual({ change: { slug: "" }, fieldErrors: {} });
  });

  it("lets an editor's save through whole", () => {
    const change = { slug: "pier-closes", sectionId: "national", kind: "editorial" as const, bylineIds: ["e1"] };
    expect(withoutReservedChanges(editableFields(editor, story("published", published)), current, change, editor)).toEqual({ change, fieldErrors: {} });
  });
});
