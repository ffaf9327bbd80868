/**
 * The rules that keep a newsroom administrable: an admin cannot lock themselves out (deactivate
 * themselves, drop their own admin role), and the last active admin can be neither demoted nor
 * deactivated. Pure functions; the commands in ./commands re-read the facts inside a transaction
 * and ask these before writing.
 */
import type { Role } from "@/lib/auth/policy";

export type StaffFacts = { id: string; role: Role; active: boolean };

export type UserChangePlan = { ok: true } | { ok: false; reason: "forbidden" | "conflict"; message: string };

const allowed: UserChangePlan = { ok: true };

/** Whether moving `target` to `after` takes away the newsroom's only active admin. */
function removesLastAdmin(target: StaffFacts, after: StaffFacts, activeAdminCount: number): boolean {
  const isActiveAdmin = (user: StaffFacts) => user.active && user.role === "admin";
  return isActiveAdmin(target) && !isActiveAdmin(after) && activeAdminCount <= 1;
}

const lastAdminRefusal: UserChangePlan = {
  ok: false,
  reason: "conflict",
  message: "This is the last active admin. Make someone else an admin first.",
};

/** May `actor` give `target` the role `role`? `activeAdminCount` is read in the same transaction. */
export function planRoleChange({
  actor,
  target,
  role,
  activeAdminCount,
}: {
  actor: { id: string };
  target: StaffFacts;
  role: Role;
  activeAdminCount: number;
}): UserChangePlan {
  if (actor.id === target.id && target.role === "admin" && role !== "admin") {
    return { ok: false, reason: "forbidden", message: "You cannot remove your own admin role. Ask another admin." };
  }
  if (removesLastAdmin(target, { ...target, role }, activeAdminCount)) return lastAdminRefusal;
  return allowed;
}

/** May `actor` deactivate `target`? Deactivating someone already deactivated changes nothing and is allowed. */
export function planDeactivation({
  actor,
  target,
  activeAdminCount,
}: {
  actor: { id: string };
  target: StaffFacts;
  activeAdminCount: number;
}): UserChangePlan {
  if (actor.id === target.id) {
    return { ok: false, reason: "forbidden", message: "You cannot deactivate yourself. Ask another admin." };
  }
  if (removesLastAdmin(target, { ...target, active: false }, activeAdminCount)) return lastAdminRefusal;
  return allowed;
}
