import { useId } from 'react';
import type { RiskAssessment } from '../ipc/commands';
import { formatDate, parseDate } from '../lib/format';
import { RISK_LEVEL_LABELS, RISK_LEVEL_ORDER } from '../lib/labels';

const W = 560;
const H = 132;
const LEFT = 72;
const RIGHT = 16;
const TOP = 10;
const BOTTOM = 26;

/** Oldest first, by assessment date and then by when it was recorded. */
export function chronological(assessments: readonly RiskAssessment[]): RiskAssessment[] {
  return [...assessments].sort(
    (a, b) => a.input.assessedOn.localeCompare(b.input.assessedOn) || a.createdAt.localeCompare(b.createdAt),
  );
}

/**
 * The judged level over time as a step line (low at the bottom, imminent at
 * the top). Positions follow the dates, so long gaps look long.
 */
export function RiskTrend({ assessments }: { assessments: readonly RiskAssessment[] }) {
  const titleId = useId();
  const descId = useId();
  const points = chronological(assessments);
  if (points.length === 0) return null;

  const times = points.map((a) => parseDate(a.input.assessedOn)?.getTime() ?? 0);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const x = (i: number) => (t1 === t0 ? LEFT + plotW / 2 : LEFT + ((times[i]! - t0) / (t1 - t0)) * plotW);
  const y = (level: string) => {
    const idx = Math.max(0, RISK_LEVEL_ORDER.indexOf(level as (typeof RISK_LEVEL_ORDER)[number]));
    return TOP + plotH - (idx / (RISK_LEVEL_ORDER.length - 1)) * plotH;
  };

  let d = '';
  points.forEach((a, i) => {
    const px = x(i);
    const py = y(a.input.level);
    if (i === 0) d += `M${px},${py}`;
    else d += `H${px}V${py}`;
  });

  const description = points.map((a) => `${formatDate(a.input.assessedOn)}: ${RISK_LEVEL_LABELS[a.input.level]}`).join('; ');
  const labelled = points.length <= 6 ? points.map((_, i) => i) : [0, points.length - 1];

  return (
    <svg
      className="risk-trend"
      id="risk-trend"
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      preserveAspectRatio="xMinYMid meet"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>Judged risk level over time</title>
      <desc id={descId}>{description}</desc>
      <g className="risk-trend-grid" aria-hidden="true">
        {RISK_LEVEL_ORDER.map((l) => (
          <g key={l}>
            <line x1={LEFT} x2={W - RIGHT} y1={y(l)} y2={y(l)} />
            <text x={LEFT - 8} y={y(l) + 4} textAnchor="end">
              {RISK_LEVEL_LABELS[l]}
            </text>
          </g>
        ))}
      </g>
      <path className="risk-trend-line" d={d} fill="none" aria-hidden="true" />
      <g aria-hidden="true">
        {points.map((a, i) => (
          <circle key={a.id} className={`risk-trend-point level-${a.input.level}`} cx={x(i)} cy={y(a.input.level)} r={4.5}>
            <title>{`${formatDate(a.input.assessedOn)}: ${RISK_LEVEL_LABELS[a.input.level]}`}</title>
          </circle>
        ))}
        {labelled.map((i) => (
          <text
            key={points[i]!.id}
            className="risk-trend-date"
            x={x(i)}
            y={H - 8}
            textAnchor={points.length === 1 ? 'middle' : i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'}
          >
            {formatDate(points[i]!.input.assessedOn)}
          </text>
        ))}
      </g>
    </svg>
  );
}
