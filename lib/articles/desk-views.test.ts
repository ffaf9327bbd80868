import { describe, expect, it } from "vitest";
import {
  deskViewHref,
  deskViewOrder,
  deskViewWhere,
  parseDeskViewQuery,
  stateChoices,
  viewsFor,
} from "./desk-views";
import { articleStatuses } from "./workflow";

const reporter = { id: "r1", role: "reporter" } as const;
const editor = { id: "e1", role: "editor" } as const;

describe("the desk's article views", () => {
  it("gives editors all six views and reporters only their own work", () => {
    expect(viewsFor(editor)).toEqual(["mine", "review", "scheduled", "published", "spiked", "all"]);
    expect(viewsFor(reporter)).toEqual(["mine"]);
  });

  it("reads a shared link's view, filters, search and page", () => {
    const query = parseDeskViewQuery({ view: "review", section: "city", kind: "analysis", q: " budget ", page: "2" }, editor);
    expect(query).toEqual({ view: "review", section: "city", kind: "analysis", q: "budget", page: 2, per: 25 });
  });

  it("treats empty form fields as no filter", () => {
    const query = parseDeskViewQuery({ view: "published", section: "", kind: "", author: "", q: "  ", page: "" }, editor);
    expect(query).toEqual({ view: "published", page: 1, per: 25 });
  });

  it("falls back to defaults for anything unreadable instead of failing", () => {
    const query = parseDeskViewQuery(
      { view: "everything", section: "../etc", kind: "gossip", state: "lost", page: "-3", per: "1000" },
      editor,
    );
    expect(query).toEqual({ view: "mine", page: 1, per: 25 });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseDeskViewQuery({ view: ["spiked", "review"] }, editor).view).toBe("spiked");
  });

  it("sends a reporter who asks for the review queue to their own work, without an author filter", () => {
    const query = parseDeskViewQuery({ view: "review", author: "e1" }, reporter);
    expect(query.view).toBe("mine");
    expect(query.author).toBeUndefined();
  });

  it("keeps a state filter that names one of the view's states, and drops any other", () => {
    expect(parseDeskViewQuery({ view: "mine", state: "draft" }, editor).state).toBe("draft");
    expect(parseDeskViewQuery({ view: "review", state: "approved" }, editor).state).toBe("approved");
    expect(parseDeskViewQuery({ view: "review", state: "changes_requested" }, editor).state).toBe("changes_requested");
    expect(parseDeskViewQuery({ view: "published", state: "unpublished" }, editor).state).toBe("unpublished");
    expect(parseDeskViewQuery({ view: "scheduled", state: "scheduled" }, editor).state).toBe("scheduled");
    expect(parseDeskViewQuery({ view: "all", state: "draft" }, editor).state).toBe("draft");
    expect(parseDeskViewQuery({ view: "published", state: "draft" }, editor).state).toBeUndefined();
    expect(parseDeskViewQuery({ view: "spiked", state: "published" }, editor).state).toBeUndefined();
  });

  it("offers in each view's state filter exactly the states it holds", () => {
    expect(stateChoices("review")).toEqual(["submitted", "changes_requested", "approved"]);
    expect(stateChoices("published")).toEqual(["published", "unpublished"]);
    expect(stateChoices("scheduled")).toEqual(["scheduled"]);
    expect(stateChoices("spiked")).toEqual(["spiked"]);
    expect(stateChoices("all")).toEqual(articleStatuses);
  });
});

describe("a view's where", () => {
  it("always keeps a reporter to their own articles, whatever the filters say", () => {
    const where = deskViewWhere({ view: "review", author: "e1", page: 1, per: 25 }, reporter);
    expect(where.AND).toContainEqual({ authorId: "r1" });
    expect(where.AND).toContainEqual({ authorId: "e1" });
  });

  it("limits My work to the signed-in user's articles, even for an editor", () => {
    expect(deskViewWhere({ view: "mine", page: 1, per: 25 }, editor).AND).toContainEqual({ authorId: "e1" });
  });

  it("limits a view to its states and lets an editor see everyone's", () => {
    const where = deskViewWhere({ view: "published", page: 1, per: 25 }, editor);
    // Published holds most of the archive: its states asked so that its order's index finds the page.
    expect(where).toEqual({ AND: [{}, { NOT: { status: { notIn: ["published", "unpublished"] } } }] });
    expect(deskViewWhere({ view: "spiked", page: 1, per: 25 }, editor)).toEqual({ AND: [{}, { status: { in: ["spiked"] } }] });
  });

  it("lets All articles span every state and every author", () => {
    // Every state: no condition on it at all.
    expect(deskViewWhere({ view: "all", page: 1, per: 25 }, editor)).toEqual({ AND: [{}, {}] });
  });

  it("adds section, kind, state and a headline search as further conditions", () => {
    const where = deskViewWhere({ view: "mine", section: "city", kind: "news", state: "draft", q: "Budget", page: 1, per: 25 }, editor);
    expect(where.AND).toEqual([
      {},
      { status: "draft" },
      { authorId: "e1" },
      { section: { slug: "city" } },
      { kind: "news" },
      { headline: { contains: "Budget" } },
    ]);
  });

  it("filters a section by its id once the caller has found it, still within what the policy lets the user see", () => {
    const where = deskViewWhere({ view: "mine", section: "city", page: 1, per: 25 }, editor, { sectionId: "s-city" });
    expect(where.AND).toEqual([{}, {}, { authorId: "e1" }, { sectionId: "s-city" }]);
  });

  it("orders the review queue oldest first, the schedule soonest first, and published newest first", () => {
    expect(deskViewOrder("review")[0]).toEqual({ updatedAt: "asc" });
    expect(deskViewOrder("scheduled")[0]).toEqual({ scheduledFor: "asc" });
    expect(deskViewOrder("published")[0]).toEqual({ publishedAt: "desc" });
    expect(deskViewOrder("spiked")[0]).toEqual({ updatedAt: "desc" });
  });
});

describe("links to a view", () => {
  it("puts parameters in a fixed order and leaves defaults out", () => {
    const query = parseDeskViewQuery({ q: "budget", page: "2", section: "city", view: "review" }, editor);
    expect(deskViewHref(query)).toBe("/desk/articles?view=review&section=city&q=budget&page=2");
    expect(deskViewHref(query, { page: 1 })).toBe("/desk/articles?view=review&section=city&q=budget");
  });

  it("keeps a chosen page size and encodes the search", () => {
    const query = parseDeskViewQuery({ view: "published", per: "10", q: "rates & fares" }, editor);
    expect(deskViewHref(query, { page: 3 })).toBe("/desk/articles?view=published&q=rates+%26+fares&page=3&per=10");
  });
});
