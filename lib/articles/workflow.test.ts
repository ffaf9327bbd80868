import { describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/auth/policy";
import {
  afterEdit,
  articleStatuses,
  availableActions,
  canEditText,
  landingState,
  planScheduledRun,
  planTransition,
  scheduledRunMayPublish,
  transitions,
  workflowActions,
  type ArticleStatus,
  type WorkflowAction,
} from "./workflow";

const reporter: Actor = { id: "rina", role: "reporter" };
const otherReporter: Actor = { id: "omar", role: "reporter" };
const editor: Actor = { id: "elias", role: "editor" };
const admin: Actor = { id: "ada", role: "admin" };
const ownArticle = (status: ArticleStatus) => ({ status, authorId: reporter.id });

/**
 * The newsroom's handbook as a table: for each role, which action may leave which state.
 * Every cell of (role × action × state) is checked against it below.
 */
const expectedMoves: Record<Role, Partial<Record<WorkflowAction, ArticleStatus[]>>> = {
  reporter: { submit: ["draft", "changes_requested"] },
  editor: {
    submit: ["draft", "changes_requested"],
    requestChanges: ["submitted", "approved"],
    approve: ["submitted"],
    schedule: ["draft", "submitted", "approved", "scheduled"],
    cancelSchedule: ["scheduled"],
    publish: ["draft", "submitted", "approved", "scheduled"],
    republish: ["published"],
    unpublish: ["published"],
    spike: ["draft", "submitted", "changes_requested", "approved", "scheduled"],
    restore: ["spiked", "unpublished"],
  },
  admin: {},
};
expectedMoves.admin = expectedMoves.editor;

describe("the transition table", () => {
  const actors: Record<Role, Actor> = { reporter, editor, admin };
  for (const role of Object.keys(actors) as Role[]) {
    for (const action of workflowActions) {
      for (const status of articleStatuses) {
        const allowed = expectedMoves[role][action]?.includes(status) ?? false;
        it(`${allowed ? "lets" : "refuses"} a ${role} ${action} their own ${status} article`, () => {
          const plan = planTransition(action, ownArticle(status), { ...actors[role], id: reporter.id }, "a note");
          expect(plan.ok).toBe(allowed);
          if (plan.ok) expect(plan.to).toBe(transitions[action].to);
        });
      }
    }
  }
});

describe("the transition table on someone else's article", () => {
  // Editors act on anyone's article as on their own; a reporter may take no action on a colleague's.
  const actors: Record<Role, Actor> = { reporter: otherReporter, editor, admin };
  for (const role of Object.keys(actors) as Role[]) {
    for (const action of workflowActions) {
      for (const status of articleStatuses) {
        const allowed = role !== "reporter" && (expectedMoves[role][action]?.includes(status) ?? false);
        it(`${allowed ? "lets" : "refuses"} a ${role} ${action} a colleague's ${status} article`, () => {
          const plan = planTransition(action, ownArticle(status), actors[role], "a note");
          expect(plan.ok).toBe(allowed);
        });
      }
    }
  }
});

describe("who may edit the text, in every state", () => {
  const authorMayEdit: ArticleStatus[] = ["draft", "changes_requested"];
  for (const status of articleStatuses) {
    it(`in a ${status} article: its reporter ${authorMayEdit.includes(status) ? "may" : "may not"}, a colleague may not, editors ${status === "spiked" ? "may not" : "may"}`, () => {
      expect(canEditText(ownArticle(status), reporter)).toBe(authorMayEdit.includes(status));
      expect(canEditText(ownArticle(status), otherReporter)).toBe(false);
      expect(canEditText(ownArticle(status), editor)).toBe(status !== "spiked");
      expect(canEditText(ownArticle(status), admin)).toBe(status !== "spiked");
    });
  }
});

describe("reporters", () => {
  it("cannot publish, schedule, unpublish or spike, whatever the state", () => {
    for (const action of ["publish", "republish", "schedule", "cancelSchedule", "unpublish", "spike", "restore", "approve", "requestChanges"] as const) {
      for (const status of articleStatuses) {
        const plan = planTransition(action, ownArticle(status), reporter, "note");
        expect(plan.ok).toBe(false);
        if (!plan.ok) expect(plan.reason).toBe("forbidden");
      }
    }
  });

  it("cannot submit someone else's draft", () => {
    const plan = planTransition("submit", ownArticle("draft"), otherReporter);
    expect(plan).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("may edit their own draft or returned article, but not one in review or published", () => {
    expect(canEditText(ownArticle("draft"), reporter)).toBe(true);
    expect(canEditText(ownArticle("changes_requested"), reporter)).toBe(true);
    expect(canEditText(ownArticle("submitted"), reporter)).toBe(false);
    expect(canEditText(ownArticle("published"), reporter)).toBe(false);
    expect(canEditText(ownArticle("draft"), otherReporter)).toBe(false);
  });

  it("are offered only “Submit for review” on their draft", () => {
    expect(availableActions(ownArticle("draft"), reporter)).toEqual(["submit"]);
    expect(availableActions(ownArticle("submitted"), reporter)).toEqual([]);
  });
});

describe("editors", () => {
  it("must say what needs to change when returning an article", () => {
    expect(planTransition("requestChanges", ownArticle("submitted"), editor, "  ")).toMatchObject({
      ok: false,
      reason: "note_required",
    });
    expect(planTransition("requestChanges", ownArticle("submitted"), editor, "Add a second source.")).toMatchObject({
      ok: true,
      to: "changes_requested",
    });
  });

  it("publish a submitted article, and only republish a published one", () => {
    expect(planTransition("publish", ownArticle("submitted"), editor)).toMatchObject({ ok: true, publishes: true });
    expect(planTransition("publish", ownArticle("published"), editor)).toMatchObject({ ok: false, reason: "invalid_transition" });
    expect(planTransition("republish", ownArticle("published"), editor)).toMatchObject({ ok: true, to: "published" });
  });

  it("may edit anything but a spiked article", () => {
    expect(canEditText(ownArticle("published"), editor)).toBe(true);
    expect(canEditText(ownArticle("spiked"), editor)).toBe(false);
    expect(canEditText(ownArticle("submitted"), admin)).toBe(true);
  });
});

describe("a permission refusal and a state refusal", () => {
  it("are told apart: a reporter may not publish at all; an editor may, but not what is already live", () => {
    for (const status of articleStatuses) {
      expect(planTransition("publish", ownArticle(status), reporter), status).toMatchObject({ ok: false, reason: "forbidden" });
    }
    expect(planTransition("publish", ownArticle("published"), editor)).toMatchObject({ ok: false, reason: "invalid_transition" });
    expect(planTransition("submit", ownArticle("submitted"), reporter)).toMatchObject({ ok: false, reason: "invalid_transition" });
  });
});

describe("a scheduled run (decision 013)", () => {
  const due = new Date("2030-06-01T09:00:00Z");
  const scheduled = { status: "scheduled" as const, scheduledFor: due, scheduledById: editor.id };

  it("publishes, at its time, in the name of the editor who scheduled it", () => {
    expect(scheduledRunMayPublish(scheduled, editor, due)).toBe(true);
    expect(planScheduledRun(scheduled, editor, new Date("2030-06-01T09:00:01Z"))).toEqual({
      ok: true,
      action: "publish",
      from: "scheduled",
      to: "published",
      publishes: true,
    });
  });

  it("still publishes when that editor has since become a reporter: the schedule was their decision", () => {
    const demoted: Actor = { id: editor.id, role: "reporter" };
    expect(planTransition("publish", { ...scheduled, authorId: "someone" }, demoted).ok).toBe(false);
    expect(planScheduledRun(scheduled, demoted, due)).toMatchObject({ ok: true, to: "published" });
  });

  it("does not publish before its time, for another editor, or what is no longer scheduled", () => {
    expect(scheduledRunMayPublish(scheduled, editor, new Date("2030-06-01T08:59:59Z"))).toBe(false);
    expect(scheduledRunMayPublish(scheduled, admin, due)).toBe(false);
    expect(scheduledRunMayPublish({ ...scheduled, scheduledById: null }, editor, due)).toBe(false);
    expect(scheduledRunMayPublish({ ...scheduled, scheduledFor: null }, editor, due)).toBe(false);
    for (const status of articleStatuses.filter((status) => status !== "scheduled")) {
      expect(planScheduledRun({ ...scheduled, status }, editor, due), status).toMatchObject({ ok: false, reason: "invalid_transition" });
    }
  });
});

describe("where a move lands", () => {
  it("sends an article edited since it was scheduled back to review when its schedule is cancelled", () => {
    expect(landingState({ action: "cancelSchedule", to: "approved" }, { version: 3, approvedVersion: 2 })).toBe("submitted");
    expect(landingState({ action: "cancelSchedule", to: "approved" }, { version: 2, approvedVersion: 2 })).toBe("approved");
  });

  it("lands every other move where the table says", () => {
    expect(landingState({ action: "publish", to: "published" }, { version: 3, approvedVersion: 2 })).toBe("published");
    expect(landingState({ action: "schedule", to: "scheduled" }, { version: 3, approvedVersion: 2 })).toBe("scheduled");
  });
});

describe("what an edit does", () => {
  it("sends an approved article back to review, withdrawing the sign-off, and says so in the history", () => {
    expect(afterEdit({ status: "approved", version: 2, approvedVersion: 2 })).toEqual({
      status: "submitted",
      resetsApproval: true,
      event: "edited-after-approval",
    });
  });

  it("keeps a scheduled article scheduled, noting only the first edit since it was scheduled", () => {
    expect(afterEdit({ status: "scheduled", version: 2, approvedVersion: 2 })).toEqual({
      status: "scheduled",
      resetsApproval: false,
      event: "edited-after-scheduling",
    });
    expect(afterEdit({ status: "scheduled", version: 3, approvedVersion: 2 })).toEqual({ status: "scheduled", resetsApproval: false, event: null });
  });

  it("leaves every other state as it is, with nothing to record", () => {
    for (const status of articleStatuses.filter((status) => status !== "approved" && status !== "scheduled")) {
      expect(afterEdit({ status, version: 2, approvedVersion: null }), status).toEqual({ status, resetsApproval: false, event: null });
    }
  });
});
