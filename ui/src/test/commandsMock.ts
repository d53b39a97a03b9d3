import { vi } from 'vitest';

/**
 * Factory helper for `vi.mock('…/ipc/commands', …)`: every command function
 * becomes a vi.fn(); pure helpers (asCommandError) and constants stay real.
 */
export function autoMockCommands<T extends Record<string, unknown>>(actual: T): T {
  const keep = new Set(['asCommandError', 'LOCKED_EVENT', 'exhibitPreviewUrl', 'packetPreviewUrl', 'reviewPacketUrl']);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(actual)) {
    out[k] = typeof v === 'function' && !keep.has(k) ? vi.fn() : v;
  }
  return out as T;
}

/** A promise with its resolve/reject exposed, to hold a command "in flight". */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
