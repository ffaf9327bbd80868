import { describe, expect, it } from "vitest";
import { auditHref, auditWhere, readAuditFilters } from "./filters";

describe("reading the audit page's filters", () => {
  it("reads a person, a kind, a date range and a page", () => {
    expect(readAuditFilters({ actor: "u1", kind: "role_changed", from: "2026-03-01", to: "2026-03-31", page: "2" })).toEqual({
      ok: true,
      filters: { actor: "u1", kind: "role_changed", from: "2026-03-01", to: "2026-03-31", page: 2 },
    });
  });

  it("treats empty and missing filters alike, and takes the first of repeated ones", () => {
    expect(readAuditFilters({ actor: "", kind: ["sign_in_failed", "role_changed"] })).toEqual({
      ok: true,
      filters: { kind: "sign_in_failed", page: 1 },
    });
  });

  it("says which filter is wrong, and keeps what was typed", () => {
    const reading = readAuditFilters({ kind: "drop_tables", from: "2026-02-30", to: "yesterday" });
    expect(reading).toEqual({
      ok: false,
      fieldErrors: {
        kind: ["Choose a kind from the list."],
        from: ["Give a date as YYYY-MM-DD, e.g. 2026-03-29."],
        to: ["Give a date as YYYY-MM-DD, e.g. 2026-03-29."],
      },
      typed: { actor: "", kind: "drop_tables", from: "2026-02-30", to: "yesterday" },
    });
  });

  it("names only the unreadable date when the other one is fine", () => {
    expect(readAuditFilters({ from: "2026-02-30", to: "2026-01-01" })).toMatchObject({
      ok: false,
      fieldErrors: { from: ["Give a date as YYYY-MM-DD, e.g. 2026-03-29."] },
    });
    const reading = readAuditFilters({ from: "2026-02-30", to: "2026-01-01" });
    expect(reading.ok ? {} : reading.fieldErrors.to).toBeUndefined();
  });

  it("refuses a range that ends before it starts", () => {
    expect(readAuditFilters({ from: "2026-03-02", to: "2026-03-01" })).toMatchObject({
      ok: false,
      fieldErrors: { to: ["The end date is before the start date."] },
    });
  });
});

describe("the filtered view's query", () => {
  it("spans whole days in the newsroom's zone, the last day included", () => {
    // London is on UTC+1 after 29 March 2026.
    expect(auditWhere({ from: "2026-04-01", to: "2026-04-01", page: 1 }, "Europe/London")).toEqual({
      AND: [{ at: { gte: new Date("2026-03-31T23:00:00Z") } }, { at: { lt: new Date("2026-04-01T23:00:00Z") } }],
    });
    expect(auditWhere({ to: "2026-12-31", page: 1 }, "UTC")).toEqual({ AND: [{ at: { lt: new Date("2027-01-01T00:00:00Z") } }] });
  });

  it("finds failed sign-ins, which have no person, under 'nobody'", () => {
    expect(auditWhere({ actor: "nobody", kind: "sign_in_failed", page: 1 }, "UTC")).toEqual({
      AND: [{ actorId: null }, { kind: "sign_in_failed" }],
    });
  });
});

describe("links to a filtered view", () => {
  it("keep the filters in a fixed order and leave the first page out", () => {
    expect(auditHref("/desk/audit", { kind: "role_changed", actor: "u1", page: 1 })).toBe("/desk/audit?actor=u1&kind=role_changed");
    expect(auditHref("/desk/audit/export", { from: "2026-03-01", page: 3 })).toBe("/desk/audit/export?from=2026-03-01&page=3");
    expect(auditHref("/desk/audit", { page: 1 })).toBe("/desk/audit");
  });
});
