"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { createAssignmentAction, updateAssignmentAction } from "@/lib/assignments/actions";
import type { FieldErrors } from "@/lib/articles/schemas";
import { FieldError } from "@/components/ui/field-error";
import { StatusLine } from "@/components/ui/status-line";

export type AssignmentValues = { brief: string; notes: string; sectionId: string; assigneeId: string; deadline: string };

/**
 * The assignment form: a new assignment in full, or (with `assignmentId`) an editor's reassignment
 * and deadline change. The deadline is typed in the newsroom's time zone; the server converts it.
 * Whatever the server answers, the typed values stay.
 */
export function AssignmentForm({
  assignmentId,
  initialValues,
  sections,
  assignees,
  timeZone,
  assigneeLocked = false,
}: {
  assignmentId?: string;
  initialValues: AssignmentValues;
  sections: { id: string; name: string }[];
  assignees: { id: string; name: string; role: string }[];
  timeZone: string;
  /** A story already being written keeps its writer. */
  assigneeLocked?: boolean;
}) {
  const router = useRouter();
  const [values, setValues] = useState(initialValues);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const [pending, startTransition] = useDeskTransition();
  const id = useId();
  const editing = Boolean(assignmentId);

  const update = (key: keyof AssignmentValues, value: string) => setValues((current) => ({ ...current, [key]: value }));
  const field = (name: keyof AssignmentValues) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": fieldErrors[name] ? true : undefined,
    "aria-describedby": fieldErrors[name] ? `${id}-${name}-error` : undefined,
  });
  const error = (name: keyof AssignmentValues) => <FieldError formId={id} name={name} errors={fieldErrors} />;

  function submit() {
    setMessage(null);
    startTransition(async () => {
      const result = assignmentId
        ? await updateAssignmentAction({ assignmentId, assigneeId: values.assigneeId, deadline: values.deadline })
        : await createAssignmentAction(values);
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ kind: "error", text: result.error });
        return;
      }
      setFieldErrors({});
      if (editing) {
        setMessage({ kind: "done", text: "Assignment updated." });
        router.refresh();
      } else {
        router.push("/desk/assignments");
      }
    });
  }

  return (
    <form
      className="assignment-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {editing ? null : (
        <>
          <div className="field">
            <label htmlFor={`${id}-brief`}>Brief</label>
            <input {...field("brief")} value={values.brief} onChange={(e) => update("brief", e.target.value)} />
            {error("brief")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-notes`}>Notes</label>
            <textarea {...field("notes")} rows={4} value={values.notes} onChange={(e) => update("notes", e.target.value)} />
            {error("notes")}
          </div>
        </>
      )}
      <div className="field-row">
        {editing ? null : (
          <div className="field">
            <label htmlFor={`${id}-sectionId`}>Section</label>
            <select {...field("sectionId")} value={values.sectionId} onChange={(e) => update("sectionId", e.target.value)}>
              <option value="">No section</option>
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.name}
                </option>
              ))}
            </select>
            {error("sectionId")}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-assigneeId`}>Assignee</label>
          <select
            {...field("assigneeId")}
            value={values.assigneeId}
            disabled={assigneeLocked}
            onChange={(e) => update("assigneeId", e.target.value)}
          >
            <option value="">Choose a writer</option>
            {assignees.map((assignee) => (
              <option key={assignee.id} value={assignee.id}>
                {assignee.name} ({assignee.role})
              </option>
            ))}
          </select>
          {assigneeLocked ? <p className="hint">The story is being written; its writer stays.</p> : null}
          {error("assigneeId")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-deadline`}>Deadline</label>
          <input
            {...field("deadline")}
            type="datetime-local"
            value={values.deadline}
            onChange={(e) => update("deadline", e.target.value)}
          />
          <p className="hint">In the newsroom’s time zone ({timeZone}).</p>
          {error("deadline")}
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={pending}>
          {editing ? "Save changes" : "Assign"}
        </button>
        <StatusLine message={message} />
      </div>
    </form>
  );
}
