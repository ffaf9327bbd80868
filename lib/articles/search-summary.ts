/** The line above the results: how many, and when a search matched more than were ranked, which ones these are. */
export function searchSummary(query: string, { total, capped }: { total: number; capped?: boolean }): string {
  if (total === 0) return `Nothing found for “${query}”.`;
  const count = total.toLocaleString("en");
  if (capped) return `More than ${count} results for “${query}”: the ${count} most recent, best first. Add a word to narrow them.`;
  return `${count} result${total === 1 ? "" : "s"} for “${query}”.`;
}
