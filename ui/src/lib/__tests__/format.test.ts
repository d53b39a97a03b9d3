import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatRelative, parseDate, todayIsoDate, truncateMiddle, groupHex } from '../format';

describe('parseDate', () => {
  it('reads a bare calendar date as a local date (no shift to the day before)', () => {
    const d = parseDate('2024-03-05')!;
    expect(d.getFullYear()).toBe(2024);
    expect(d.getMonth()).toBe(2);
    expect(d.getDate()).toBe(5);
    expect(d.getHours()).toBe(0);
  });

  it('reads RFC 3339 timestamps with an offset', () => {
    expect(parseDate('2024-03-05T10:15:00Z')!.getTime()).toBe(Date.UTC(2024, 2, 5, 10, 15));
    expect(parseDate('2024-03-05T10:15:00+02:00')!.getTime()).toBe(Date.UTC(2024, 2, 5, 8, 15));
  });

  it('returns null for garbage', () => {
    expect(parseDate('not a date')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});

describe('formatDate / formatDateTime', () => {
  it('formats a calendar date on the same day it names', () => {
    expect(formatDate('2024-03-05', 'en-GB')).toBe('5 Mar 2024');
    expect(formatDate('2024-12-31', 'en-US')).toBe('Dec 31, 2024');
  });

  it('includes the local time for timestamps', () => {
    const local = new Date(2024, 2, 5, 14, 7).toISOString();
    expect(formatDateTime(local, 'en-GB')).toMatch(/5 Mar 2024.*14:07/);
  });

  it('shows what the backend sent when it cannot be parsed', () => {
    expect(formatDate('someday', 'en-GB')).toBe('someday');
    expect(formatDateTime('someday', 'en-GB')).toBe('someday');
  });
});

describe('formatRelative', () => {
  const now = new Date(2024, 5, 15, 12, 0, 0);
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  it('says "just now" within a minute', () => {
    expect(formatRelative(ago(30_000), now)).toBe('just now');
  });

  it('counts minutes and hours', () => {
    expect(formatRelative(ago(5 * 60_000), now)).toBe('5 minutes ago');
    expect(formatRelative(ago(3 * 3_600_000), now)).toBe('3 hours ago');
  });

  it('uses calendar days: yesterday evening is "yesterday"', () => {
    expect(formatRelative(new Date(2024, 5, 14, 9, 0).toISOString(), now)).toBe('yesterday');
    expect(formatRelative(new Date(2024, 5, 11, 9, 0).toISOString(), now)).toBe('4 days ago');
  });

  it('falls back to the date after a week, and for future times', () => {
    expect(formatRelative(new Date(2024, 4, 1, 9, 0).toISOString(), now, 'en-GB')).toBe('1 May 2024');
    expect(formatRelative(new Date(2024, 5, 20, 9, 0).toISOString(), now, 'en-GB')).toBe('20 Jun 2024');
  });
});

describe('todayIsoDate', () => {
  it('uses the local calendar date with zero padding', () => {
    expect(todayIsoDate(new Date(2024, 0, 9, 23, 59))).toBe('2024-01-09');
    expect(todayIsoDate(new Date(2024, 11, 31, 0, 1))).toBe('2024-12-31');
  });
});

describe('truncateMiddle', () => {
  it('keeps short values and shortens long hashes keeping both ends', () => {
    expect(truncateMiddle('abc')).toBe('abc');
    const hash = 'a'.repeat(10) + 'x'.repeat(44) + 'b'.repeat(8);
    expect(truncateMiddle(hash)).toBe('aaaaaaaaaa…bbbbbbbb');
  });
});

describe('formatBytes', () => {
  it('uses readable units', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(1_482_113)).toBe('1.4 MB');
  });
});

describe('groupHex', () => {
  it('groups a fingerprint in eights for reading aloud', () => {
    expect(groupHex('3fa9c0d1e2b34f5a6978c0d1e2f3a4b5')).toBe('3fa9c0d1 e2b34f5a 6978c0d1 e2f3a4b5');
    expect(groupHex('3F:A9:C0:D1:E2', 4)).toBe('3FA9 C0D1 E2');
    expect(groupHex('')).toBe('');
  });
});
