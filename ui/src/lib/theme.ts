export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'vigil.theme';

export function loadTheme(storage: Pick<Storage, 'getItem'> | null = safeStorage()): ThemeChoice {
  const v = storage?.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export function saveTheme(choice: ThemeChoice, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = safeStorage()): void {
  if (!storage) return;
  if (choice === 'system') storage.removeItem(KEY);
  else storage.setItem(KEY, choice);
}

/** Apply the choice to <html data-theme>; "system" leaves it to prefers-color-scheme. */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
