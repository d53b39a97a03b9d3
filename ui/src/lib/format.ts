// Pure display helpers for dates and identifiers. No business rules here.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parse a backend date. A bare calendar date ("2024-03-05") is read as a
 * local date, not as UTC midnight, so it never shifts to the previous day.
 */
export function parseDate(value: string): Date | null {
  const m = DATE_ONLY.exec(value);
  if (m) {
    const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Calendar date in the user's locale, e.g. "5 Mar 2024". Unparseable input is returned as-is. */
export function formatDate(value: string, locale?: string): string {
  const d = parseDate(value);
  if (!d) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
}

/** Date and time in the user's locale and time zone. Unparseable input is returned as-is. */
export function formatDateTime(value: string, locale?: string): string {
  const d = parseDate(value);
  if (!d) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago";
 * older than a week (or in the future by more than a minute) gives the date.
 */
export function formatRelative(value: string, now: Date = new Date(), locale?: string): string {
  const d = parseDate(value);
  if (!d) return value;
  const diff = now.getTime() - d.getTime();
  if (diff < -MINUTE) return formatDate(value, locale);
  if (diff < MINUTE) return 'just now';
  const rtf = new Intl.RelativeTimeFormat(locale ?? 'en', { numeric: 'auto' });
  if (diff < HOUR) return rtf.format(-Math.floor(diff / MINUTE), 'minute');
  if (diff < DAY) return rtf.format(-Math.floor(diff / HOUR), 'hour');
  const days = calendarDaysBetween(d, now);
  if (days <= 7) return rtf.format(-Math.max(1, days), 'day');
  return formatDate(value, locale);
}

function calendarDaysBetween(a: Date, b: Date): number {
  const da = Date.UTC(a.getFullYear(), a.getMonth(), a.getDate());
  const db = Date.UTC(b.getFullYear(), b.getMonth(), b.getDate());
  return Math.round((db - da) / DAY);
}

/** Today's local date as "YYYY-MM-DD" (the value format of <input type="date">). */
export function todayIsoDate(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Shorten a long hash for display: "3fa9c0d1…e07b22aa". */
export function truncateMiddle(value: string, head = 10, tail = 8): string {
  if (value.length <= head + tail + 1) return value;
  return `${value.slice(0, head)}…${value.slice(value.length - tail)}`;
}

/** Human-readable byte count: "1.4 MB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return String(bytes);
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** "YYYY-MM-DD" plus `days` calendar days (local calendar, no time-zone shift). */
export function addDays(isoDate: string, days: number): string {
  const d = parseDate(isoDate);
  if (!d || !DATE_ONLY.test(isoDate)) return isoDate;
  d.setDate(d.getDate() + days);
  return todayIsoDate(d);
}

/** Whole calendar days from `now` to the date `isoDate` (negative when past). */
export function daysUntil(isoDate: string, now: Date = new Date()): number | null {
  const d = parseDate(isoDate);
  if (!d) return null;
  return calendarDaysBetween(now, d);
}

/** A fingerprint in groups for reading aloud: "3fa9c0d1 e2b34f5a …". */
export function groupHex(value: string, size = 8): string {
  const clean = value.replace(/[^0-9a-fA-F]/g, '');
  if (!clean) return value;
  const groups: string[] = [];
  for (let i = 0; i < clean.length; i += size) groups.push(clean.slice(i, i + size));
  return groups.join(' ');
}
