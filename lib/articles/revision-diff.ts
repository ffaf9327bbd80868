/**
 * What changed between two revisions of a text, word by word, shaped for the desk's compare screen:
 * paragraphs of segments, each unchanged, added or removed. Pure: the component renders the
 * segments as <ins>/<del>, so no HTML is built here.
 *
 * Paragraph breaks take part in the diff as tokens of their own, so joining two paragraphs or
 * splitting one shows as a removed or added break (¶) instead of passing unnoticed. The layout
 * follows the newer text: a split shows as two paragraphs, a join as one.
 */
import { diffWords, type Change } from "diff";
import { bodyParagraphs } from "@/lib/render/document";

export type DiffChange = "unchanged" | "added" | "removed";

/** A run of text; `paragraphBreak` marks an added or removed break between two paragraphs. */
export type DiffSegment = { change: DiffChange; text: string; paragraphBreak?: true };
export type DiffParagraph = DiffSegment[];
export type TextDiff = { changed: boolean; paragraphs: DiffParagraph[] };

// A character from Unicode's private-use area, which writers' text does not contain (a stray one
// would read as a paragraph break); jsdiff makes every non-word, non-space character one token.
const breakMark = "\uE000";
const joiner = ` ${breakMark} `;

export type DiffLimits = { timeout: number };

/**
 * The word-level diff of `before` and `after` (plain text, paragraphs separated by blank lines).
 * A diff that would take longer than `limits.timeout` ms (two long, very different bodies) is
 * given up and shown whole: every old paragraph removed, every new one added.
 */
export function diffText(before: string, after: string, limits: DiffLimits = { timeout: 2000 }): TextDiff {
  const oldParagraphs = bodyParagraphs(before);
  const newParagraphs = bodyParagraphs(after);
  const changes = diffWords(oldParagraphs.join(joiner), newParagraphs.join(joiner), limits);
  if (!changes) {
    return {
      changed: true,
      paragraphs: [
        ...oldParagraphs.map((text): DiffParagraph => [{ change: "removed", text }]),
        ...newParagraphs.map((text): DiffParagraph => [{ change: "added", text }]),
      ],
    };
  }

  const { pieces, breaks } = cutAtBreaks(changes);
  return {
    changed: changes.some((part) => part.added || part.removed),
    paragraphs: layOut(pieces, breaks).map(tidy).filter((paragraph) => paragraph.length > 0),
  };
}

/** Cuts the diff at every paragraph break, old or new, remembering how each break changed. */
function cutAtBreaks(changes: Change[]): { pieces: DiffParagraph[]; breaks: DiffChange[] } {
  const pieces: DiffParagraph[] = [[]];
  const breaks: DiffChange[] = [];
  for (const part of changes) {
    const change: DiffChange = part.added ? "added" : part.removed ? "removed" : "unchanged";
    part.value.split(breakMark).forEach((text, index) => {
      if (index > 0) {
        breaks.push(change);
        pieces.push([]);
      }
      // Spaces carry no meaning here (jsdiff ignores them), so they are never marked as changes.
      if (text) pieces.at(-1)!.push({ change: text.trim() ? change : "unchanged", text });
    });
  }
  return { pieces, breaks };
}

/**
 * Paragraphs as the newer text has them. A kept break separates two paragraphs; so does a break
 * that came or went with a whole paragraph, whose own marking says enough. Otherwise an added
 * break (a split) separates them and is marked; a removed one (a join) is marked where it was.
 */
function layOut(pieces: DiffParagraph[], breaks: DiffChange[]): DiffParagraph[] {
  const paragraphs: DiffParagraph[] = [];
  let current = pieces[0]!;
  breaks.forEach((change, index) => {
    const next = pieces[index + 1]!;
    const mark: DiffSegment = { change, text: "¶", paragraphBreak: true };
    const wholly = (paragraph: DiffParagraph) =>
      paragraph.some((segment) => segment.text.trim()) &&
      paragraph.every((segment) => segment.change === change || !segment.text.trim());
    if (change === "unchanged" || wholly(current) || wholly(next)) {
      paragraphs.push(current);
      current = next;
    } else if (change === "added") {
      paragraphs.push([...current, mark]);
      current = next;
    } else {
      current = [...current, mark, ...next];
    }
  });
  paragraphs.push(current);
  return paragraphs;
}

/** Joins neighbouring runs of the same kind and drops the joiner's spaces at the paragraph's edges. */
function tidy(paragraph: DiffParagraph): DiffParagraph {
  const runs: DiffParagraph = [];
  for (const segment of paragraph) {
    const last = runs.at(-1);
    if (last && last.change === segment.change && !last.paragraphBreak && !segment.paragraphBreak) {
      runs[runs.length - 1] = { change: last.change, text: last.text + segment.text };
    } else {
      runs.push({ ...segment });
    }
  }
  while (runs.length > 0 && !runs[0]!.text.trimStart()) runs.shift();
  while (runs.length > 0 && !runs.at(-1)!.text.trimEnd()) runs.pop();
  if (runs[0]) runs[0].text = runs[0].text.trimStart();
  const last = runs.at(-1);
  if (last) last.text = last.text.trimEnd();
  return runs;
}
