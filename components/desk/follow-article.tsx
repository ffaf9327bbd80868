import type { Actor } from "@/lib/auth/policy";
import { isFollowingArticle } from "@/lib/notifications/preferences";
import { FollowArticleButton } from "./follow-article-button";

/** Whether the signed-in person hears of this article's notes, with the button that changes it. */
export async function FollowArticle({ user, articleId }: { user: Actor; articleId: string }) {
  const following = await isFollowingArticle(user, articleId);
  if (following === null) return null;
  return <FollowArticleButton articleId={articleId} following={following} />;
}
