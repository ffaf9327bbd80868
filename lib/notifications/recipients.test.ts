import { describe, expect, it } from "vitest";
import { candidatesFor, isMentioned, recipientsFor, type NewsroomEvent, type Person, type RecipientContext } from "./recipients";

const person = (id: string, role: Person["role"], extra: Partial<Person> = {}): Person => ({
  id,
  role,
  name: `${id.charAt(0).toUpperCase()}${id.slice(1)} Person`,
  email: `${id}@paper.test`,
  active: true,
  ...extra,
});

const writer = person("writer", "reporter");
const otherReporter = person("other", "reporter");
const editor = person("editor", "editor");
const secondEditor = person("second", "editor");
const admin = person("admin", "admin");
const retired = person("retired", "editor", { active: false });
const people = [writer, otherReporter, editor, secondEditor, admin, retired];

function context(overrides: Partial<RecipientContext> = {}, article: Partial<NonNullable<RecipientContext["article"]>> = {}): RecipientContext {
  return {
    people,
    article: { authorId: writer.id, writerIds: [writer.id], sectionId: "city", actorIds: [], follows: [], ...article },
    sectionFollows: [],
    ...overrides,
  };
}

const ids = (event: NewsroomEvent, given: RecipientContext) => recipientsFor(event, given).map((r) => r.userId).sort();
const articleEvent = (kind: Extract<NewsroomEvent, { eventId: string }>["kind"], actorId: string | null): NewsroomEvent => ({
  kind,
  articleId: "a1",
  actorId,
  eventId: "e1",
});

describe("a submission", () => {
  it("reaches every active editor and admin, never the reporter who submitted it nor another reporter", () => {
    expect(ids(articleEvent("submitted", writer.id), context())).toEqual(["admin", "editor", "second"]);
  });

  it("reaches an editor who follows sections only when it is in one of them", () => {
    const follows = { sectionFollows: [{ userId: editor.id, sectionId: "sport" }] };
    expect(ids(articleEvent("submitted", writer.id), context(follows))).toEqual(["admin", "second"]);
    expect(ids(articleEvent("submitted", writer.id), context(follows, { sectionId: "sport" }))).toEqual(["admin", "editor", "second"]);
  });

  it("is not told to the editor who submitted it themselves", () => {
    expect(ids(articleEvent("submitted", editor.id), context({}, { authorId: editor.id, writerIds: [editor.id] }))).toEqual(["admin", "second"]);
  });
});

describe.each(["changes_requested", "approved", "scheduled", "published", "withdrawn", "corrected"] as const)("%s", (kind) => {
  it("reaches the article's writer, and no editor or other reporter", () => {
    expect(recipientsFor(articleEvent(kind, editor.id), context())).toEqual([{ userId: writer.id, kind }]);
  });

  it("never reaches the editor who wrote the story and did it themselves", () => {
    expect(ids(articleEvent(kind, editor.id), context({}, { authorId: editor.id, writerIds: [editor.id] }))).toEqual([]);
  });

  it("reaches a co-writer on the byline only if the policy lets them see the article", () => {
    // A reporter sees only articles they own; an editor on the byline sees every article.
    expect(ids(articleEvent(kind, admin.id), context({}, { writerIds: [writer.id, otherReporter.id, secondEditor.id] }))).toEqual([
      "second",
      "writer",
    ]);
  });

  it("does not reach a writer whose account is deactivated", () => {
    expect(ids(articleEvent(kind, editor.id), context({}, { authorId: retired.id, writerIds: [retired.id] }))).toEqual([]);
  });
});

describe("a late go-live", () => {
  it("reaches the editors and admins, the scheduling editor too, since nobody caused the lateness", () => {
    expect(ids(articleEvent("late_publication", null), context())).toEqual(["admin", "editor", "second"]);
  });
});

describe("a note", () => {
  const note = (body: string, actorId: string): NewsroomEvent => ({ kind: "note", articleId: "a1", actorId, note: body, noteId: "n1" });

  it("reaches the writers and the editors who acted on the article, not the one who wrote the note", () => {
    const given = context({}, { actorIds: [writer.id, editor.id, secondEditor.id] });
    expect(ids(note("Looks good.", editor.id), given)).toEqual(["second", "writer"]);
  });

  it("reaches a mentioned editor as a mention, once, even if they follow the article", () => {
    const given = context({}, { actorIds: [editor.id] });
    expect(recipientsFor(note("@Editor Person can you check the quote?", writer.id), given)).toEqual([{ userId: editor.id, kind: "mentioned" }]);
  });

  it("does not reach a mentioned reporter who may not see the article", () => {
    expect(ids(note("Ask @other about it", editor.id), context())).toEqual(["writer"]);
  });

  it("follows explicit follows and unfollows", () => {
    const given = context({}, { actorIds: [editor.id], follows: [{ userId: editor.id, following: false }, { userId: admin.id, following: true }] });
    expect(ids(note("Fixed the dateline.", writer.id), given)).toEqual(["admin"]);
  });
});

describe("an assignment", () => {
  const assignment = { assigneeId: writer.id, assignedById: editor.id };
  it.each(["assignment_created", "assignment_changed", "assignment_cancelled"] as const)("%s reaches its assignee only", (kind) => {
    const given: RecipientContext = { people, assignment, sectionFollows: [] };
    expect(recipientsFor({ kind, assignmentId: "s1", actorId: editor.id }, given)).toEqual([{ userId: writer.id, kind }]);
  });

  it("does not tell an editor who assigns the story to themselves", () => {
    const given: RecipientContext = { people, assignment: { assigneeId: editor.id, assignedById: editor.id }, sectionFollows: [] };
    expect(recipientsFor({ kind: "assignment_created", assignmentId: "s1", actorId: editor.id }, given)).toEqual([]);
  });
});

describe("a deadline reminder", () => {
  it.each(["deadline_soon", "deadline_passed"] as const)("%s reaches the assignee and the editor who set it", (kind) => {
    const given: RecipientContext = { people, assignment: { assigneeId: writer.id, assignedById: editor.id }, sectionFollows: [] };
    expect(ids({ kind, assignmentId: "s1", actorId: null }, given)).toEqual(["editor", "writer"]);
  });
});

describe("candidatesFor: the only people notify reads", () => {
  const byline = { authorId: writer.id, writerIds: [writer.id, otherReporter.id, secondEditor.id, retired.id] };
  const assignment = { assigneeId: writer.id, assignedById: editor.id };
  const articleKinds = ["changes_requested", "approved", "scheduled", "published", "withdrawn", "corrected"] as const;
  const assignmentKinds = ["assignment_created", "assignment_changed", "assignment_cancelled", "deadline_soon", "deadline_passed"] as const;
  const cases: [string, NewsroomEvent, RecipientContext][] = [
    ...articleKinds.flatMap((kind) =>
      [editor.id, writer.id, secondEditor.id].map((actorId): [string, NewsroomEvent, RecipientContext] => [
        `${kind} by ${actorId}`,
        articleEvent(kind, actorId),
        context({}, byline),
      ]),
    ),
    ...assignmentKinds.flatMap((kind) =>
      [editor.id, writer.id, admin.id, null].map((actorId): [string, NewsroomEvent, RecipientContext] => [
        `${kind} by ${actorId}`,
        { kind, assignmentId: "s1", actorId } as NewsroomEvent,
        { people, assignment, sectionFollows: [] },
      ]),
    ),
  ];

  it.each(cases)("%s: reading only the candidates tells exactly whom reading the whole staff tells", (_, event, given) => {
    const candidates = candidatesFor(event, given);
    expect(candidates).not.toBeNull();
    expect(candidates).not.toContain(event.actorId);
    const narrowed = { ...given, people: people.filter((person) => candidates!.includes(person.id)) };
    expect(recipientsFor(event, narrowed)).toEqual(recipientsFor(event, given));
  });

  it("names nobody when the writer is the one who acted: nothing need be read", () => {
    expect(candidatesFor(articleEvent("published", editor.id), context({}, { authorId: editor.id, writerIds: [editor.id] }))).toEqual([]);
  });

  it("leaves the whole staff to the rule for a submission, a late go-live and a note", () => {
    expect(candidatesFor(articleEvent("submitted", writer.id), context())).toBeNull();
    expect(candidatesFor(articleEvent("late_publication", null), context())).toBeNull();
    expect(candidatesFor({ kind: "note", articleId: "a1", actorId: writer.id, note: "@Editor Person", noteId: "n1" }, context())).toBeNull();
  });
});

describe("isMentioned", () => {
  const sam = { name: "Sam Reporter", email: "sam.r@paper.test" };
  it.each([
    ["@Sam Reporter, see above", true],
    ["thanks @sam reporter.", true],
    ["@sam.r please check", true],
    ["@Sam Reporters", false],
    ["mail sam@Sam Reporter", false],
    ["Sam Reporter wrote it", false],
  ])("%s → %s", (text, expected) => {
    expect(isMentioned(text, sam)).toBe(expected);
  });
});
