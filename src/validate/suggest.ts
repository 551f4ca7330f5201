/** Keys that JSON Resume used before v1 (and other tools use), with their v1 name. */
const RENAMED: Record<string, string> = {
  website: 'url',
  company: 'name',
  picture: 'image',
  gpa: 'score',
  organisation: 'organization',
  title: 'position',
  headline: 'label',
  highlight: 'highlights',
  keyword: 'keywords',
};

/** Keys JSON Resume 0.x used, which `folio import` renames to their 1.0 names. */
const JSON_RESUME_V0 = new Set(['website', 'company', 'picture', 'gpa']);

/** The 1.0 name of a JSON Resume 0.x key, when this mapping has it. */
export function legacyRename(key: string, known: readonly string[]): string | null {
  const renamed = RENAMED[key];
  return JSON_RESUME_V0.has(key) && renamed && known.includes(renamed) ? renamed : null;
}

/** "did you mean" for an unknown key: a known rename, a case slip, or the nearest name by edit distance. */
export function suggestKey(key: string, known: readonly string[]): string | null {
  const renamed = RENAMED[key];
  if (renamed && known.includes(renamed)) return renamed;
  const lower = key.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | null = null;
  let bestDist = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDist) {
      best = k;
      bestDist = d;
    }
  }
  return best;
}

/** Edit distance where swapping two neighbours counts as one edit (optimal string alignment): `nmae` → `name` is 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return at(a.length, b.length);
}
