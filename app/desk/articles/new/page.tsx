import { redirect } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireDeskUser } from "@/lib/auth/session";
import { listSections } from "@/lib/articles/desk-queries";
import { ArticleEditor } from "@/components/desk/article-editor";

export const dynamic = "force-dynamic";

export default async function NewArticlePage() {
  const user = await requireDeskUser();
  if (!can(user, "create:article")) redirect("/desk");
  const sections = await listSections();
  return (
    <>
      <h1>New article</h1>
      <ArticleEditor
        sections={sections}
        initialValues={{ headline: "", dateline: "", standfirst: "", sectionId: sections[0]?.id ?? "", kind: "news", body: "" }}
      />
    </>
  );
}
