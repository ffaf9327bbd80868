"use server";

import { revalidatePath } from "next/cache";
import { runEnrolSecondFactor, runRemoveOwnSecondFactor, runRenewRecoveryCodes } from "@/lib/auth/second-factor-actions";

// Enrolling lifts the desk's enrolment gate, which the desk's frame (its navigation) reflects.
function refreshDesk<T extends { ok: boolean }>(result: T): T {
  if (result.ok) revalidatePath("/desk", "layout");
  return result;
}

export async function enrolSecondFactorAction(input: unknown) {
  return refreshDesk(await runEnrolSecondFactor(input));
}

export async function removeOwnSecondFactorAction(input: unknown) {
  return refreshDesk(await runRemoveOwnSecondFactor(input));
}

export async function renewRecoveryCodesAction(input: unknown) {
  return runRenewRecoveryCodes(input);
}
