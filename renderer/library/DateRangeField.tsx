/**
 * One field for a range of publication dates ("2019-11", "2019-11-01 to 2019-11-20"): one Tab stop,
 * where two browser date inputs took four each (day, month, year and the calendar button). The range
 * applies on Enter or when the field loses the focus; what cannot be read is said beside it and the
 * list keeps its current range.
 */
import { useId, useState, type JSX } from 'react';
import { formatDateRange, parseDateRange, type DateRange } from '../../shared/date-bounds';

export interface DateRangeFieldProps {
  label: string;
  value: DateRange;
  onChange(range: DateRange): void;
}

export function DateRangeField({ label, value, onChange }: DateRangeFieldProps): JSX.Element {
  const shown = formatDateRange(value);
  // What the user is typing; null shows the range in force.
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState(false);
  const problemId = useId();

  const apply = (): void => {
    if (draft === null) return;
    const range = parseDateRange(draft);
    if (range === null) {
      setProblem(true);
      return;
    }
    setProblem(false);
    setDraft(null);
    if (range.from !== value.from || range.to !== value.to) onChange(range);
  };

  return (
    <label className="date-range-field">
      {label}
      <input
        type="text"
        data-testid="filter-published"
        inputMode="numeric"
        spellCheck={false}
        placeholder="e.g. 2019-11 or 2019-11-01 to 2019-11-20"
        size={24}
        aria-invalid={problem}
        aria-describedby={problem ? problemId : undefined}
        value={draft ?? shown}
        onChange={(event) => {
          setDraft(event.target.value);
          setProblem(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            apply();
          } else if (event.key === 'Escape') {
            setDraft(null);
            setProblem(false);
          }
        }}
        onBlur={apply}
      />
      {problem && (
        <span id={problemId} className="settings-error" role="alert">
          Type a date like 2019, 2019-11 or 2019-11-20, or two joined by “to”.
        </span>
      )}
    </label>
  );
}
