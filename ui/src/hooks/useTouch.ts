import { useEffect } from 'react';
import { touch } from '../ipc/commands';
import { throttle } from '../lib/throttle';

/** Interval between activity pings for the backend's idle auto-lock. */
export const TOUCH_INTERVAL_MS = 20_000;

/**
 * While mounted, tell the backend the user is active (keydown, mousedown,
 * wheel), at most once per 20 s.
 */
export function useActivityPing(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const ping = throttle(() => {
      touch().catch(() => {
        /* a lost ping only means an earlier auto-lock */
      });
    }, TOUCH_INTERVAL_MS);
    const events = ['keydown', 'mousedown', 'wheel'] as const;
    const opts: AddEventListenerOptions = { capture: true, passive: true };
    for (const ev of events) window.addEventListener(ev, ping, opts);
    return () => {
      for (const ev of events) window.removeEventListener(ev, ping, opts);
    };
  }, [enabled]);
}
