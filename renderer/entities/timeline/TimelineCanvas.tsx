/**
 * The zoomable, pannable picture: wheel zooms around the pointer, dragging pans, buttons zoom in/out,
 * jump to day/month/year scales or fit everything. Keyboard: + / - zoom, arrows pan.
 */
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import type { TimelineItem } from '../../../shared/areas/analysis';
import { TimelineAxis } from './TimelineAxis';
import { itemTime } from './timelineItems';
import { AXIS_HEIGHT, LABEL_WIDTH, LANE_HEIGHT, TimelineMarks, useLayout } from './TimelineMarks';
import { atScaleAround, fitView, fromX, pan, zoom, type Scale, type TimeView } from './timeScale';

export interface TimelineCanvasProps {
  items: TimelineItem[];
  selectedId: string | null;
  onSelect: (item: TimelineItem) => void;
  onOpen: (item: TimelineItem) => void;
}

const SCALES: { scale: Scale; label: string }[] = [
  { scale: 'year', label: 'Years' },
  { scale: 'month', label: 'Months' },
  { scale: 'day', label: 'Days' },
];

export function TimelineCanvas({ items, selectedId, onSelect, onOpen }: TimelineCanvasProps): JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [view, setView] = useState<TimeView>(() => fitView(items, width, LABEL_WIDTH));
  const drag = useRef<{ x: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);
  const { lanes } = useLayout(items, view, width);
  // Scale buttons zoom to the selected item, so "Days" shows that day rather than the middle of nowhere.
  const selected = items.find((item) => item.id === selectedId);
  const anchor = selected ? itemTime(selected).start : undefined;
  const height = AXIS_HEIGHT + Math.max(4, lanes) * LANE_HEIGHT + 10;

  // A new set of items (another filter) is shown whole.
  const [shown, setShown] = useState(items);
  if (shown !== items) {
    setShown(items);
    setView(fitView(items, width, LABEL_WIDTH));
  }

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(200, element.clientWidth)));
    observer.observe(element);
    const measured = Math.max(200, element.clientWidth);
    setWidth(measured);
    // The first fit guessed the width; fit again now that it is known.
    setView(fitView(items, measured, LABEL_WIDTH));
    return () => observer.disconnect();
    // Measured once on mount; later item sets are fitted where they arrive (see `shown`).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // React's wheel listener is passive; zooming must stop the page from scrolling, so listen natively.
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const onWheel = (event: WheelEvent): void => {
      if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        setView((v) => pan(v, element.clientWidth, -event.deltaX));
        return;
      }
      event.preventDefault();
      const x = event.clientX - element.getBoundingClientRect().left;
      setView((v) => zoom(v, Math.exp(event.deltaY * 0.0015), fromX(v, element.clientWidth, x)));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  function onPointerDown(event: PointerEvent<HTMLDivElement>): void {
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, moved: false };
    suppressClick.current = false;
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>): void {
    const state = drag.current;
    if (!state) return;
    const dx = event.clientX - state.x;
    if (!state.moved && Math.abs(dx) < 4) return;
    if (!state.moved) event.currentTarget.setPointerCapture(event.pointerId);
    state.moved = true;
    state.x = event.clientX;
    setView((v) => pan(v, width, dx));
  }
  function onPointerUp(): void {
    suppressClick.current = drag.current?.moved ?? false;
    drag.current = null;
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const actions: Record<string, () => TimeView> = {
      '+': () => zoom(view, 0.5),
      '=': () => zoom(view, 0.5),
      '-': () => zoom(view, 2),
      ArrowLeft: () => pan(view, width, width / 5),
      ArrowRight: () => pan(view, width, -width / 5),
    };
    const action = actions[event.key];
    if (!action || event.target !== event.currentTarget) return;
    event.preventDefault();
    setView(action());
  }

  return (
    <div className="timeline">
      <div className="timeline-controls" role="toolbar" aria-label="Zoom">
        <button
          type="button"
          className="button button-small"
          data-testid="timeline-zoom-in"
          onClick={() => setView(zoom(view, 0.5))}
        >
          Zoom in
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="timeline-zoom-out"
          onClick={() => setView(zoom(view, 2))}
        >
          Zoom out
        </button>
        {SCALES.map(({ scale, label }) => (
          <button
            key={scale}
            type="button"
            className="button button-small"
            data-testid={`timeline-scale-${scale}`}
            onClick={() => setView(atScaleAround(view, scale, anchor))}
          >
            {label}
          </button>
        ))}
        <button
          type="button"
          className="button button-small"
          data-testid="timeline-fit"
          onClick={() => setView(fitView(items, width, LABEL_WIDTH))}
        >
          Fit all
        </button>
        <span className="muted timeline-hint">Scroll to zoom, drag to move</span>
      </div>
      <div
        ref={box}
        className="timeline-canvas"
        data-testid="timeline-canvas"
        tabIndex={0}
        aria-label="Timeline; + and - zoom, arrows move"
        style={{ height }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onClickCapture={(event) => {
          // The click that ends a drag is not a click on an item.
          if (!suppressClick.current) return;
          suppressClick.current = false;
          event.stopPropagation();
        }}
        onKeyDown={onKeyDown}
      >
        <TimelineAxis view={view} width={width} height={height} />
        <TimelineMarks
          items={items}
          view={view}
          width={width}
          selectedId={selectedId}
          onSelect={onSelect}
          onOpen={onOpen}
        />
      </div>
    </div>
  );
}
