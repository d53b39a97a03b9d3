import { describe, expect, it } from 'vitest';
import { nextListIndex } from '../listNav';

describe('nextListIndex', () => {
  it('moves down and up without wrapping', () => {
    expect(nextListIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextListIndex('ArrowDown', 2, 3)).toBe(2);
    expect(nextListIndex('ArrowUp', 1, 3)).toBe(0);
    expect(nextListIndex('ArrowUp', 0, 3)).toBe(0);
  });

  it('jumps to the ends with Home and End', () => {
    expect(nextListIndex('Home', 2, 5)).toBe(0);
    expect(nextListIndex('End', 0, 5)).toBe(4);
  });

  it('pages by ten', () => {
    expect(nextListIndex('PageDown', 3, 30)).toBe(13);
    expect(nextListIndex('PageDown', 25, 30)).toBe(29);
    expect(nextListIndex('PageUp', 5, 30)).toBe(0);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextListIndex('Enter', 0, 3)).toBeNull();
    expect(nextListIndex('a', 0, 3)).toBeNull();
    expect(nextListIndex('ArrowDown', 0, 0)).toBeNull();
  });

  it('copes with a current index outside the list (list shrank)', () => {
    expect(nextListIndex('ArrowUp', 7, 3)).toBe(1);
    expect(nextListIndex('ArrowDown', -1, 3)).toBe(1);
  });
});
