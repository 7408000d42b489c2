// Text search of drafts with or without diacritics: the current version's
// title and text are stored folded (Draft.searchText, like vn_fold() with
// single spaces) and the query, folded the same way, is matched as a phrase
// with LIKE within the period. Shared by server and seed.
import { foldText } from "./analyzer/text";

export function searchTextOf(title: string, body: string): string {
  return foldText(`${title}\n${body}`).replace(/\s+/g, " ").trim();
}

/** The folded phrase to look for, or null when the query has no letters or digits. */
export function foldedSearchPhrase(query: string): string | null {
  const folded = foldText(query.normalize("NFC")).replace(/\s+/g, " ").trim();
  return /[\p{L}\p{N}]/u.test(folded) ? folded : null;
}
