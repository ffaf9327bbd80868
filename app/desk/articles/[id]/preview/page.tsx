import Link from "next/link";
import { notFound } from "next/navigation";
import { requireDeskUser } from "@/lib/auth/session";
import { getDeskArticle, getPreviewParts } from "@/lib/articles/desk-queries";
import { availableActions, statusLabels } from "@/lib/articles/workflow";
import { getSettings } from "@/lib/settings";
import { utcToZonedInput } from "@/lib/time/zones";
import { ArticleView } from "@/components/public/article-view";
import { ArticleHistory } from "@/components/desk/article-history";
import { ScheduleStatus } from "@/components/desk/schedule-status";
import { WorkflowPanel } from "@/components/desk/workflow-panel";

export const dynamic = "force-dynamic";

/** The article's current text exactly as readers will see it, with the editor's decisions beside it. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, user] = await Promise.all([params, requireDeskUser()]);
  const article = await getDeskArticle(user, id);
  if (!article) notFound();
  const [settings, parts] = await Promise.all([getSettings(), getPreviewParts(user, article)]);
  return (
    <>
      <p className="status-line">
        Preview · <span className={`status status-${article.status}`}>{statusLabels[article.status]}</span> ·{" "}
        <Link href={`/desk/articles/${article.id}`}>Back to the article</Link>
      </p>
      <ScheduleStatus article={article} timeZone={settings.timeZone} />
      <div className="preview-layout">
        <div className="preview-frame">
          <ArticleView
            {...article}
            {...parts}
            sectionName={article.section.name}
            newspaperName={settings.newspaperName}
            timeZone={settings.timeZone}
          />
        </div>
        <WorkflowPanel
          articleId={article.id}
          actions={availableActions(article, user)}
          timeZone={settings.timeZone}
          scheduledForInput={article.scheduledFor ? utcToZonedInput(article.scheduledFor, settings.timeZone) : ""}
        />
      </div>
      <ArticleHistory history={article.history} timeZone={settings.timeZone} />
    </>
  );
}
