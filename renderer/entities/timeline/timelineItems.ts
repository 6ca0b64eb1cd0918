/** What the timeline draws for each item: its label and the time it covers. */
import type { TimelineItem } from '../../../shared/areas/analysis';
import { excerpt } from '../../analysis/analysisView';
import { DAY_MS, dayToMs, formatRange } from '../dates';

/** The words next to an item's mark. */
export function itemLabel(item: TimelineItem): string {
  if (item.kind === 'event') return item.title;
  const speaker = item.quote?.speaker?.name ?? item.entities.find((e) => e.kind === 'person')?.name;
  const words = excerpt(item.quote?.text ?? item.title, 60);
  return speaker ? `${speaker}: “${words}”` : `“${words}”`;
}

/** The hover text: date, label, who, and where it is reported. */
export function itemTooltip(item: TimelineItem): string {
  const lines = [formatRange(item.start, item.end, item.precision), itemLabel(item)];
  if (item.entities.length > 0) lines.push(item.entities.map((e) => e.name).join(', '));
  for (const source of item.sources) lines.push(`Source: ${source.title}`);
  return lines.join('\n');
}

/** The item's first moment and the end of its last day, in UTC ms. */
export function itemTime(item: TimelineItem): { start: number; end: number } {
  return { start: dayToMs(item.start), end: dayToMs(item.end) + DAY_MS };
}
