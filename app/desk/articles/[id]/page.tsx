import Link from "next/link";
import { notFound } from "next/navigation";
import { requireDeskUser } from "@/lib/auth/session";
import { getDeskArticle, getEditorChoices, getEditorExtras, listSections } from "@/lib/articles/desk-queries";
import { articlePath } from "@/lib/articles/paths";
import { availableActions, canEditText, statusLabels } from "@/lib/articles/workflow";
import { getSettings } from "@/lib/settings";
import { utcToZonedInput } from "@/lib/time/zones";
import { ArticleEditor } from "@/components/desk/article-editor";
import { ArticleHistory } from "@/components/desk/article-history";
import { ScheduleStatus } from "@/components/desk/schedule-status";
import { ArticleNotes } from "@/components/desk/article-notes";
import { FollowArticle } from "@/components/desk/follow-article";
import { WorkflowPanel } from "@/components/desk/workflow-panel";
import { deskHeadline } from "@/lib/articles/desk-title";
import { editableFields } from "@/lib/articles/editable-fields";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function DeskArticlePage({ params, searchParams }: Props) {
  const [{ id }, { created }, user] = await Promise.all([params, searchParams, requireDeskUser()]);
  const article = await getDeskArticle(user, id);
  if (!article) notFound();
  const [sections, settings, extras, choices] = await Promise.all([
    listSections(),
    getSettings(),
    getEditorExtras(article.id, article.version),
    getEditorChoices(),
  ]);
  const actions = availableActions(article, user);
  const editable = canEditText(article, user);
  const scheduleInput = article.scheduledFor ? utcToZonedInput(article.scheduledFor, settings.timeZone) : "";
  return (
    <>
      <div className="page-heading">
        <h1>{deskHeadline(article.headline)}</h1>
        <p className="status-line">
          <span className={`status status-${article.status}`}>{statusLabels[article.status]}</span>
          {article.hasUnpublishedChanges ? <span className="status">Unpublished changes</span> : null}{" "}
          <Link href={`/desk/articles/${article.id}/preview`}>Preview</Link>
          {" · "}
          <Link href={`/desk/articles/${article.id}/revisions`}>Revisions</Link>
          {article.live ? (
            <>
              {" · "}
              <a href={articlePath(article)}>View live</a>
            </>
          ) : null}
        </p>
      </div>
      <ScheduleStatus article={article} timeZone={settings.timeZone} />
      {article.changesNote ? (
        <section className="changes-note" aria-label="Changes requested">
          <h2>Changes requested</h2>
          <p>{article.changesNote}</p>
        </section>
      ) : null}
      {editable ? (
        <ArticleEditor
          userId={user.id}
          articleId={article.id}
          version={article.version}
          sections={sections}
          actions={actions}
          timeZone={settings.timeZone}
          scheduledForInput={scheduleInput}
          justCreated={created === "1"}
          staff={choices.staff}
          fieldAccess={editableFields(user, article)}
          tagSuggestions={choices.tags}
          publishedPath={article.status === "published" ? articlePath(article) : undefined}
          initialValues={{
            ...extras,
            slug: article.slug,
            headline: article.headline,
            dateline: article.dateline,
            standfirst: article.standfirst,
            sectionId: article.sectionId,
            kind: article.kind,
            body: article.body,
          }}
        />
      ) : (
        <>
          <p className="hint">
            {user.id === article.authorId && article.status === "submitted"
              ? "This article is with the editors. You can edit it again if they return it to you."
              : "This article cannot be edited in its current state."}
          </p>
          <WorkflowPanel articleId={article.id} actions={actions} timeZone={settings.timeZone} scheduledForInput={scheduleInput} />
        </>
      )}
      <FollowArticle user={user} articleId={article.id} />
      <ArticleNotes articleId={article.id} notes={article.notes} timeZone={settings.timeZone} />
      <ArticleHistory history={article.history} timeZone={settings.timeZone} />
    </>
  );
}
