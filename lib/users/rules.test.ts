import { describe, expect, it } from "vitest";
import { planDeactivation, planRoleChange, type StaffFacts } from "./rules";

const ada: StaffFacts = { id: "ada", role: "admin", active: true };
const bo: StaffFacts = { id: "bo", role: "admin", active: true };
const rina: StaffFacts = { id: "rina", role: "reporter", active: true };
const formerAdmin: StaffFacts = { id: "old", role: "admin", active: false };

describe("changing a role", () => {
  it("lets an admin promote a reporter to editor or admin", () => {
    expect(planRoleChange({ actor: ada, target: rina, role: "editor", activeAdminCount: 1 })).toEqual({ ok: true });
    expect(planRoleChange({ actor: ada, target: rina, role: "admin", activeAdminCount: 1 })).toEqual({ ok: true });
  });

  it("lets an admin demote another admin while one remains", () => {
    expect(planRoleChange({ actor: ada, target: bo, role: "editor", activeAdminCount: 2 })).toEqual({ ok: true });
  });

  it("refuses an admin removing their own admin role, even with other admins about", () => {
    const plan = planRoleChange({ actor: ada, target: ada, role: "editor", activeAdminCount: 3 });
    expect(plan).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("lets an admin 'change' their own role to admin, which changes nothing", () => {
    expect(planRoleChange({ actor: ada, target: ada, role: "admin", activeAdminCount: 1 })).toEqual({ ok: true });
  });

  it("refuses demoting the last active admin", () => {
    const plan = planRoleChange({ actor: { id: "script" }, target: ada, role: "reporter", activeAdminCount: 1 });
    expect(plan).toMatchObject({ ok: false, reason: "conflict" });
  });

  it("does not count a deactivated admin as the last admin", () => {
    expect(planRoleChange({ actor: ada, target: formerAdmin, role: "reporter", activeAdminCount: 1 })).toEqual({ ok: true });
  });
});

describe("deactivating a user", () => {
  it("lets an admin deactivate a reporter", () => {
    expect(planDeactivation({ actor: ada, target: rina, activeAdminCount: 1 })).toEqual({ ok: true });
  });

  it("lets an admin deactivate another admin while one remains", () => {
    expect(planDeactivation({ actor: ada, target: bo, activeAdminCount: 2 })).toEqual({ ok: true });
  });

  it("refuses an admin deactivating themselves", () => {
    expect(planDeactivation({ actor: ada, target: ada, activeAdminCount: 2 })).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("refuses deactivating the last active admin", () => {
    const plan = planDeactivation({ actor: { id: "script" }, target: ada, activeAdminCount: 1 });
    expect(plan).toMatchObject({ ok: false, reason: "conflict" });
  });

  it("allows deactivating someone already deactivated, which changes nothing", () => {
    expect(planDeactivation({ actor: ada, target: formerAdmin, activeAdminCount: 1 })).toEqual({ ok: true });
  });
});
