/**
 * The geometry of the timeline, kept pure so it is tested without a browser: which stretch of time is
 * visible, how zooming and panning change it, where the ticks go, and how items are stacked in lanes so
 * their labels never overlap. Times are UTC milliseconds.
 */
import { DAY_MS, dayToMs, shortMonth } from '../dates';

/** The visible stretch of time, [start, end). */
export interface TimeView {
  start: number;
  end: number;
}

/** The named zoom levels of the buttons, as the span of time they show. */
export type Scale = 'day' | 'month' | 'year';

const SCALE_SPAN: Record<Scale, number> = { day: 14 * DAY_MS, month: 366 * DAY_MS, year: 12 * 366 * DAY_MS };
const MIN_SPAN = 2 * DAY_MS;
const MAX_SPAN = 300 * 366 * DAY_MS;

function clampSpan(span: number): number {
  return Math.min(MAX_SPAN, Math.max(MIN_SPAN, span));
}

/** The x position (px) of `ms` in a view drawn `width` px wide. */
export function toX(view: TimeView, width: number, ms: number): number {
  return ((ms - view.start) / (view.end - view.start)) * width;
}

/** The time at x (px). */
export function fromX(view: TimeView, width: number, x: number): number {
  return view.start + (x / width) * (view.end - view.start);
}

/** Zooms by `factor` (< 1 zooms in) keeping `anchor` (a time) at the same place on screen. */
export function zoom(view: TimeView, factor: number, anchor = (view.start + view.end) / 2): TimeView {
  const span = view.end - view.start;
  const next = clampSpan(span * factor);
  const ratio = (anchor - view.start) / span;
  const start = anchor - ratio * next;
  return { start, end: start + next };
}

/** Moves the view by `dx` pixels (positive: the content moves right, i.e. earlier times come in). */
export function pan(view: TimeView, width: number, dx: number): TimeView {
  const shift = (dx / width) * (view.end - view.start);
  return { start: view.start - shift, end: view.end - shift };
}

/** The view of a named scale centred where the current view is centred. */
export function atScale(view: TimeView, scale: Scale): TimeView {
  const centre = (view.start + view.end) / 2;
  const span = SCALE_SPAN[scale];
  return { start: centre - span / 2, end: centre + span / 2 };
}

/**
 * A view showing every item (first day to last day) drawn `width` px wide, with `labelPx` to the right
 * of the last item for its label and a small margin on the left; at least 14 days wide.
 */
export function fitView(
  items: readonly { start: string; end: string }[],
  width = 1000,
  labelPx = 200,
  today = Date.now(),
): TimeView {
  if (items.length === 0) return atScale({ start: today, end: today }, 'month');
  let first = Infinity;
  let last = -Infinity;
  for (const item of items) {
    first = Math.min(first, dayToMs(item.start));
    last = Math.max(last, dayToMs(item.end) + DAY_MS);
  }
  const margin = 24;
  // On a narrow axis the label cannot get its full room; it is then cut, not the items.
  const inner = Math.max(width * 0.5, width - labelPx - 2 * margin);
  const msPerPx = Math.max(SCALE_SPAN.day / width, (last - first) / inner);
  const start = first - margin * msPerPx;
  return { start, end: start + width * msPerPx };
}

/** `scale`'s view centred on `anchor` (a time), or on the current view's centre. */
export function atScaleAround(view: TimeView, scale: Scale, anchor?: number): TimeView {
  if (anchor === undefined) return atScale(view, scale);
  return atScale({ start: anchor, end: anchor }, scale);
}

/** A tick on the axis. */
export interface Tick {
  ms: number;
  label: string;
  /** Year boundaries (or month boundaries when ticks are days) are drawn stronger. */
  major: boolean;
}

type TickUnit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade';

/** The finest unit whose ticks stay at least `minGap` px apart. */
export function tickUnit(view: TimeView, width: number, minGap = 64): TickUnit {
  const pxPerDay = (width / (view.end - view.start)) * DAY_MS;
  if (pxPerDay >= minGap) return 'day';
  if (pxPerDay * 7 >= minGap) return 'week';
  if (pxPerDay * 30.4 >= minGap) return 'month';
  if (pxPerDay * 91 >= minGap) return 'quarter';
  if (pxPerDay * 365 >= minGap) return 'year';
  return 'decade';
}

function startOf(ms: number, unit: TickUnit): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'day':
      return Date.UTC(y, m, d.getUTCDate());
    case 'week': {
      // Weeks start on Monday, as ISO weeks do.
      const day = Date.UTC(y, m, d.getUTCDate());
      return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
    }
    case 'month':
      return Date.UTC(y, m, 1);
    case 'quarter':
      return Date.UTC(y, m - (m % 3), 1);
    case 'year':
      return Date.UTC(y, 0, 1);
    case 'decade':
      return Date.UTC(y - (((y % 10) + 10) % 10), 0, 1);
  }
}

function next(ms: number, unit: TickUnit): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'day':
      return ms + DAY_MS;
    case 'week':
      return ms + 7 * DAY_MS;
    case 'month':
      return Date.UTC(y, m + 1, 1);
    case 'quarter':
      return Date.UTC(y, m + 3, 1);
    case 'year':
      return Date.UTC(y + 1, 0, 1);
    case 'decade':
      return Date.UTC(y + 10, 0, 1);
  }
}

function label(ms: number, unit: TickUnit): { label: string; major: boolean } {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  switch (unit) {
    case 'day':
    case 'week':
      return day === 1 || (unit === 'week' && day <= 7)
        ? { label: `${day} ${shortMonth(m)} ${y}`, major: true }
        : { label: `${day} ${shortMonth(m)}`, major: false };
    case 'month':
    case 'quarter':
      return m === 0 ? { label: String(y), major: true } : { label: shortMonth(m), major: false };
    case 'year':
    case 'decade':
      return { label: String(y), major: y % 10 === 0 };
  }
}

/** The ticks inside the view. */
export function ticks(view: TimeView, width: number): Tick[] {
  const unit = tickUnit(view, width);
  const result: Tick[] = [];
  for (let ms = startOf(view.start, unit); ms < view.end && result.length < 500; ms = next(ms, unit)) {
    if (ms >= view.start) result.push({ ms, ...label(ms, unit) });
  }
  return result;
}

/** Where an item sits: its left edge, its drawn width, and its lane (row). */
export interface Placed {
  x: number;
  width: number;
  lane: number;
  /** Free width from x to the next item in its lane (less the gap); Infinity for the lane's last item. */
  room: number;
}

/**
 * Stacks items (sorted or not) into lanes: each item occupies [x, x + max(width, labelWidth)) and goes
 * into the first lane where it does not overlap the previous occupant, so labels never collide. Each
 * item's `room` says how far its label may run before the next item of its lane.
 */
export function layoutLanes(
  spans: readonly { x: number; width: number }[],
  labelWidth: number,
  gap = 8,
): Placed[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.x - spans[b]!.x);
  const laneEnds: number[] = [];
  const laneLast: Placed[] = [];
  const placed: Placed[] = new Array(spans.length);
  for (const i of order) {
    const span = spans[i]!;
    const right = span.x + Math.max(span.width, labelWidth);
    let lane = laneEnds.findIndex((end) => end + gap <= span.x);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(right);
    } else {
      laneEnds[lane] = right;
      const previous = laneLast[lane]!;
      previous.room = span.x - previous.x - gap;
    }
    placed[i] = { x: span.x, width: span.width, lane, room: Infinity };
    laneLast[lane] = placed[i];
  }
  return placed;
}
