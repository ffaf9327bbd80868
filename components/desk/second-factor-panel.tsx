"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { enrolSecondFactorAction, removeOwnSecondFactorAction, renewRecoveryCodesAction } from "@/lib/auth/actions";
import type { FieldErrors } from "@/lib/desk-results";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { FieldError } from "@/components/ui/field-error";
import { StatusLine, type FormMessage } from "@/components/ui/status-line";

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
  const [code, setCode] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, startTransition] = useDeskTransition();
  const id = useId();

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
        onSubmit={(event) => {
          event.preventDefault();
          setMessage(null);
          startTransition(async () => {
            const result = await enrolSecondFactorAction({ token: pending.token, code });
            if (!result.ok) {
              setFieldErrors(result.fieldErrors ?? {});
              setMessage({ kind: "error", text: result.error });
              return;
            }
            onEnrolled(result.recoveryCodes);
          });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-code`}>Code from your app</label>
          <input
            id={`${id}-code`}
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={12}
            aria-invalid={fieldErrors.code ? true : undefined}
            aria-describedby={fieldErrors.code ? `${id}-code-error` : undefined}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <FieldError formId={id} name="code" errors={fieldErrors} />
        </div>
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy}>
            Turn on second factor
          </button>
          <StatusLine message={message} />
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
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, startTransition] = useDeskTransition();
  const id = useId();

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMessage(null);
        startTransition(async () => {
          const result = await action({ password });
          if (!result.ok) {
            setFieldErrors(result.fieldErrors ?? {});
            setMessage({ kind: "error", text: result.error });
            return;
          }
          setFieldErrors({});
          setPassword("");
          onDone(result);
        });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-password`}>Your password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? `${id}-password-error` : undefined}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FieldError formId={id} name="password" errors={fieldErrors} />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {button}
        </button>
        <StatusLine message={message} />
      </div>
    </form>
  );
}
