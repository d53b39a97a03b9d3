import { fireEvent, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Histogram, HistogramBar } from '../../ipc/commands';
import { tx } from '../../test/fixtures';
import { TimelineChart } from '../TimelineChart';

// As the core sends it: four weeks (the third quiet); two orders served in the second.
const histogram: Histogram = {
  bucket: 'week',
  preferredKept: true,
  bars: [
    { start: '2026-01-26', end: '2026-02-01', counts: { surveillance: 1, lifeInvasion: 2 }, total: 3, marks: [] },
    {
      start: '2026-02-02',
      end: '2026-02-08',
      counts: { lifeInvasion: 1, intimidation: 1 },
      total: 2,
      marks: [{ category: 'orderServed', count: 2, firstIncidentId: 'sys-1', firstAt: '2026-02-03T14:00:00Z' }],
    },
    { start: '2026-02-09', end: '2026-02-15', counts: {}, total: 0, marks: [] },
    {
      start: '2026-02-16',
      end: '2026-02-22',
      counts: { surveillance: 2, lifeInvasion: 3, intimidation: 1, interference: 1 },
      total: 7,
      marks: [],
    },
  ],
  total: 12,
  max: 7,
  markTotal: 2,
  groupTotals: { surveillance: 3, lifeInvasion: 6, intimidation: 2, interference: 1 },
};

const chart = () => document.getElementById('timeline-chart')!;
const input = () => document.querySelector<SVGRectElement>('[data-testid="chart-input"]')!;

/** jsdom has no layout: the SVG is at x 0 and 800 wide; bars start at x 34, each (800-44)/4 = 189 wide. */
function at(bar: number, y = 100) {
  return { clientX: 34 + bar * 189 + 90, clientY: y, button: 0, pointerId: 1 };
}

function draw(props: Partial<Parameters<typeof TimelineChart>[0]> = {}) {
  return render(<TimelineChart histogram={histogram} tx={tx} bucket="week" onBucketChange={vi.fn()} {...props} />);
}

describe('TimelineChart', () => {
  it('draws one path per behaviour group, whatever the number of bars', () => {
    draw();
    const paths = [...chart().querySelectorAll('.chart-bars path')];
    expect(paths.map((p) => p.getAttribute('data-group'))).toEqual(['surveillance', 'lifeInvasion', 'intimidation', 'interference']);
    // Surveillance has a segment in bars 1 and 4: two subpaths.
    expect(paths[0]!.getAttribute('d')!.match(/M/g)).toHaveLength(2);
    expect(chart()).toHaveAttribute('data-total', String(12 + 2));
    expect(chart()).toHaveAttribute('data-bars', '4');
    // One mark for the bar with court events, its count written by it.
    expect(chart().querySelector('.chart-marks path')!.getAttribute('d')!.match(/M/g)).toHaveLength(1);
    expect(chart().querySelector('.chart-mark-count')).toHaveTextContent('2');
  });

  it('keeps the element count small for 120 bars', () => {
    const bars: HistogramBar[] = Array.from({ length: 120 }, (_, i) => ({
      start: `2020-${String((i % 12) + 1).padStart(2, '0')}-01`,
      end: '2020-01-31',
      counts: { surveillance: 3, lifeInvasion: 2, intimidation: 1, interference: 1 },
      total: 7,
      marks: [{ category: 'orderServed', count: 1, firstIncidentId: `m${i}`, firstAt: '2020-01-02T00:00:00Z' }],
    }));
    draw({ histogram: { ...histogram, bucket: 'month', bars, total: 840, max: 7, markTotal: 120 } });
    expect(chart().querySelectorAll('*').length).toBeLessThan(80);
  });

  it('summarises the chart for screen readers', () => {
    draw();
    expect(chart()).toHaveAttribute('role', 'img');
    expect(chart().getAttribute('aria-label')).toMatch(/^12 incidents from Jan to Feb 2026, per week; busiest week of (16 Feb|Feb 16) with 7; 2 court or police events marked\.$/);
  });

  it('reports a clicked bar with the list index of its first incident', () => {
    const onBarClick = vi.fn();
    draw({ onBarClick });
    fireEvent.pointerDown(input(), at(3));
    fireEvent.pointerUp(input(), at(3));
    // Bars 1 and 2: 3 + 2 incidents and 2 court events come first.
    expect(onBarClick).toHaveBeenCalledWith(7);
  });

  it('opens the first court event when its mark is clicked', () => {
    const onMarkClick = vi.fn();
    draw({ onMarkClick });
    fireEvent.pointerDown(input(), at(1, 8));
    fireEvent.pointerUp(input(), at(1, 8));
    expect(onMarkClick).toHaveBeenCalledWith('sys-1', 3);
  });

  it('narrows to the bars dragged across, and offers the whole span back', async () => {
    const onBrush = vi.fn();
    const onWholeSpan = vi.fn();
    const { rerender } = draw({ onBrush });
    fireEvent.pointerDown(input(), at(1));
    fireEvent.pointerMove(input(), at(3));
    expect(chart().querySelector('.chart-brush')).not.toBeNull();
    fireEvent.pointerUp(input(), at(3));
    expect(onBrush).toHaveBeenCalledWith('2026-02-02', '2026-02-22');
    expect(document.getElementById('chart-whole-span')).toBeNull();
    rerender(<TimelineChart histogram={histogram} tx={tx} bucket="week" onBucketChange={vi.fn()} zoomed onWholeSpan={onWholeSpan} />);
    await userEvent.setup().click(document.getElementById('chart-whole-span')!);
    expect(onWholeSpan).toHaveBeenCalled();
  });

  it('shows what a hovered bar holds', () => {
    draw();
    fireEvent.pointerMove(input(), at(1));
    expect(document.getElementById('chart-tip')).toHaveTextContent(/week of (2 Feb|Feb 2).*2 incidents.*Order served 2/);
  });

  it('switches the bar width and says when a coarser one had to be used', async () => {
    const onBucketChange = vi.fn();
    const { rerender } = draw({ onBucketChange });
    await userEvent.setup().click(document.querySelector('button[aria-pressed="false"]')!);
    expect(onBucketChange).toHaveBeenCalledWith('day');
    rerender(
      <TimelineChart histogram={{ ...histogram, bucket: 'month', preferredKept: false }} tx={tx} bucket="day" onBucketChange={vi.fn()} />,
    );
    expect(document.getElementById('chart-bucket-note')).toHaveTextContent('Too many days for one chart: shown per month.');
    expect(document.getElementById('chart-title')).toHaveTextContent('Incidents per month');
  });

  it('offers the data as a table', async () => {
    draw();
    await userEvent.setup().click(document.querySelector('.chart-table-toggle')!);
    const table = document.getElementById('timeline-chart-table')!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(table).toHaveTextContent('Order served 2');
  });
});
