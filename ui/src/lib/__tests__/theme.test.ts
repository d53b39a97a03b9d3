import { describe, expect, it } from 'vitest';
import { applyTheme, loadTheme, saveTheme } from '../theme';

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    size: () => m.size,
  };
}

describe('theme', () => {
  it('defaults to following the system and ignores junk', () => {
    const s = memoryStorage();
    expect(loadTheme(s)).toBe('system');
    s.setItem('vigil.theme', 'purple');
    expect(loadTheme(s)).toBe('system');
  });

  it('remembers light/dark and forgets when set back to system', () => {
    const s = memoryStorage();
    saveTheme('dark', s);
    expect(loadTheme(s)).toBe('dark');
    saveTheme('system', s);
    expect(loadTheme(s)).toBe('system');
    expect(s.size()).toBe(0);
  });

  it('sets and clears data-theme on the root element', () => {
    const el = document.createElement('html');
    applyTheme('light', el);
    expect(el.dataset.theme).toBe('light');
    applyTheme('system', el);
    expect(el.hasAttribute('data-theme')).toBe(false);
  });
});
