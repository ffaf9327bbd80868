"use server";
/**
 * The second-factor page's actions (lib/server/desk-action.ts). They need only a session, and
 * serve a user on their way to enrolling: the enrolment gate lets them through.
 */
import "server-only";
import { deskAction, type DeskPath } from "@/lib/server/desk-action";
import { enrolSecondFactor } from "./commands/enrol-second-factor";
import { removeOwnSecondFactor } from "./commands/remove-own-second-factor";
import { renewRecoveryCodes } from "./commands/renew-recovery-codes";
import { enrolmentSchema, passwordConfirmationSchema } from "./second-factor-schemas";

const onTheWay = { allowPendingEnrolment: true };
// Enrolling lifts the desk's enrolment gate, which the desk's frame (its navigation) reflects.
const wholeDesk = (): DeskPath[] => [{ path: "/desk", type: "layout" }];

export const enrolSecondFactorAction = deskAction(
  { input: enrolmentSchema, needs: "signed-in", gate: onTheWay, refreshes: wholeDesk },
  (input, { actor, now, context }) => enrolSecondFactor({ input, actor, now, address: context.address }),
);

export const removeOwnSecondFactorAction = deskAction(
  { input: passwordConfirmationSchema, needs: "signed-in", gate: onTheWay, refreshes: wholeDesk },
  (input, { actor, now, context }) => removeOwnSecondFactor({ input, actor, now, address: context.address }),
);

export const renewRecoveryCodesAction = deskAction(
  { input: passwordConfirmationSchema, needs: "signed-in", gate: onTheWay },
  (input, { actor, now, context }) => renewRecoveryCodes({ input, actor, now, address: context.address }),
);
