import { redirect } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireDeskUser } from "@/lib/auth/session";
import { getAssignment } from "@/lib/assignments/queries";
import { canStartAssignment } from "@/lib/assignments/rules";
import { getEditorChoices, listSections } from "@/lib/articles/desk-queries";
import { defaultKind } from "@/lib/articles/kinds";
import { ArticleEditor } from "@/components/desk/article-editor";
import { editableFields } from "@/lib/articles/editable-fields";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ assignment?: string | string[] }> };

/** A new article; started from an assignment (?assignment=<id>), it takes the brief and section. */
export default async function NewArticlePage({ searchParams }: Props) {
  const [{ assignment: assignmentParam }, user] = await Promise.all([searchParams, requireDeskUser()]);
  if (!can(user, "create:article")) redirect("/desk");
  const assignmentId = typeof assignmentParam === "string" ? assignmentParam : undefined;
  const [sections, choices, assignment] = await Promise.all([
    listSections(),
    getEditorChoices(),
    assignmentId ? getAssignment(user, assignmentId) : null,
  ]);
  const startable = assignment && canStartAssignment(assignment, user) ? assignment : null;
  return (
    <>
      <h1>New article</h1>
      {startable ? (
        <p className="hint">Written for the assignment “{startable.brief}”.</p>
      ) : assignmentId ? (
        <p className="form-error" role="status">
          That assignment is not yours to start, or it has already been started.
        </p>
      ) : null}
      <ArticleEditor
        userId={user.id}
        sections={sections}
        assignmentId={startable?.id}
        staff={choices.staff}
        fieldAccess={editableFields(user, { status: "draft", authorId: user.id, publishedAt: null })}
        tagSuggestions={choices.tags}
        initialValues={{
          headline: startable?.brief.slice(0, 200) ?? "",
          dateline: "",
          standfirst: "",
          sectionId: startable?.sectionId ?? sections[0]?.id ?? "",
          kind: defaultKind,
          body: "",
          slug: "",
          seoTitle: "",
          seoDescription: "",
          writerBio: "",
          tags: [],
          bylineIds: [user.id],
          featuredImage: null,
        }}
      />
    </>
  );
}
