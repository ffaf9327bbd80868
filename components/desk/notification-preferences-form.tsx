"use client";

import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { savePreferencesAction } from "@/lib/notifications/actions";
import type { FieldErrors } from "@/lib/desk-results";
import {
  channelLabels,
  channels,
  digestLabels,
  digestRhythms,
  kindNames,
  type Channel,
  type DigestRhythm,
  type NotificationKind,
} from "@/lib/notifications/kinds";
import { FieldError } from "@/components/ui/field-error";
import { StatusLine, type FormMessage } from "@/components/ui/status-line";

type Values = { channels: Record<NotificationKind, Channel>; digest: DigestRhythm; sectionIds: string[] };

/**
 * Per kind of notification: desk, email, both or neither; how often email comes; and, for editors,
 * which sections' submissions reach them. `kinds` are the ones this person's role can receive.
 */
export function NotificationPreferencesForm({
  initialValues,
  kinds,
  sections,
  emailOn,
}: {
  initialValues: Values;
  kinds: NotificationKind[];
  /** Editors only; empty for reporters. */
  sections: { id: string; name: string }[];
  emailOn: boolean;
}) {
  const [values, setValues] = useState(initialValues);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, startTransition] = useDeskTransition();
  const id = useId();
  const toggleSection = (sectionId: string, on: boolean) =>
    setValues((current) => ({
      ...current,
      sectionIds: on ? [...current.sectionIds, sectionId] : current.sectionIds.filter((chosen) => chosen !== sectionId),
    }));

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMessage(null);
        startTransition(async () => {
          const result = await savePreferencesAction(values);
          setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
          setMessage(result.ok ? { kind: "done", text: "Saved." } : { kind: "error", text: result.error });
        });
      }}
    >
      <table className="article-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Tell me</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">
                <label htmlFor={`${id}-${kind}`}>{kindNames[kind]}</label>
              </th>
              <td>
                <select
                  id={`${id}-${kind}`}
                  value={values.channels[kind]}
                  onChange={(e) => setValues((current) => ({ ...current, channels: { ...current.channels, [kind]: e.target.value as Channel } }))}
                >
                  {channels.map((channel) => (
                    <option key={channel} value={channel}>
                      {channelLabels[channel]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field">
        <label htmlFor={`${id}-digest`}>Email</label>
        <select
          id={`${id}-digest`}
          aria-describedby={`${id}-digest-hint`}
          value={values.digest}
          onChange={(e) => setValues((current) => ({ ...current, digest: e.target.value as DigestRhythm }))}
        >
          {digestRhythms.map((rhythm) => (
            <option key={rhythm} value={rhythm}>
              {digestLabels[rhythm]}
            </option>
          ))}
        </select>
        <p id={`${id}-digest-hint`} className="hint">
          {emailOn
            ? "The daily email comes at 08:00 in the newsroom's time zone."
            : "Email is off for this newsroom, so anything you take by email only shows in the desk instead."}
        </p>
        <FieldError formId={id} name="digest" errors={fieldErrors} />
      </div>
      {sections.length ? (
        <fieldset className="field">
          <legend>Sections whose submissions reach you</legend>
          <p className="hint">Choose none to hear of every submission.</p>
          {sections.map((section) => (
            <label key={section.id} className="checkbox">
              <input
                type="checkbox"
                checked={values.sectionIds.includes(section.id)}
                onChange={(e) => toggleSection(section.id, e.target.checked)}
              />{" "}
              {section.name}
            </label>
          ))}
          <FieldError formId={id} name="sectionIds" errors={fieldErrors} />
        </fieldset>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        Save preferences
      </button>
      <StatusLine message={message} />
    </form>
  );
}
