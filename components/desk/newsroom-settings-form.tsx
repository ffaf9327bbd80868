"use client";

import { useRouter } from "next/navigation";
import { updateSettingsAction } from "@/lib/settings/actions";
import { controlProps, Field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { StatusLine } from "@/components/ui/status-line";
import { useFormAction } from "@/components/ui/use-form-action";

type SettingsValues = { newspaperName: string; timeZone: string; requireSecondFactorForReporters: boolean };

/**
 * The newspaper's name (masthead, print line, feed), the time zone every date is shown in, and
 * whether reporters, like editors and admins, need a second factor to sign in.
 */
export function NewsroomSettingsForm({ initialValues, timeZones }: { initialValues: SettingsValues; timeZones: string[] }) {
  const router = useRouter();
  const form = useFormAction(initialValues);
  const { values } = form;
  const update = <K extends keyof SettingsValues>(key: K, value: SettingsValues[K]) => {
    form.update(key, value);
    form.setMessage(null);
  };

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={form.submitWith(
        () => updateSettingsAction(values),
        (saved) => {
          form.setValues({
            newspaperName: saved.newspaperName,
            timeZone: saved.timeZone,
            requireSecondFactorForReporters: saved.requireSecondFactorForReporters,
          });
          router.refresh();
          return { kind: "done", text: "Saved. Every page now uses these settings." };
        },
      )}
    >
      <Field
        form={form}
        name="newspaperName"
        label="Newspaper name"
        hint="On the masthead and in the print line under every story (“Published in …”). Up to 80 characters."
      >
        {(control) => <input {...control} value={values.newspaperName} onChange={(e) => update("newspaperName", e.target.value)} />}
      </Field>
      <Field form={form} name="timeZone" label="Time zone" hint="Dates are stored in UTC and shown to readers and staff in this zone.">
        {(control) => (
          <select {...control} value={values.timeZone} onChange={(e) => update("timeZone", e.target.value)}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field">
        <label className="checkbox">
          <input
            {...controlProps(form.id, "requireSecondFactorForReporters", form.fieldErrors, { hint: true })}
            type="checkbox"
            checked={values.requireSecondFactorForReporters}
            onChange={(e) => update("requireSecondFactorForReporters", e.target.checked)}
          />
          Reporters need a second factor too
        </label>
        <p id={`${form.id}-requireSecondFactorForReporters-hint`} className="hint">
          Editors and admins always sign in with a code from an app on their phone. With this on, reporters do as well;
          those without one are asked to set it up on their next page.
        </p>
        <FieldError formId={form.id} name="requireSecondFactorForReporters" errors={form.fieldErrors} />
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={form.busy}>
          Save settings
        </button>
        <StatusLine message={form.message} />
      </div>
    </form>
  );
}
