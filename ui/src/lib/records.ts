// Small helpers for records the backend returns as whole lists.

/**
 * The id of the record that is in `after` but not in `before`: save commands
 * return the whole list, not the record they created.
 */
export function newIdIn(before: ReadonlyArray<{ id: string }>, after: ReadonlyArray<{ id: string }>): string | null {
  const known = new Set(before.map((r) => r.id));
  return after.find((r) => !known.has(r.id))?.id ?? null;
}

/** "" → null, otherwise the trimmed text: optional dates on the wire. */
export function optional(text: string): string | null {
  const t = text.trim();
  return t === '' ? null : t;
}

export function asList<T>(v: T[] | null | undefined): T[] {
  return Array.isArray(v) ? v : [];
}
