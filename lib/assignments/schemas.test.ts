import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createAssignmentSchema, updateAssignmentSchema } from "./schemas";

const errorsOf = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? z.flattenError(result.error).fieldErrors : {};

describe("the assignment form's contract", () => {
  it("accepts a brief, an assignee and a deadline, with no section or notes", () => {
    const result = createAssignmentSchema.safeParse({
      brief: " Council budget vote ",
      notes: "",
      sectionId: "",
      assigneeId: "r1",
      deadline: "2026-03-10T18:30",
    });
    expect(result.success && result.data).toEqual({
      brief: "Council budget vote",
      notes: "",
      sectionId: undefined,
      assigneeId: "r1",
      deadline: "2026-03-10T18:30",
    });
  });

  it("asks for the brief, the assignee and the deadline beside their fields", () => {
    const result = createAssignmentSchema.safeParse({ brief: "  ", assigneeId: "", deadline: "" });
    expect(errorsOf(result)).toEqual({
      brief: ["Say what the story is."],
      assigneeId: ["Choose who writes it."],
      deadline: ["Give a deadline."],
    });
  });

  it("refuses a deadline that is not a datetime-local value", () => {
    const result = updateAssignmentSchema.safeParse({ assignmentId: "a1", assigneeId: "r1", deadline: "tomorrow" });
    expect(errorsOf(result)).toEqual({ deadline: ["Give the deadline as a date and time."] });
  });
});
