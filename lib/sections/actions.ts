"use server";
/**
 * The sections list's actions (lib/server/desk-action.ts), on the settings page. Sections appear in
 * every public and desk page's navigation, so a change refreshes the whole site.
 */
import "server-only";
import { deskAction, type DeskPath } from "@/lib/server/desk-action";
import { addSection } from "./commands/add-section";
import { deleteSection } from "./commands/delete-section";
import { moveSection } from "./commands/move-section";
import { renameSection } from "./commands/rename-section";
import { addSectionSchema, moveSectionSchema, renameSectionSchema, sectionRefSchema } from "./schemas";

const wholeSite = (): DeskPath[] => [{ path: "/", type: "layout" }];

export const addSectionAction = deskAction(
  {
    input: addSectionSchema,
    needs: "manage:settings",
    refreshes: wholeSite,
    // A name that makes no address, or a taken one, is a mistake in the name field.
    refused: (failure) =>
      failure.code === "conflict" || failure.code === "invalid_input" ? { ...failure, fieldErrors: { name: [failure.error] } } : failure,
  },
  (input, { actor, context }) => addSection({ input, actor, context }),
);

export const renameSectionAction = deskAction(
  { input: renameSectionSchema, needs: "manage:settings", refreshes: wholeSite },
  (input, { actor, context }) => renameSection({ input, actor, context }),
);

export const moveSectionAction = deskAction(
  { input: moveSectionSchema, needs: "manage:settings", refreshes: wholeSite },
  (input, { actor, context }) => moveSection({ input, actor, context }),
);

export const deleteSectionAction = deskAction(
  { input: sectionRefSchema, needs: "manage:settings", refreshes: wholeSite },
  (input, { actor, context }) => deleteSection({ input, actor, context }),
);
