/**
 * The items on the axis: a diamond for an event, a dot for a quote, a bar when the item covers more than
 * a day at this zoom; labels stacked in lanes so they never overlap. Only items in view are drawn.
 */
import { useMemo, type JSX } from 'react';
import type { TimelineItem } from '../../../shared/areas/analysis';
import { itemLabel, itemTime, itemTooltip } from './timelineItems';
import { layoutLanes, toX, type Placed, type TimeView } from './timeScale';

/**
 * Width reserved for a label when lanes are laid out, in px. A label runs further, up to
 * LABEL_MAX_WIDTH, where its lane is free to its right; longer ones are cut with an ellipsis.
 */
export const LABEL_WIDTH = 190;
export const LABEL_MAX_WIDTH = 480;
/** The dot and the space before the label's text. */
const MARK_WIDTH = 14;
export const LANE_HEIGHT = 30;
export const AXIS_HEIGHT = 40;

export interface TimelineMarksProps {
  items: TimelineItem[];
  view: TimeView;
  width: number;
  selectedId: string | null;
  onSelect: (item: TimelineItem) => void;
  onOpen: (item: TimelineItem) => void;
}

/** Lanes depend on zoom only (panning shifts every x alike), so they are stable while dragging. */
export function useLayout(items: TimelineItem[], view: TimeView, width: number) {
  const span = view.end - view.start;
  return useMemo(() => {
    const origin = { start: 0, end: span };
    const spans = items.map((item) => {
      const time = itemTime(item);
      // A one-day item sits in the middle of its day, between the day ticks.
      const x = toX(origin, width, item.start === item.end ? (time.start + time.end) / 2 : time.start);
      return { x, width: Math.max(0, toX(origin, width, time.end) - x) };
    });
    const placed = layoutLanes(spans, LABEL_WIDTH);
    return { placed, lanes: placed.reduce((max, p) => Math.max(max, p.lane + 1), 0) };
  }, [items, span, width]);
}

/**
 * How wide a label may be: as far as its lane is free (never into the next item), within the canvas,
 * at most LABEL_MAX_WIDTH, and never less than the width reserved for it. A bar's label follows the bar
 * and keeps the reserved width.
 */
function labelWidth(place: Placed, x: number, canvasWidth: number, isRange: boolean): number {
  const reserved = LABEL_WIDTH - MARK_WIDTH;
  if (isRange) return reserved;
  const free = Math.min(place.room, LABEL_MAX_WIDTH, canvasWidth - x - 8) - MARK_WIDTH;
  return Math.max(reserved, Math.floor(free));
}

export function TimelineMarks({
  items,
  view,
  width,
  selectedId,
  onSelect,
  onOpen,
}: TimelineMarksProps): JSX.Element {
  const { placed } = useLayout(items, view, width);
  const shift = toX(view, width, 0);
  return (
    <>
      {items.map((item, i) => {
        const place = placed[i]!;
        const x = place.x + shift;
        const isRange = place.width >= 6 && item.start !== item.end;
        const label = labelWidth(place, x, width, isRange);
        // Drawn while any of it (bar or label) is in view.
        if (x + Math.max(place.width, label + MARK_WIDTH) < 0 || x > width) return null;
        return (
          <button
            key={`${item.kind}-${item.id}`}
            type="button"
            className={`timeline-item kind-${item.kind}${item.id === selectedId ? ' is-selected' : ''}`}
            data-testid="timeline-item"
            data-kind={item.kind}
            data-start={item.start}
            style={{ left: x, top: AXIS_HEIGHT + place.lane * LANE_HEIGHT }}
            title={itemTooltip(item)}
            onClick={() => onSelect(item)}
            onDoubleClick={() => onOpen(item)}
          >
            {isRange ? (
              <span className="timeline-bar" style={{ width: place.width }} />
            ) : (
              <span className="timeline-dot" />
            )}
            <span
              className="timeline-label"
              // A bar that began before the view keeps its label at the view's left edge (within the bar).
              style={
                isRange && x < 0
                  ? { maxWidth: label, left: Math.max(0, Math.min(-x, place.width - label - MARK_WIDTH)) }
                  : { maxWidth: label }
              }
            >
              {itemLabel(item)}
            </span>
          </button>
        );
      })}
    </>
  );
}
