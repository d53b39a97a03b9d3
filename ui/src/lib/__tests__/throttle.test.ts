import { describe, expect, it, vi } from 'vitest';
import { throttle } from '../throttle';

describe('throttle', () => {
  it('runs at once, then drops calls until the interval has passed', () => {
    let t = 1_000;
    const fn = vi.fn();
    const th = throttle(fn, 20_000, () => t);
    th('a');
    th('b');
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenLastCalledWith('a');
    t += 19_999;
    th('c');
    expect(fn).toHaveBeenCalledTimes(1);
    t += 1;
    th('d');
    expect(fn).toHaveBeenCalledTimes(2);
    expect(fn).toHaveBeenLastCalledWith('d');
  });

  it('reset() lets the next call through', () => {
    const fn = vi.fn();
    const th = throttle(fn, 1_000, () => 5);
    th();
    th.reset();
    th();
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
