import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Histogram } from '../../ipc/commands';
import { firstIndexOfSlot } from '../../lib/timeline';
import { tx } from '../../test/fixtures';
import { TimelineChart } from '../TimelineChart';

// Three weeks with incidents and an empty week between the 2nd and 3rd;
// the busiest is the week of 16 Feb with 7. One order served on 3 Feb.
const histogram: Histogram = {
  bucket: 'week',
  bars: [
    { start: '2026-01-26T00:00:00Z', counts: { surveillance: 1, lifeInvasion: 2 } },
    { start: '2026-02-02T00:00:00Z', counts: { lifeInvasion: 1, intimidation: 1 } },
    { start: '2026-02-16T00:00:00Z', counts: { surveillance: 2, lifeInvasion: 3, intimidation: 1, interference: 1 } },
  ],
  marks: [{ at: '2026-02-03T14:00:00Z', category: 'orderServed', incidentId: 'sys-1' }],
};

const chart = () => document.getElementById('timeline-chart')!;

describe('TimelineChart', () => {
  it('draws one rect per bar segment, stacked in taxonomy group order', () => {
    render(<TimelineChart histogram={histogram} tx={tx} bucket="week" onBucketChange={vi.fn()} />);
    const rects = chart().querySelectorAll('rect[data-bucket]');
    expect(rects).toHaveLength(2 + 2 + 4);
    expect(chart()).toHaveAttribute('data-total', String(12 + 1));

    // In the busiest bar, surveillance sits at the bottom and interference on top.
    const bar = [...chart().querySelectorAll<SVGRectElement>('rect[data-bucket="2026-02-16"]')];
    expect(bar.map((r) => r.getAttribute('data-group'))).toEqual([
      'surveillance',
      'lifeInvasion',
      'intimidation',
      'interference',
    ]);
    const ys = bar.map((r) => Number(r.getAttribute('y')));
    expect([...ys].sort((a, b) => b - a)).toEqual(ys);
    const heights = bar.map((r) => Number(r.getAttribute('height')));
    // Heights are proportional to the counts (2, 3, 1, 1).
    expect(heights[1]! / heights[0]!).toBeCloseTo(1.5, 5);
    expect(bar[0]).toHaveAttribute('fill', '#3a7bc8');
    expect(bar[0]!.querySelector('title')!.textContent).toMatch(/Surveillance 2/);

    // The empty week (9 Feb) is a gap: the third bar sits two slots to the right of the second.
    const x = (key: string) => Number(chart().querySelector(`rect[data-bucket="${key}"]`)!.getAttribute('x'));
    const step = x('2026-02-02') - x('2026-01-26');
    expect(x('2026-02-16') - x('2026-02-02')).toBeCloseTo(2 * step, 5);

    // The system event is a mark, not a bar.
    expect(chart().querySelectorAll('[data-mark]')).toHaveLength(1);
    expect(chart().querySelector('[data-mark] title')!.textContent).toMatch(/Order served/);
  });

  it('summarises the chart for screen readers', () => {
    render(<TimelineChart histogram={histogram} tx={tx} bucket="week" onBucketChange={vi.fn()} />);
    expect(chart()).toHaveAttribute('role', 'img');
    expect(chart().getAttribute('aria-label')).toMatch(
      /^12 incidents from Jan to Feb 2026; busiest week of (16 Feb|Feb 16) with 7; 1 court or police event marked\.$/,
    );
  });

  it('reports the clicked bar and the list index of its first incident', async () => {
    const user = userEvent.setup();
    const onSlotClick = vi.fn();
    render(
      <TimelineChart
        histogram={histogram}
        tx={tx}
        bucket="week"
        onBucketChange={vi.fn()}
        onSlotClick={onSlotClick}
        firstIndexOf={firstIndexOfSlot}
      />,
    );
    await user.click(chart().querySelector('rect[data-bucket="2026-02-16"]')!);
    // 3 + 2 incidents in earlier bars, plus the order served before it.
    expect(onSlotClick).toHaveBeenCalledWith('2026-02-16', 6);
  });

  it('switches the bar width with pressed-state buttons', async () => {
    const user = userEvent.setup();
    const onBucketChange = vi.fn();
    render(<TimelineChart histogram={histogram} tx={tx} bucket="week" onBucketChange={onBucketChange} />);
    const week = document.querySelector('button[aria-pressed="true"]')!;
    expect(week).toHaveTextContent('Week');
    await user.click(document.querySelector('button[aria-pressed="false"]')!);
    expect(onBucketChange).toHaveBeenCalledWith('day');
  });

  it('offers the data as a table', async () => {
    const user = userEvent.setup();
    render(<TimelineChart histogram={histogram} tx={tx} bucket="week" onBucketChange={vi.fn()} />);
    expect(document.getElementById('timeline-chart-table')).toBeNull();
    await user.click(document.querySelector('.chart-table-toggle')!);
    const table = document.getElementById('timeline-chart-table')!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(table).toHaveTextContent('Order served');
  });
});
