/**
 * Date expressions found by hand-written patterns: explicit dates ("March 13, 2025", "13 March"), months,
 * weekdays, "yesterday", "last summer", "two weeks ago", quarters, decades. Each match carries a resolver
 * that turns it into a TimeML value once the publication date and the sentence's tense are known.
 * Patterns are compiled once per process and run over the whole text, so the cost is a few linear scans
 * (Microsoft's recogniser, used before, cost ~3 ms per sentence and dominated extraction time).
 */
import { isoWeek, resolveTimex, ymd, type ResolvedDate, type Tense } from './timex';

/** What a resolver needs: the publication date and how its sentence reads. */
export interface DateContext {
  reference: Date;
  tense: Tense;
  /** The sentence holding the expression (for "a year ago" next to "third quarter"). */
  sentence: string;
}

/** One recognised expression: [start, end) into the text and how to resolve it. */
export interface DateMatch {
  start: number;
  end: number;
  resolve(context: DateContext): ResolvedDate | null;
}

const MONTH_NUMBER: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAY_NUMBER: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const SEASON_CODE: Record<string, string> = {
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
  winter: 'WI',
};
const ORDINAL: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};
const COUNT: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');
const month = (name: string): number => MONTH_NUMBER[name.slice(0, 3).toLowerCase()] ?? 1;
const weekday = (name: string): number => WEEKDAY_NUMBER[name.slice(0, 3).toLowerCase()] ?? 0;
const day = (value: string): ResolvedDate => ({ value, precision: 'day' });
const fuzzy = (value: string): ResolvedDate => ({ value, precision: 'fuzzy' });

function shiftDays(reference: Date, days: number): Date {
  const date = new Date(reference);
  date.setUTCDate(date.getUTCDate() + days);
  return date;
}

function monthOffset(reference: Date, months: number): string {
  const total = reference.getUTCFullYear() * 12 + reference.getUTCMonth() + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

/** The latest quarter that has ended by `reference` (the one an earnings report speaks of). */
function lastQuarter(reference: Date, yearsBack = 0): string {
  const q = Math.floor(reference.getUTCMonth() / 3);
  const year = reference.getUTCFullYear() - yearsBack;
  return q === 0 ? `${year - 1}-Q4` : `${year}-Q${q}`;
}

/** The latest quarter numbered `n` that has begun by `reference`. */
function quarterNumbered(reference: Date, n: number, yearsBack = 0): string {
  const begun = (n - 1) * 3 <= reference.getUTCMonth();
  return `${reference.getUTCFullYear() - (begun ? 0 : 1) - yearsBack}-Q${n}`;
}

/** Open weekday: before or after the reference, by modifier or tense. */
function weekdayValue(context: DateContext, want: number, modifier: string): ResolvedDate {
  const mod = modifier.toLowerCase();
  if (mod === 'last' || mod === 'next') {
    const step = mod === 'last' ? -1 : 1;
    let date = shiftDays(context.reference, step);
    while (date.getUTCDay() !== want) date = shiftDays(date, step);
    return day(ymd(date));
  }
  const tense = mod === 'this' && context.tense === 'present' ? 'future' : context.tense;
  return resolveTimex(`XXXX-WXX-${want === 0 ? 7 : want}`, context.reference, tense) ?? day('');
}

/** "last April" / "next May" / "in April": open month resolved like resolveTimex, or by modifier. */
function monthValue(context: DateContext, m: number, modifier: string): ResolvedDate | null {
  const mod = modifier.toLowerCase();
  const ref = context.reference;
  const year = ref.getUTCFullYear();
  if (mod === 'last')
    return { value: `${m <= ref.getUTCMonth() ? year : year - 1}-${pad(m)}`, precision: 'month' };
  if (mod === 'next')
    return { value: `${m > ref.getUTCMonth() + 1 ? year : year + 1}-${pad(m)}`, precision: 'month' };
  if (mod === 'this') return { value: `${year}-${pad(m)}`, precision: 'month' };
  return resolveTimex(`XXXX-${pad(m)}`, ref, context.tense);
}

function seasonValue(context: DateContext, code: string, modifier: string): ResolvedDate {
  const ref = context.reference;
  const year = ref.getUTCFullYear();
  const m = ref.getUTCMonth() + 1;
  // Seasons by the month they start in; winter belongs to the year it begins.
  const startMonth = { SP: 3, SU: 6, FA: 9, WI: 12 }[code] ?? 6;
  const begun = m >= startMonth;
  const mod = modifier.toLowerCase();
  let y: number;
  if (mod === 'last') y = begun ? year - 1 : year - 1;
  else if (mod === 'next') y = begun ? year + 1 : year;
  else if (mod === 'this') y = year;
  else y = context.tense === 'future' ? (begun ? year + 1 : year) : begun ? year : year - 1;
  if (code === 'WI' && m < 3 && mod !== 'next') y = year - 1;
  return { value: `${y}-${code}`, precision: 'season' };
}

/** "last/this/next week|month|year|quarter|weekend". */
function relativeUnit(context: DateContext, modifier: string, unit: string): ResolvedDate | null {
  const mod = modifier.toLowerCase().replace(/^the\s+/, '');
  const step = /^(?:last|past|previous)$/.test(mod) ? -1 : /^(?:next|coming)$/.test(mod) ? 1 : 0;
  const ref = context.reference;
  switch (unit.toLowerCase()) {
    case 'week':
      return { value: isoWeek(shiftDays(ref, 7 * step)), precision: 'week' };
    case 'weekend':
      return { value: `${isoWeek(shiftDays(ref, 7 * step))}-WE`, precision: 'week' };
    case 'month':
      return { value: monthOffset(ref, step), precision: 'month' };
    case 'year':
      return { value: String(ref.getUTCFullYear() + step), precision: 'year' };
    case 'quarter':
      if (step === 0 && mod === 'this')
        return { value: quarterNumbered(ref, Math.floor(ref.getUTCMonth() / 3) + 1), precision: 'quarter' };
      return {
        value:
          step === 1
            ? quarterNumbered(ref, ((Math.floor(ref.getUTCMonth() / 3) + 1) % 4) + 1)
            : lastQuarter(ref),
        precision: 'quarter',
      };
    case 'decade':
      return fuzzy(`${String(Math.floor(ref.getUTCFullYear() / 10) + step)}`);
    default:
      return null;
  }
}

/** "two weeks ago", "a year earlier". A year back next to a quarter is that quarter a year back. */
function agoValue(context: DateContext, count: string, unit: string): ResolvedDate {
  const n = COUNT[count.toLowerCase()] ?? Number(count);
  if (!Number.isFinite(n)) return fuzzy('PAST_REF');
  const ref = context.reference;
  switch (unit.toLowerCase()) {
    case 'day':
      return day(ymd(shiftDays(ref, -n)));
    case 'week':
      return { value: isoWeek(shiftDays(ref, -7 * n)), precision: 'week' };
    case 'month':
      return { value: monthOffset(ref, -n), precision: 'month' };
    case 'decade':
      return { value: String(ref.getUTCFullYear() - 10 * n), precision: 'year' };
    default: {
      const ordinal = /\b(first|second|third|fourth|[1-4](?:st|nd|rd|th))[-\s]quarter\b/i.exec(
        context.sentence,
      );
      if (n === 1 && ordinal?.[1] !== undefined) {
        return {
          value: quarterNumbered(ref, ORDINAL[ordinal[1].toLowerCase()] ?? 1, 1),
          precision: 'quarter',
        };
      }
      if (n === 1 && /\bquarter\b/i.test(context.sentence))
        return { value: lastQuarter(ref, 1), precision: 'quarter' };
      return { value: String(ref.getUTCFullYear() - n), precision: 'year' };
    }
  }
}

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\s+\d))`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const PART = String.raw`(?:\s+(?:morning|afternoon|evening|night))?`;
const DAYNUM = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`((?:1[6-9]|20)\d\d)`;
const MOD = String.raw`(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[-\s]+|[Tt]he\s+(?:end|beginning|start|middle)\s+of\s+)`;

type Rule = [RegExp, (m: RegExpExecArray, context: DateContext) => ResolvedDate | null];

/** The rules, most specific first; where two matches overlap the longer one wins. */
const RULES: Rule[] = [
  [/\b((?:1[6-9]|20)\d\d)-(\d\d)-(\d\d)\b/g, (m) => day(`${m[1]}-${m[2]}-${m[3]}`)],
  [
    /\b(1[0-2]|0?[1-9])\/(3[01]|[12]\d|0?[1-9])\/((?:19|20)?\d\d)\b/g,
    (m) => {
      const y = (m[3] as string).length === 2 ? `19${m[3]}` : (m[3] as string);
      return day(`${y}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`);
    },
  ],
  [
    new RegExp(
      String.raw`(?:${WEEKDAY} ?,?\s+)?(${MONTH})\s+${DAYNUM}\b(?: ?,?\s+${YEAR}\b|(?! ?,?\s+\d))`,
      'g',
    ),
    (m, c) => {
      const mm = pad(month(m[1] as string));
      const dd = pad(Number(m[2]));
      return m[3] !== undefined
        ? day(`${m[3]}-${mm}-${dd}`)
        : resolveTimex(`XXXX-${mm}-${dd}`, c.reference, c.tense);
    },
  ],
  [
    new RegExp(
      String.raw`(?:${WEEKDAY} ?,?\s+)?\b${DAYNUM}\s+(?:of\s+)?(${MONTH})(?: ?,?\s+${YEAR}\b|(?! ?,?\s+\d))`,
      'g',
    ),
    (m, c) => {
      const mm = pad(month(m[2] as string));
      const dd = pad(Number(m[1]));
      return m[3] !== undefined
        ? day(`${m[3]}-${mm}-${dd}`)
        : resolveTimex(`XXXX-${mm}-${dd}`, c.reference, c.tense);
    },
  ],
  [
    new RegExp(String.raw`${MOD}?(${MONTH}) ?,?\s+(?:of\s+)?${YEAR}\b`, 'g'),
    (m) => ({ value: `${m[2]}-${pad(month(m[1] as string))}`, precision: 'month' }),
  ],
  [
    new RegExp(String.raw`${MOD}?(${MONTH})\s+([Ll]ast|[Tt]his|[Nn]ext)\s+year\b`, 'g'),
    (m, c) => {
      const step = /^l/i.test(m[2] as string) ? -1 : /^n/i.test(m[2] as string) ? 1 : 0;
      return {
        value: `${c.reference.getUTCFullYear() + step}-${pad(month(m[1] as string))}`,
        precision: 'month',
      };
    },
  ],
  [
    // A month alone; "May" only where a preposition or modifier makes it a month, not the verb.
    new RegExp(
      String.raw`(?:\b([Ll]ast|[Tt]his|[Nn]ext|[Cc]oming)\s+|${MOD})?(?:(?<=\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Oo]f|[Tt]hrough|[Bb]efore|[Aa]fter|[Dd]uring|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id)[-\s]+)May|(?!May)${MONTH})(?![A-Za-z0-9])(?!,?\s+\d)`,
      'g',
    ),
    (m, c) => monthValue(c, month(m[0].replace(/^.*?(\p{Lu}\p{Ll}+\.?)$/u, '$1')), m[1] ?? ''),
  ],
  [
    new RegExp(
      String.raw`\b(?:([Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+)?(${WEEKDAY})${PART}\b`,
      'g',
    ),
    (m, c) => weekdayValue(c, weekday(m[2] as string), m[1] ?? ''),
  ],
  [
    /\b(?:(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+)?([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)(?:\s+(?:morning|afternoon|evening|night))?\b/g,
    (m, c) => {
      const word = (m[1] as string).toLowerCase();
      const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      return day(ymd(shiftDays(c.reference, offset)));
    },
  ],
  [
    /\b(?:(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)?([Ll]ast|[Tt]his|[Nn]ext|[Tt]he\s+(?:past|previous|coming|current))\s+(week|weekend|month|year|quarter|decade)\b/g,
    (m, c) => relativeUnit(c, m[1] as string, m[2] as string),
  ],
  [
    /\b(\d{1,3}|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Ss]everal|[Aa]\s+few|[Mm]any)\s+(day|week|month|year|decade)s?\s+(?:ago|earlier)\b/g,
    (m, c) => agoValue(c, m[1] as string, m[2] as string),
  ],
  [
    /\b([Tt]he\s+)?(?:[Pp]ast|[Ll]ast|[Rr]ecent)\s+(?:(?:few|several|couple\s+of|two|three|four|five|\d+)\s+)?(?:days|weeks|months|years|decades)\b/g,
    () => fuzzy('PAST_REF'),
  ],
  [
    /\b(?:[Tt]he\s+)?(?:[Cc]oming|[Nn]ext|[Uu]pcoming)\s+(?:(?:few|several|couple\s+of|two|three|four|five|\d+)\s+)?(?:days|weeks|months|years|decades)\b/g,
    () => fuzzy('FUTURE_REF'),
  ],
  [
    /\b(?:([Ll]ast|[Tt]his|[Nn]ext|[Tt]he|[Ee]arly|[Ll]ate)\s+)(spring|summer|fall|autumn|winter)\b(?:\s+of\s+((?:1[6-9]|20)\d\d)\b)?/g,
    (m, c) =>
      m[3] !== undefined
        ? { value: `${m[3]}-${SEASON_CODE[(m[2] as string).toLowerCase()]}`, precision: 'season' }
        : seasonValue(
            c,
            SEASON_CODE[(m[2] as string).toLowerCase()] ?? 'SU',
            /^[Tt]he|^[Ee]arly|^[Ll]ate/.test(m[1] ?? '') ? '' : (m[1] ?? ''),
          ),
  ],
  [
    /\b([Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\s+(?:of\s+)?((?:1[6-9]|20)\d\d)\b/g,
    (m) => ({ value: `${m[2]}-${SEASON_CODE[(m[1] as string).toLowerCase()]}`, precision: 'season' }),
  ],
  [
    /\b(?:[Tt]he\s+)?(?:(?:[Cc]ompany's|[Ff]iscal|[Ii]ts|[Tt]heir|[Ll]atest|[Cc]urrent)\s+)*(first|second|third|fourth|[1-4](?:st|nd|rd|th))[-\s]+(?:fiscal\s+)?quarter\b(?:\s+of\s+((?:1[6-9]|20)\d\d)\b)?/gi,
    (m, c) => {
      const n = ORDINAL[(m[1] as string).toLowerCase()] ?? 1;
      return {
        value: m[2] !== undefined ? `${m[2]}-Q${n}` : quarterNumbered(c.reference, n),
        precision: 'quarter',
      };
    },
  ],
  [
    /\b[Tt]he\s+(?:(latest|current|most\s+recent|recent|year-ago|year-earlier|same)\s+)?(?:quarter|period)\b/g,
    (m, c) => {
      const mod = (m[1] ?? '').toLowerCase();
      if (/^(?:year-ago|year-earlier|same)$/.test(mod))
        return { value: lastQuarter(c.reference, 1), precision: 'quarter' };
      if (mod === '' && /period/i.test(m[0])) return null;
      return { value: lastQuarter(c.reference), precision: 'quarter' };
    },
  ],
  [
    /\b(?:[Ff]iscal|[Cc]alendar)\s+((?:1[6-9]|20)\d\d)\b/g,
    (m) => ({ value: m[1] as string, precision: 'year' }),
  ],
  [new RegExp(String.raw`${MOD}${YEAR}\b`, 'g'), (m) => fuzzy(m[1] as string)],
  [
    /\b(?:[Tt]he\s+)?(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[-\s]+)?((?:1[6-9]|20)\d)0['’]?s\b/g,
    (m) => fuzzy(`${m[1]}X`),
  ],
  [
    /\b(Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Independence\s+Day|Halloween)\b/g,
    (m, c) => {
      const name = (m[1] as string).toLowerCase();
      const year = c.reference.getUTCFullYear();
      if (name.startsWith('thanksgiving')) {
        const first = new Date(Date.UTC(year, 10, 1, 12));
        const thursday = 1 + ((4 - first.getUTCDay() + 7) % 7) + 21;
        return day(`${year}-11-${pad(thursday)}`);
      }
      const [mm, dd] = name.startsWith('christmas')
        ? [12, name.endsWith('eve') ? 24 : 25]
        : name.startsWith('new')
          ? name.endsWith('eve')
            ? [12, 31]
            : [1, 1]
          : name.startsWith('independence')
            ? [7, 4]
            : [10, 31];
      return resolveTimex(`XXXX-${pad(mm)}-${pad(dd)}`, c.reference, c.tense);
    },
  ],
  [
    /\b(?:[Cc]urrently|[Cc]urrent|[Aa]t\s+present|[Pp]resently|[Nn]owadays|[Tt]hese\s+days|[Nn]ow)\b/g,
    () => fuzzy('PRESENT_REF'),
  ],
  [/\b(?:[Tt]he\s+future|[Ss]oon|[Ii]n\s+future)\b/g, () => fuzzy('FUTURE_REF')],
  [
    /\b(?:[Rr]ecently|[Rr]ecent|[Tt]he\s+past|[Pp]reviously|[Ff]ormerly|[Oo]nce\s+upon\s+a\s+time)\b/g,
    () => fuzzy('PAST_REF'),
  ],
];

/**
 * Weekdays, and months followed by a number, as a line in capitals writes them ("MONDAY", "MARCH 11",
 * "DEC. 20"). Other words stay in capitals: "A MARCH ON WASHINGTON" is no month, "USA TODAY" no date.
 */
const CAPITAL_DATE_WORD =
  /\b(?:(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY|(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)(?=\.?\s*\d))\b/g;

/**
 * The text with the weekdays and dated months of each line written wholly in capitals ("PUBLISHED :
 * MONDAY , MARCH 11 , 2013", a headline) in title case, so that the rules, which know "March" and
 * "Monday", read them too. Only ASCII letters change, one for one: every offset stays where it was.
 * Lines with a lower-case letter are left alone ("NATO met in March").
 */
export function titleCaseCapitalLines(text: string): string {
  let out: string[] | null = null;
  let from = 0;
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const line = text.slice(at, end);
    if (/[A-Z]{3}/.test(line) && !/\p{Ll}/u.test(line)) {
      (out ??= []).push(
        text.slice(from, at),
        line.replace(CAPITAL_DATE_WORD, (word: string) => word.charAt(0) + word.slice(1).toLowerCase()),
      );
      from = end;
    }
    at = end + 1;
  }
  if (out === null) return text;
  out.push(text.slice(from));
  return out.join('');
}

/** Every date expression the rules find, overlaps removed (the earliest, then the longest, wins). */
export function matchDates(original: string): DateMatch[] {
  const text = titleCaseCapitalLines(original);
  const found: DateMatch[] = [];
  for (const [pattern, resolve] of RULES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const match = m;
      found.push({ start: m.index, end: m.index + m[0].length, resolve: (c) => resolve(match, c) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (last !== undefined && match.start < last.end) continue;
    kept.push(match);
  }
  return kept;
}
