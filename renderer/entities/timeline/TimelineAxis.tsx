/** The time axis: tick marks and labels across the top, and faint grid lines down through the lanes. */
import type { JSX } from 'react';
import { ticks, toX, type TimeView } from './timeScale';

export interface TimelineAxisProps {
  view: TimeView;
  width: number;
  height: number;
}

export function TimelineAxis({ view, width, height }: TimelineAxisProps): JSX.Element {
  return (
    <svg className="timeline-axis" width={width} height={height} aria-hidden="true">
      <line className="axis-line" x1={0} x2={width} y1={28} y2={28} />
      {ticks(view, width).map((tick) => {
        const x = Math.round(toX(view, width, tick.ms)) + 0.5;
        return (
          <g key={tick.ms} className={tick.major ? 'tick major' : 'tick'}>
            <line className="grid-line" x1={x} x2={x} y1={28} y2={height} />
            <line className="tick-line" x1={x} x2={x} y1={22} y2={28} />
            <text x={x + 4} y={18}>
              {tick.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
