"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { changeUserRoleAction, removeSecondFactorAction } from "@/lib/users/actions";
import { roles, type Role } from "@/lib/auth/policy";
import { aRole, roleLabels } from "@/lib/users/labels";
import type { StaffRow } from "@/lib/users/queries";
import { StatusLine } from "@/components/ui/status-line";
import { AccountControls } from "./account-controls";
import { DeskTable } from "@/components/ui/desk-table";

/**
 * The newsroom's people, with their role and whether they may sign in. The buttons are offered to
 * admins only; the server re-checks every press against the rules in lib/users/rules.ts.
 */
export function StaffTable({ rows, currentUserId, timeZone }: { rows: StaffRow[]; currentUserId: string; timeZone: string }) {
  return (
    <DeskTable className="staff-table" columns={["Name", "Email", "Role", "Second factor", "Account"]} rows={rows}>
      {(row) => <StaffMemberRow row={row} isYou={row.id === currentUserId} timeZone={timeZone} />}
    </DeskTable>
  );
}

function StaffMemberRow({ row, isYou, timeZone }: { row: StaffRow; isYou: boolean; timeZone: string }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>(row.role);
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const [pending, startTransition] = useDeskTransition();
  const id = useId();

  function run(action: () => Promise<{ ok: true } | { ok: false; error: string }>, done: string) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setMessage({ kind: "error", text: result.error });
        return;
      }
      setMessage({ kind: "done", text: done });
      router.refresh();
    });
  }

  return (
    <tr className={row.active ? undefined : "deactivated"}>
      <td>
        {row.name}
        {isYou ? <span className="hint"> (you)</span> : null}
      </td>
      <td>{row.email}</td>
      <td>
        <div className="inline-form">
          <label htmlFor={`${id}-role`} className="visually-hidden">
            Role of {row.name}
          </label>
          {/* An admin cannot give up their own admin role (lib/users/rules.ts): nothing to offer. */}
          <select id={`${id}-role`} value={role} disabled={isYou} onChange={(event) => setRole(event.target.value as Role)}>
            {roles.map((option) => (
              <option key={option} value={option}>
                {roleLabels[option]}
              </option>
            ))}
          </select>
          {isYou ? null : (
            <button
              type="button"
              className="button"
              disabled={pending || role === row.role}
              onClick={() => run(() => changeUserRoleAction({ userId: row.id, role }), `${row.name} is now ${aRole[role]}.`)}
            >
              Change role<span className="visually-hidden"> of {row.name}</span>
            </button>
          )}
        </div>
        <StatusLine message={message} />
      </td>
      <td>
        <span className="status">{row.hasSecondFactor ? "On" : "Off"}</span>
        {/* For a lost phone; one's own factor is removed (with the password) on one's own page. */}
        {row.hasSecondFactor && !isYou ? (
          <button
            type="button"
            className="button"
            disabled={pending}
            onClick={() => run(() => removeSecondFactorAction({ userId: row.id }), `Removed ${row.name}'s second factor.`)}
          >
            Remove second factor<span className="visually-hidden"> of {row.name}</span>
          </button>
        ) : null}
      </td>
      <td>
        <AccountControls row={row} isYou={isYou} timeZone={timeZone} />
      </td>
    </tr>
  );
}
