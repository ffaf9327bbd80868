"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { deactivateUserAction, reactivateUserAction } from "@/lib/users/actions";
import { formatDateTime } from "@/lib/time/format";
import type { FieldErrors } from "@/lib/desk-results";
import type { StaffRow } from "@/lib/users/queries";
import { PasswordField } from "@/components/ui/field";
import { StatusLine, type FormMessage } from "@/components/ui/status-line";
import { deskHeadline } from "@/lib/articles/desk-title";

type ScheduledStory = { id: string; headline: string; scheduledFor: Date };

/**
 * Whether someone may sign in, and the buttons that change it. Two steps can come back from the
 * server before anything changes: the stories the person scheduled (they still go live, decision
 * 013, so the admin sees them and confirms), and, for an account still on the public demo
 * password, a new password to set while reactivating it.
 */
export function AccountControls({ row, isYou, timeZone }: { row: StaffRow; isYou: boolean; timeZone: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<FormMessage>(null);
  const [scheduled, setScheduled] = useState<ScheduledStory[] | null>(null);
  const [askPassword, setAskPassword] = useState(false);
  const [newPassword, setNewPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useDeskTransition();
  const id = useId();

  const done = (text: string) => {
    setMessage({ kind: "done", text });
    setScheduled(null);
    setAskPassword(false);
    setNewPassword("");
    setFieldErrors({});
    router.refresh();
  };

  function deactivate(acknowledgedScheduled: string[]) {
    setMessage(null);
    startTransition(async () => {
      const result = await deactivateUserAction({ userId: row.id, acknowledgedScheduled });
      if (!result.ok) return setMessage({ kind: "error", text: result.error });
      if (!result.deactivated) return setScheduled(result.scheduled);
      done(`${row.name} can no longer sign in.`);
    });
  }

  function reactivate() {
    setMessage(null);
    startTransition(async () => {
      const result = await reactivateUserAction({ userId: row.id, ...(askPassword ? { newPassword } : {}) });
      if (!result.ok) {
        if (result.fieldErrors?.newPassword) setAskPassword(true);
        setFieldErrors(result.fieldErrors ?? {});
        return setMessage({ kind: "error", text: result.error });
      }
      done(`${row.name} can sign in again.`);
    });
  }

  return (
    <>
      <span className={row.active ? "status status-active" : "status status-deactivated"}>{row.active ? "Active" : "Deactivated"}</span>
      {isYou ? null : row.active ? (
        scheduled ? null : (
          <button type="button" className="button" disabled={pending} onClick={() => deactivate([])}>
            Deactivate<span className="visually-hidden"> {row.name}</span>
          </button>
        )
      ) : askPassword ? null : (
        <button type="button" className="button" disabled={pending} onClick={reactivate}>
          Reactivate<span className="visually-hidden"> {row.name}</span>
        </button>
      )}
      {scheduled ? (
        <div className="account-confirm" role="group" aria-labelledby={`${id}-scheduled`}>
          <p id={`${id}-scheduled`}>
            {row.name} scheduled {scheduled.length === 1 ? "a story" : `${scheduled.length} stories`}. {scheduled.length === 1 ? "It" : "They"}{" "}
            will still go live at {scheduled.length === 1 ? "its time" : "their times"}; an editor can cancel a schedule.
          </p>
          <ul>
            {scheduled.map((story) => (
              <li key={story.id}>
                <Link href={`/desk/articles/${story.id}`}>{deskHeadline(story.headline)}</Link>{" "}
                <span className="hint">({formatDateTime(new Date(story.scheduledFor), timeZone)})</span>
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" className="button" disabled={pending} onClick={() => deactivate(scheduled.map((story) => story.id))}>
              Deactivate anyway<span className="visually-hidden"> {row.name}</span>
            </button>
            <button type="button" className="button-link" onClick={() => setScheduled(null)}>
              Keep {row.name} active
            </button>
          </div>
        </div>
      ) : null}
      {askPassword ? (
        <form
          className="account-confirm"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            reactivate();
          }}
        >
          <PasswordField
            form={{ id, fieldErrors }}
            name="newPassword"
            named={false}
            label={`New password for ${row.name}`}
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNewPassword(event.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={pending}>
              Reactivate with this password<span className="visually-hidden"> ({row.name})</span>
            </button>
            <button
              type="button"
              className="button-link"
              onClick={() => {
                setAskPassword(false);
                setMessage(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      <StatusLine message={message} />
    </>
  );
}
