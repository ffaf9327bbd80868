/**
 * Which notifications a line of an article's history gives rise to. Pure. The hooks pass the
 * history row as written (the same shape `recordEvent` takes), so the call can move into the one
 * place events are written without changing.
 */
import type { NewsroomEvent } from "./recipients";

export type HistoryLine = {
  id: string;
  articleId: string;
  actorId: string;
  /** A workflow action (lib/articles/workflow.ts) or another history action ("create", …). */
  action: string;
  note?: string | null;
  late?: boolean;
};

const kindOfAction = {
  submit: "submitted",
  requestChanges: "changes_requested",
  approve: "approved",
  schedule: "scheduled",
  publish: "published",
  unpublish: "withdrawn",
} as const;

/** `corrected`: a republication that came with a correction or clarification (the only kind told of). */
export function noticesForHistoryLine(line: HistoryLine, { corrected = false }: { corrected?: boolean } = {}): NewsroomEvent[] {
  const base = { articleId: line.articleId, actorId: line.actorId, note: line.note ?? null, eventId: line.id };
  if (line.action === "republish") return corrected ? [{ ...base, kind: "corrected" }] : [];
  if (!Object.hasOwn(kindOfAction, line.action)) return [];
  const kind = kindOfAction[line.action as keyof typeof kindOfAction];
  const notices: NewsroomEvent[] = [{ ...base, kind }];
  // Nobody made it late (the server was down or busy), so the editor who scheduled it hears too.
  if (kind === "published" && line.late) notices.push({ ...base, kind: "late_publication", actorId: null });
  return notices;
}
