"use client";

import { useRouter } from "next/navigation";
import { createAssignmentAction, updateAssignmentAction } from "@/lib/assignments/actions";
import { Field } from "@/components/ui/field";
import { StatusLine } from "@/components/ui/status-line";
import { useFormAction } from "@/components/ui/use-form-action";
import { SectionOptions } from "./section-options";

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
  const form = useFormAction(initialValues);
  const { values } = form;
  const update = (key: keyof AssignmentValues, value: string) => form.update(key, value);
  const editing = Boolean(assignmentId);

  return (
    <form
      className="assignment-form"
      noValidate
      onSubmit={form.submitWith(
        () =>
          assignmentId
            ? updateAssignmentAction({ assignmentId, assigneeId: values.assigneeId, deadline: values.deadline })
            : createAssignmentAction(values),
        () => {
          if (!editing) return router.push("/desk/assignments");
          router.refresh();
          return { kind: "done", text: "Assignment updated." };
        },
      )}
    >
      {editing ? null : (
        <>
          <Field form={form} name="brief" label="Brief">
            {(control) => <input {...control} {...form.bind("brief")} />}
          </Field>
          <Field form={form} name="notes" label="Notes">
            {(control) => <textarea {...control} rows={4} {...form.bind("notes")} />}
          </Field>
        </>
      )}
      <div className="field-row">
        {editing ? null : (
          <Field form={form} name="sectionId" label="Section">
            {(control) => (
              <select {...control} {...form.bind("sectionId")}>
                <option value="">No section</option>
                <SectionOptions sections={sections} />
              </select>
            )}
          </Field>
        )}
        <Field
          form={form}
          name="assigneeId"
          label="Assignee"
          hint={assigneeLocked ? "The story is being written; its writer stays." : undefined}
        >
          {(control) => (
            <select {...control} value={values.assigneeId} disabled={assigneeLocked} onChange={(e) => update("assigneeId", e.target.value)}>
              <option value="">Choose a writer</option>
              {assignees.map((assignee) => (
                <option key={assignee.id} value={assignee.id}>
                  {assignee.name} ({assignee.role})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="deadline" label="Deadline" hint={`In the newsroom’s time zone (${timeZone}).`}>
          {(control) => <input {...control} type="datetime-local" {...form.bind("deadline")} />}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={form.busy}>
          {editing ? "Save changes" : "Assign"}
        </button>
        <StatusLine message={form.message} />
      </div>
    </form>
  );
}
