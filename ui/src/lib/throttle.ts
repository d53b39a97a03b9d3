/**
 * Leading-edge throttle: `fn` runs at once, then at most once per `intervalMs`;
 * calls in between are dropped (not delayed). `now` is injectable for tests.
 */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  intervalMs: number,
  now: () => number = () => Date.now(),
): ((...args: A) => void) & { reset(): void } {
  let last = -Infinity;
  const throttled = (...args: A) => {
    const t = now();
    if (t - last >= intervalMs) {
      last = t;
      fn(...args);
    }
  };
  throttled.reset = () => {
    last = -Infinity;
  };
  return throttled;
}
