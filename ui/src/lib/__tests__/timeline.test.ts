import { describe, expect, it } from 'vitest';
import type { Histogram } from '../../ipc/commands';
import { barLabel, chartSummary, emptyFilter, firstIndexOfBar, isFilterEmpty, tickLabels } from '../timeline';

// As the core sends it: four weeks, the third quiet, an order served in the second.
const h: Histogram = {
  bucket: 'week',
  preferredKept: true,
  bars: [
    { start: '2026-01-26', end: '2026-02-01', counts: { surveillance: 1, lifeInvasion: 2 }, total: 3, marks: [] },
    {
      start: '2026-02-02',
      end: '2026-02-08',
      counts: { lifeInvasion: 1 },
      total: 1,
      marks: [{ category: 'orderServed', count: 2, firstIncidentId: 's1', firstAt: '2026-02-03T14:00:00Z' }],
    },
    { start: '2026-02-09', end: '2026-02-15', counts: {}, total: 0, marks: [] },
    { start: '2026-02-16', end: '2026-02-22', counts: { surveillance: 7 }, total: 7, marks: [] },
  ],
  total: 11,
  max: 7,
  markTotal: 2,
  groupTotals: { surveillance: 8, lifeInvasion: 3 },
};

describe('chart labels', () => {
  it('names bars by their bucket', () => {
    expect(barLabel({ start: '2026-02-16' }, 'week', true, 'en-GB')).toBe('week of 16 Feb 2026');
    expect(barLabel({ start: '2026-02-01' }, 'month', true, 'en-GB')).toBe('Feb 2026');
    expect(barLabel({ start: '2026-07-01' }, 'quarter')).toBe('Q3 2026');
    expect(barLabel({ start: '2026-01-01' }, 'year')).toBe('2026');
  });

  it('spaces the axis labels by the bar width and shows the year when it changes', () => {
    const months = Array.from({ length: 24 }, (_, i) => ({
      start: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
    }));
    const wide = tickLabels(months, 'month', 70, 'en-GB');
    expect(wide).toHaveLength(24);
    expect(wide[0]!.label).toBe('Jan 2025');
    expect(wide[1]!.label).toBe('Feb');
    expect(wide[12]!.label).toBe('Jan 2026');
    // Narrow bars: every sixth month, on the calendar (January and July).
    const narrow = tickLabels(months, 'month', 12, 'en-GB');
    expect(narrow.map((t) => t.index)).toEqual([0, 6, 12, 18]);
    expect(narrow.map((t) => t.label)).toEqual(['Jan 2025', 'Jul', 'Jan 2026', 'Jul']);
    // Seven years of months in 800 px: one label a year.
    const years = Array.from({ length: 84 }, (_, i) => ({
      start: `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
    }));
    expect(tickLabels(years, 'month', 9, 'en-GB').map((t) => t.label)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
  });

  it('counts earlier bars and their marks for the first list index of a bar', () => {
    expect(firstIndexOfBar(h, 0)).toBe(0);
    expect(firstIndexOfBar(h, 1)).toBe(3);
    expect(firstIndexOfBar(h, 3)).toBe(3 + 1 + 2);
  });

  it('says what the chart shows', () => {
    expect(chartSummary(h, 'en-GB')).toBe(
      '11 incidents from Jan to Feb 2026, per week; busiest week of 16 Feb with 7; 2 court or police events marked.',
    );
    expect(chartSummary({ ...h, bars: [], total: 0, markTotal: 0 })).toBe('No incidents in the chart.');
  });
});

describe('filters', () => {
  it('knows an empty filter', () => {
    expect(isFilterEmpty(emptyFilter())).toBe(true);
    expect(isFilterEmpty({ ...emptyFilter(), text: '  ' })).toBe(true);
    expect(isFilterEmpty({ ...emptyFilter(), groups: ['surveillance'] })).toBe(false);
    expect(isFilterEmpty({ ...emptyFilter(), from: '2026-01-01' })).toBe(false);
  });
});
