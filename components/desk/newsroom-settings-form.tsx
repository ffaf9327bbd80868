"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { updateSettingsAction } from "@/lib/settings/actions";
import type { FieldErrors } from "@/lib/desk-results";
import { FieldError } from "@/components/ui/field-error";
import { StatusLine } from "@/components/ui/status-line";

type SettingsValues = { newspaperName: string; timeZone: string; requireSecondFactorForReporters: boolean };

/**
 * The newspaper's name (masthead, print line, feed), the time zone every date is shown in, and
 * whether reporters, like editors and admins, need a second factor to sign in.
 */
export function NewsroomSettingsForm({ initialValues, timeZones }: { initialValues: SettingsValues; timeZones: string[] }) {
  const router = useRouter();
  const [values, setValues] = useState(initialValues);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const [pending, startTransition] = useDeskTransition();
  const id = useId();

  const update = <K extends keyof SettingsValues>(key: K, value: SettingsValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setMessage(null);
  };
  const field = (name: keyof SettingsValues) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": fieldErrors[name] ? true : undefined,
    "aria-describedby": fieldErrors[name] ? `${id}-${name}-hint ${id}-${name}-error` : `${id}-${name}-hint`,
  });
  const error = (name: keyof SettingsValues) => <FieldError formId={id} name={name} errors={fieldErrors} />;

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMessage(null);
        startTransition(async () => {
          const result = await updateSettingsAction(values);
          if (!result.ok) {
            setFieldErrors(result.fieldErrors ?? {});
            setMessage({ kind: "error", text: result.error });
            return;
          }
          setFieldErrors({});
          setValues({
            newspaperName: result.newspaperName,
            timeZone: result.timeZone,
            requireSecondFactorForReporters: result.requireSecondFactorForReporters,
          });
          setMessage({ kind: "done", text: "Saved. Every page now uses these settings." });
          router.refresh();
        });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-newspaperName`}>Newspaper name</label>
        <input
          {...field("newspaperName")}
          value={values.newspaperName}
          onChange={(e) => update("newspaperName", e.target.value)}
        />
        <p id={`${id}-newspaperName-hint`} className="hint">
          On the masthead and in the print line under every story (“Published in …”). Up to 80 characters.
        </p>
        {error("newspaperName")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-timeZone`}>Time zone</label>
        <select {...field("timeZone")} value={values.timeZone} onChange={(e) => update("timeZone", e.target.value)}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <p id={`${id}-timeZone-hint`} className="hint">
          Dates are stored in UTC and shown to readers and staff in this zone.
        </p>
        {error("timeZone")}
      </div>
      <div className="field">
        <label className="checkbox">
          <input
            {...field("requireSecondFactorForReporters")}
            type="checkbox"
            checked={values.requireSecondFactorForReporters}
            onChange={(e) => update("requireSecondFactorForReporters", e.target.checked)}
          />
          Reporters need a second factor too
        </label>
        <p id={`${id}-requireSecondFactorForReporters-hint`} className="hint">
          Editors and admins always sign in with a code from an app on their phone. With this on, reporters do as well;
          those without one are asked to set it up on their next page.
        </p>
        {error("requireSecondFactorForReporters")}
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={pending}>
          Save settings
        </button>
        <StatusLine message={message} />
      </div>
    </form>
  );
}
