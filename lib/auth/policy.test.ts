import { describe, expect, it } from "vitest";
import { can, canOn, requirePermission, visibleArticlesWhere, visibleAssignmentsWhere } from "./policy";

const reporter = { id: "r1", role: "reporter" } as const;
const editor = { id: "e1", role: "editor" } as const;
const admin = { id: "a1", role: "admin" } as const;

describe("the authorization policy", () => {
  it("gives reporters no publishing rights", () => {
    expect(can(reporter, "publish:article:any")).toBe(false);
    expect(can(reporter, "review:article:any")).toBe(false);
    expect(can(reporter, "create:article")).toBe(true);
  });

  it("lets a reporter act on their own article only", () => {
    expect(canOn(reporter, "edit:article:own", { authorId: "r1" })).toBe(true);
    expect(canOn(reporter, "edit:article:own", { authorId: "someone-else" })).toBe(false);
  });

  it("lets an editor's :any permission satisfy :own on anyone's article", () => {
    expect(canOn(editor, "edit:article:own", { authorId: "r1" })).toBe(true);
  });

  it("keeps users and settings for admins", () => {
    expect(can(editor, "manage:users")).toBe(false);
    expect(can(admin, "manage:users")).toBe(true);
    expect(can(admin, "manage:settings")).toBe(true);
  });

  it("lets admins, and only admins, read the audit log", () => {
    expect(can(reporter, "read:audit")).toBe(false);
    expect(can(editor, "read:audit")).toBe(false);
    expect(can(admin, "read:audit")).toBe(true);
  });

  it("limits what a reporter sees in the desk to their own articles", () => {
    expect(visibleArticlesWhere(reporter)).toEqual({ authorId: "r1" });
    expect(visibleArticlesWhere(editor)).toEqual({});
  });

  it("lets editors and admins assign stories, but not reporters", () => {
    expect(can(reporter, "assign:story:any")).toBe(false);
    expect(can(editor, "assign:story:any")).toBe(true);
    expect(can(admin, "assign:story:any")).toBe(true);
  });

  it("shows a reporter only the assignments given to them, and an editor all of them", () => {
    expect(visibleAssignmentsWhere(reporter)).toEqual({ assigneeId: "r1" });
    expect(visibleAssignmentsWhere(editor)).toEqual({});
    expect(visibleAssignmentsWhere(admin)).toEqual({});
  });

  it("lets every member of staff upload to and browse the media library", () => {
    for (const user of [reporter, editor, admin]) {
      expect(can(user, "upload:media")).toBe(true);
      expect(can(user, "browse:media")).toBe(true);
    }
  });

  it("lets a reporter edit the details of the images they uploaded, and no one else's", () => {
    expect(canOn(reporter, "edit:media:own", { authorId: "r1" })).toBe(true);
    expect(canOn(reporter, "edit:media:own", { authorId: "e1" })).toBe(false);
    expect(can(reporter, "edit:media:any")).toBe(false);
  });

  it("lets editors and admins edit the details of anyone's image", () => {
    expect(canOn(editor, "edit:media:own", { authorId: "r1" })).toBe(true);
    expect(canOn(admin, "edit:media:own", { authorId: "r1" })).toBe(true);
  });

  it("guards one way: requirePermission returns when the user may, and refuses with the permission's words when not", () => {
    expect(() => requirePermission(admin, "manage:users")).not.toThrow();
    expect(() => requirePermission(editor, "manage:users")).toThrow(expect.objectContaining({ code: "forbidden", message: "You may not manage users." }));
    // With a target, own/any decides: a reporter's own image, not a colleague's.
    expect(() => requirePermission(reporter, "edit:media:own", { authorId: "r1" })).not.toThrow();
    expect(() => requirePermission(reporter, "edit:media:own", { authorId: "e1" })).toThrow(/your own images only/);
  });
});
