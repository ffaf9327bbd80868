"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { enrolSecondFactorAction, removeOwnSecondFactorAction, renewRecoveryCodesAction } from "@/lib/auth/actions";
import type { FieldErrors } from "@/lib/desk-results";
import { Field, PasswordField } from "@/components/ui/field";
import { StatusLine } from "@/components/ui/status-line";
import { useFormAction } from "@/components/ui/use-form-action";

export type PendingEnrolment = { token: string; secret: string; uri: string; qrCode: React.ReactNode };
type Enrolled = { since: string; recoveryCodesLeft: number; removable: boolean };

/**
 * The second factor, in one client component so the recovery codes, shown once after enrolling or
 * renewing, stay on screen while the server re-renders the page around them.
 */
export function SecondFactorPanel({ enrolled, pending }: { enrolled: Enrolled | null; pending: PendingEnrolment | null }) {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} />;
  if (enrolled) return <EnrolledFactor enrolled={enrolled} onNewCodes={setRecoveryCodes} />;
  if (pending) return <Enrolment pending={pending} onEnrolled={setRecoveryCodes} />;
  return null;
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="recovery-codes-heading" className="admin-panel">
      <h2 id="recovery-codes-heading">Your recovery codes</h2>
      <p>
        If you lose your phone, each of these codes signs you in once, typed where the app&rsquo;s code goes. Keep them
        now, somewhere apart from your phone (printed, or in a password manager): they are not shown again.
      </p>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <Link href="/desk" className="button primary">
          I have kept them: continue to the desk
        </Link>
      </p>
    </section>
  );
}

function Enrolment({ pending, onEnrolled }: { pending: PendingEnrolment; onEnrolled: (codes: string[]) => void }) {
  const form = useFormAction({ code: "" });

  return (
    <section aria-labelledby="enrol-heading" className="admin-panel">
      <h2 id="enrol-heading">Set up a second factor</h2>
      <ol className="enrolment-steps">
        <li>Open an authenticator app on your phone (any app for six-digit sign-in codes).</li>
        <li>
          Scan this QR code with it:
          {pending.qrCode}
        </li>
        <li>
          Or, if you cannot scan, add an account by hand with this secret key (time-based):
          <p>
            <code className="totp-secret">{pending.secret}</code>
          </p>
          <details>
            <summary>The setup address, for apps that take one</summary>
            <p>
              <code className="totp-uri">{pending.uri}</code>
            </p>
          </details>
        </li>
        <li>Type the code the app now shows, to confirm.</li>
      </ol>
      <form
        className="admin-form"
        noValidate
        onSubmit={form.submitWith(
          () => enrolSecondFactorAction({ token: pending.token, code: form.values.code }),
          (result) => onEnrolled(result.recoveryCodes),
        )}
      >
        <Field form={form} name="code" label="Code from your app">
          {(control) => (
            <input
              {...control}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={12}
              {...form.bind("code")}
            />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button primary" disabled={form.busy}>
            Turn on second factor
          </button>
          <StatusLine message={form.message} />
        </div>
      </form>
    </section>
  );
}

function EnrolledFactor({ enrolled, onNewCodes }: { enrolled: Enrolled; onNewCodes: (codes: string[]) => void }) {
  const router = useRouter();
  return (
    <>
      <section aria-labelledby="factor-heading" className="admin-panel">
        <h2 id="factor-heading">Your second factor is on</h2>
        <p>
          Since {enrolled.since}. Sign-in asks for a code from your app after your password.{" "}
          {enrolled.recoveryCodesLeft} of 10 recovery codes left.
        </p>
      </section>
      <section aria-labelledby="renew-heading" className="admin-panel">
        <h2 id="renew-heading">New recovery codes</h2>
        <p className="hint">Replaces every recovery code you have; the old ones stop working.</p>
        <PasswordConfirmedForm
          button="Make new recovery codes"
          action={renewRecoveryCodesAction}
          onDone={(result) => onNewCodes(result.recoveryCodes)}
        />
      </section>
      <section aria-labelledby="remove-heading" className="admin-panel">
        <h2 id="remove-heading">Remove the second factor</h2>
        {enrolled.removable ? (
          <PasswordConfirmedForm button="Remove second factor" action={removeOwnSecondFactorAction} onDone={() => router.refresh()} />
        ) : (
          <p className="hint">
            Your role needs a second factor, so it stays on. If you lose your phone and your recovery codes, an admin can
            remove it, and you set it up again.
          </p>
        )}
      </section>
    </>
  );
}

type PasswordAction<T> = (input: { password: string }) => Promise<({ ok: true } & T) | { ok: false; error: string; fieldErrors?: FieldErrors }>;

function PasswordConfirmedForm<T>({ button, action, onDone }: { button: string; action: PasswordAction<T>; onDone: (result: T) => void }) {
  const form = useFormAction({ password: "" });

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={form.submitWith(
        () => action({ password: form.values.password }),
        (result) => {
          form.update("password", "");
          onDone(result);
        },
      )}
    >
      <PasswordField form={form} name="password" label="Your password" autoComplete="current-password" {...form.bind("password")} />
      <div className="button-row">
        <button type="submit" className="button" disabled={form.busy}>
          {button}
        </button>
        <StatusLine message={form.message} />
      </div>
    </form>
  );
}
