import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS, dayToMs } from '../dates';
import {
  atScale,
  atScaleAround,
  fitView,
  fromX,
  layoutLanes,
  pan,
  ticks,
  tickUnit,
  toX,
  zoom,
} from './timeScale';

const march = { start: dayToMs('2025-03-01'), end: dayToMs('2025-04-01') };

describe('timeScale', () => {
  it('maps times to x and back', () => {
    expect(toX(march, 310, march.start)).toBe(0);
    expect(toX(march, 310, dayToMs('2025-03-11'))).toBeCloseTo(100);
    expect(fromX(march, 310, 100)).toBeCloseTo(dayToMs('2025-03-11'));
  });

  it('zooms around the anchor, which stays at the same x', () => {
    const anchor = dayToMs('2025-03-13');
    const before = toX(march, 1000, anchor);
    const zoomed = zoom(march, 0.5, anchor);
    expect(zoomed.end - zoomed.start).toBeCloseTo((march.end - march.start) / 2);
    expect(toX(zoomed, 1000, anchor)).toBeCloseTo(before);
  });

  it('never zooms below two days or past three centuries', () => {
    let view = march;
    for (let i = 0; i < 50; i++) view = zoom(view, 0.5);
    expect(view.end - view.start).toBe(2 * DAY_MS);
    for (let i = 0; i < 80; i++) view = zoom(view, 2);
    expect(view.end - view.start).toBeLessThanOrEqual(300 * 366 * DAY_MS);
  });

  it('pans by pixels: dragging right brings earlier times in', () => {
    const moved = pan(march, 310, 100);
    expect(moved.start).toBeCloseTo(dayToMs('2025-02-19'));
    expect(moved.end - moved.start).toBe(march.end - march.start);
  });

  it('picks named scales around the centre', () => {
    const day = atScale(march, 'day');
    expect(day.end - day.start).toBe(14 * DAY_MS);
    expect((day.start + day.end) / 2).toBe((march.start + march.end) / 2);
  });

  it('fits all items, with room for the last label, the 13 March 2025 events inside', () => {
    const view = fitView(
      [
        { start: '2025-03-13', end: '2025-03-13' },
        { start: '2022-02-24', end: '2022-02-24' },
      ],
      1000,
      200,
    );
    expect(view.start).toBeLessThan(dayToMs('2022-02-24'));
    expect(toX(view, 1000, dayToMs('2025-03-13'))).toBeLessThanOrEqual(1000 - 200);
    expect(toX(view, 1000, dayToMs('2022-02-24'))).toBeGreaterThan(0);
    const single = fitView([{ start: '2025-03-13', end: '2025-03-13' }], 1000);
    expect(single.end - single.start).toBe(14 * DAY_MS);
    expect(single.start).toBeLessThan(dayToMs('2025-03-13'));
  });

  it('centres a named scale on an anchor when given', () => {
    const anchor = dayToMs('2025-03-13');
    const day = atScaleAround(march, 'day', anchor);
    expect((day.start + day.end) / 2).toBe(anchor);
  });

  it('chooses tick units by density and labels year boundaries as major', () => {
    expect(tickUnit(march, 3100)).toBe('day');
    expect(tickUnit(march, 600)).toBe('week');
    const years = { start: dayToMs('2020-06-01'), end: dayToMs('2026-06-01') };
    expect(tickUnit(years, 1000)).toBe('year');
    expect(tickUnit(years, 2000)).toBe('quarter');
    const monthTicks = ticks({ start: dayToMs('2024-11-15'), end: dayToMs('2025-03-15') }, 1000);
    expect(monthTicks.map((t) => t.label)).toEqual(['Dec', '2025', 'Feb', 'Mar']);
    expect(monthTicks.find((t) => t.label === '2025')?.major).toBe(true);
  });

  it('stacks overlapping labels into separate lanes and reuses freed lanes', () => {
    const placed = layoutLanes(
      [
        { x: 0, width: 0 },
        { x: 50, width: 0 },
        { x: 300, width: 0 },
      ],
      160,
    );
    expect(placed.map((p) => p.lane)).toEqual([0, 1, 0]);
    // The first label may run up to the next item of its lane; the others have their lanes to themselves.
    expect(placed.map((p) => p.room)).toEqual([292, Infinity, Infinity]);
  });

  it('never puts two overlapping labels in one lane (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ x: fc.integer({ min: 0, max: 2000 }), width: fc.integer({ min: 0, max: 300 }) }),
        ),
        (spans) => {
          const placed = layoutLanes(spans, 120, 8);
          for (let i = 0; i < placed.length; i++) {
            for (let j = i + 1; j < placed.length; j++) {
              if (placed[i]!.lane !== placed[j]!.lane) continue;
              const a = { l: spans[i]!.x, r: spans[i]!.x + Math.max(spans[i]!.width, 120) };
              const b = { l: spans[j]!.x, r: spans[j]!.x + Math.max(spans[j]!.width, 120) };
              expect(a.r + 8 <= b.l || b.r + 8 <= a.l).toBe(true);
            }
            // A label's room ends a gap before the nearest item to its right in its lane, if any.
            const right = placed
              .filter((p, k) => k !== i && p.lane === placed[i]!.lane && p.x >= placed[i]!.x)
              .map((p) => p.x);
            const next = right.length === 0 ? Infinity : Math.min(...right);
            expect(placed[i]!.room).toBe(next === Infinity ? Infinity : next - placed[i]!.x - 8);
          }
        },
      ),
    );
  });
});
