import { describe, expect, it } from "vitest";
import { composeEmail } from "./message";

const deskUrl = "https://desk.paper.test";

describe("composeEmail", () => {
  const requested = {
    kind: "changes_requested" as const,
    actorName: "Eve Editor",
    title: "Harbour <bridge> reopens",
    excerpt: "Add the council's reply.",
    href: "/desk/articles/a1#event-e1",
  };

  it("says who did what to which story, with the note and a link, in plain text and HTML", () => {
    const message = composeEmail({ to: "sam@paper.test", items: [requested], deskUrl, newspaperName: "The Harbourton Herald" });
    expect(message.to).toBe("sam@paper.test");
    expect(message.subject).toBe("[The Harbourton Herald] Eve Editor requested changes to “Harbour <bridge> reopens”");
    expect(message.text).toContain("Eve Editor requested changes to “Harbour <bridge> reopens”");
    expect(message.text).toContain("“Add the council's reply.”");
    expect(message.text).toContain("https://desk.paper.test/desk/articles/a1#event-e1");
    expect(message.html).toContain('<a href="https://desk.paper.test/desk/articles/a1#event-e1">');
    expect(message.html).toContain("Harbour &lt;bridge&gt; reopens");
    expect(message.html).not.toContain("<bridge>");
  });

  it("names the preferences page as the way to unsubscribe", () => {
    const message = composeEmail({ to: "sam@paper.test", items: [requested], deskUrl, newspaperName: "Herald" });
    expect(message.headers["List-Unsubscribe"]).toBe("<https://desk.paper.test/desk/account/notifications>");
    expect(message.text).toContain("https://desk.paper.test/desk/account/notifications");
  });

  it("gathers a digest into one message that lists each notification", () => {
    const late = { kind: "late_publication" as const, actorName: null, title: "Budget day", excerpt: "", href: "/desk/articles/a2#event-e2" };
    const message = composeEmail({ to: "eve@paper.test", items: [requested, late], deskUrl, newspaperName: "Herald" });
    expect(message.subject).toBe("[Herald] 2 things waiting for you in the desk");
    expect(message.text).toContain("“Budget day” went live late");
    expect(message.text).toContain("/desk/articles/a2#event-e2");
  });
});
