/** Text as searches compare it: lower case, without accents ("Leïla" → "leila", "Évelyne" → "evelyne"). */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Whether every word typed appears in one of the texts, whatever the case and the accents. */
export function matchesSearch(typed: string, ...texts: ReadonlyArray<string | null | undefined>): boolean {
  const haystack = searchable(texts.filter(Boolean).join(' '));
  return searchable(typed)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
