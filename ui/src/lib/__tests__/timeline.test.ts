import { describe, expect, it } from 'vitest';
import type { Histogram } from '../../ipc/commands';
import { tx } from '../../test/fixtures';
import {
  bucketKey,
  buildChart,
  chartSummary,
  emptyFilter,
  firstIndexOfSlot,
  isFilterEmpty,
  monthTicks,
  nextKey,
} from '../timeline';

describe('bucketKey', () => {
  it('takes dates and midnight instants as written', () => {
    expect(bucketKey('2026-03-09')).toBe('2026-03-09');
    expect(bucketKey('2026-03-09T00:00:00Z')).toBe('2026-03-09');
    expect(bucketKey('2026-03-30T00:00:00+01:00')).toBe('2026-03-30');
  });

  it('steps days, weeks and months across DST and month ends', () => {
    expect(nextKey('2026-03-28', 'day')).toBe('2026-03-29');
    expect(nextKey('2026-03-23', 'week')).toBe('2026-03-30');
    expect(nextKey('2026-01-01', 'month')).toBe('2026-02-01');
    expect(nextKey('2025-12-29', 'week')).toBe('2026-01-05');
  });
});

describe('buildChart', () => {
  const h: Histogram = {
    bucket: 'month',
    bars: [
      { start: '2026-04-01', counts: { lifeInvasion: 4, system: 2 } },
      { start: '2026-01-01', counts: { surveillance: 2, unknownGroup: 1 } },
    ],
    marks: [
      { at: '2026-02-10T10:00:00Z', category: 'orderServed', incidentId: 'a' },
      { at: '2026-04-20T10:00:00Z', category: 'orderServed', incidentId: 'b' },
    ],
  };

  it('fills empty buckets, leaves system counts to the marks, and keeps unknown groups last', () => {
    const model = buildChart(h, tx);
    expect(model.slots.map((s) => s.key)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
    expect(model.slots.map((s) => s.total)).toEqual([3, 0, 0, 4]);
    expect(model.order.slice(0, 4)).toEqual(['surveillance', 'lifeInvasion', 'intimidation', 'interference']);
    expect(model.order[model.order.length - 1]).toBe('unknownGroup');
    expect(model.barTotal).toBe(7);
    expect(model.max).toBe(4);
    expect(model.marks.map((mk) => mk.key)).toEqual(['2026-02-01', '2026-04-01']);
  });

  it('counts earlier bars and earlier marks for the first list index of a bucket', () => {
    const model = buildChart(h, tx);
    expect(firstIndexOfSlot(model, '2026-01-01')).toBe(0);
    expect(firstIndexOfSlot(model, '2026-04-01')).toBe(3 + 1);
  });

  it('labels months, with the year at the start and at each new year', () => {
    const model = buildChart(
      { bucket: 'month', bars: [{ start: '2025-11-01', counts: { surveillance: 1 } }, { start: '2026-02-01', counts: { surveillance: 1 } }], marks: [] },
      tx,
    );
    const ticks = monthTicks(model.slots, 'en-GB');
    expect(ticks.map((t) => t.label)).toEqual(['Nov', 'Dec', 'Jan', 'Feb']);
    expect(ticks.map((t) => t.year)).toEqual(['2025', '2025', '2026', '2026']);
    expect(ticks[0]!.full).toBe('Nov 2025');
  });

  it('says what the chart shows', () => {
    expect(chartSummary(buildChart(h, tx), 'en-GB')).toBe(
      '7 incidents from Jan to Apr 2026; busiest month Apr 2026 with 4; 2 court or police events marked.',
    );
    expect(chartSummary(buildChart({ bucket: 'week', bars: [], marks: [] }, tx))).toBe('No incidents in the chart.');
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
