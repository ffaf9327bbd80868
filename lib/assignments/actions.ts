"use server";
/**
 * The assignment screens' actions (lib/server/desk-action.ts): the deadline is read in the
 * newsroom's time zone before the command runs.
 */
import "server-only";
import { refuseInput } from "@/lib/desk-results";
import { deskAction, type DeskActionContext } from "@/lib/server/desk-action";
import { getSettings } from "@/lib/settings";
import { cancelAssignment } from "./commands/cancel-assignment";
import { createAssignment } from "./commands/create-assignment";
import { updateAssignment } from "./commands/update-assignment";
import { deadlineFromInput } from "./rules";
import { cancelAssignmentSchema, createAssignmentSchema, updateAssignmentSchema } from "./schemas";

async function deadlineOf(input: string, { now }: DeskActionContext): Promise<Date> {
  const deadline = deadlineFromInput(input, (await getSettings()).timeZone, now);
  if (!deadline.ok) refuseInput({ deadline: [deadline.error] });
  return deadline.deadline;
}

export const createAssignmentAction = deskAction(
  { input: createAssignmentSchema, needs: "assign:story:any", refreshes: () => ["/desk/assignments"] },
  async (input, context) =>
    createAssignment({ input: { ...input, deadline: await deadlineOf(input.deadline, context) }, actor: context.actor, now: context.now }),
);

export const updateAssignmentAction = deskAction(
  { input: updateAssignmentSchema, needs: "assign:story:any", refreshes: () => [{ path: "/desk/assignments", type: "layout" }] },
  async (input, context) =>
    updateAssignment({ input: { ...input, deadline: await deadlineOf(input.deadline, context) }, actor: context.actor, now: context.now }),
);

export const cancelAssignmentAction = deskAction(
  { input: cancelAssignmentSchema, needs: "assign:story:any", refreshes: () => [{ path: "/desk/assignments", type: "layout" }, "/desk"] },
  (input, { actor, now }) => cancelAssignment({ assignmentId: input.assignmentId, actor, now }),
);
