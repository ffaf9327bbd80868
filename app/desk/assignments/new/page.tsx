import { redirect } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireDeskUser } from "@/lib/auth/session";
import { listAssignees } from "@/lib/assignments/queries";
import { listSections } from "@/lib/articles/desk-queries";
import { getSettings } from "@/lib/settings";
import { AssignmentForm } from "@/components/desk/assignment-form";

export const dynamic = "force-dynamic";

export default async function NewAssignmentPage() {
  const user = await requireDeskUser();
  if (!can(user, "assign:story:any")) redirect("/desk/assignments");
  const [sections, assignees, { timeZone }] = await Promise.all([listSections(), listAssignees(), getSettings()]);
  return (
    <>
      <h1>New assignment</h1>
      <AssignmentForm
        sections={sections}
        assignees={assignees}
        timeZone={timeZone}
        initialValues={{ brief: "", notes: "", sectionId: "", assigneeId: "", deadline: "" }}
      />
    </>
  );
}
