/**
 * Keyboard navigation in a vertical list: which index should get focus after
 * `key` is pressed on item `current` of `count` items. null = not a navigation
 * key (let the browser handle it). No wrap-around at the ends.
 */
export function nextListIndex(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const from = Math.min(Math.max(current, 0), last);
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, last);
    case 'ArrowUp':
      return Math.max(from - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(from + 10, last);
    case 'PageUp':
      return Math.max(from - 10, 0);
    default:
      return null;
  }
}
