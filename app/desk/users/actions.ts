"use server";

import { revalidatePath } from "next/cache";
import {
  runChangeUserRole,
  runCreateUser,
  runDeactivateUser,
  runReactivateUser,
  runRemoveSecondFactor,
  runResetPassword,
} from "@/lib/users/desk-actions";

// Every desk page shows who is signed in and what they may do, so a change refreshes the whole desk.
function refreshDesk<T extends { ok: boolean }>(result: T): T {
  if (result.ok) revalidatePath("/desk", "layout");
  return result;
}

export async function createUserAction(input: unknown) {
  return refreshDesk(await runCreateUser(input));
}

export async function changeUserRoleAction(input: unknown) {
  return refreshDesk(await runChangeUserRole(input));
}

export async function deactivateUserAction(input: unknown) {
  return refreshDesk(await runDeactivateUser(input));
}

export async function reactivateUserAction(input: unknown) {
  return refreshDesk(await runReactivateUser(input));
}

export async function removeSecondFactorAction(input: unknown) {
  return refreshDesk(await runRemoveSecondFactor(input));
}

// Not refreshDesk: the made password is in this result, shown once, and nothing else on the page changes.
export async function resetPasswordAction(input: unknown) {
  return runResetPassword(input);
}
