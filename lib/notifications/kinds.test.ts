import { describe, expect, it } from "vitest";
import { deliveryFor, kindsFor, notificationSentence } from "./kinds";

describe("deliveryFor", () => {
  it.each([
    ["both", true, { desk: true, email: true }],
    ["desk", true, { desk: true, email: false }],
    ["email", true, { desk: false, email: true }],
    ["neither", true, { desk: false, email: false }],
    ["both", false, { desk: true, email: false }],
    // With email off, an email-only choice would hear nothing at all: the desk takes it.
    ["email", false, { desk: true, email: false }],
    ["neither", false, { desk: false, email: false }],
  ] as const)("%s with email %s → %o", (channel, emailOn, expected) => {
    expect(deliveryFor(channel, emailOn)).toEqual(expected);
  });
});

describe("notificationSentence", () => {
  it("names who did what to which story", () => {
    expect(notificationSentence({ kind: "changes_requested", actorName: "Eve Editor", title: "Pier" })).toBe("Eve Editor requested changes to “Pier”");
    expect(notificationSentence({ kind: "mentioned", actorName: null, title: "" })).toBe("Someone mentioned you in a note on “Untitled draft”");
  });

  it("names nobody for what the clock brought", () => {
    expect(notificationSentence({ kind: "late_publication", actorName: "Eve Editor", title: "Pier" })).toBe("“Pier” went live late");
    expect(notificationSentence({ kind: "deadline_passed", actorName: null, title: "Cover the regatta" })).toBe("“Cover the regatta” is past its deadline");
  });
});

describe("kindsFor", () => {
  it("offers reporters no submissions or late go-lives, which never reach them", () => {
    expect(kindsFor({ role: "reporter" })).not.toContain("submitted");
    expect(kindsFor({ role: "reporter" })).not.toContain("late_publication");
    expect(kindsFor({ role: "editor" })).toContain("submitted");
  });
});
