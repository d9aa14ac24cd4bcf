/**
 * Checks opening hours written in OpenStreetMap's `opening_hours` syntax, which the venue standard
 * asks for in `horaires` without giving a pattern. The full grammar (public-holiday arithmetic,
 * sun events with offsets, week numbers…) is far larger than what venue files use; this accepts
 * the part that appears in the national data — rules separated by `;` or `||`, each with optional
 * months (`Jan-Jun`, `Sep 01-Jun 30`), weekdays (`Mo-Fr`, `Tu,Th`, `Mo[1]`, `PH`, `SH`), time spans
 * (`09:00-12:00,14:00-18:30`, `22:00-02:00`, `10:00+`), `24/7`, `off`/`closed`/`open`/`unknown`
 * and a quoted comment — and names the first thing it cannot read, so a producer can fix it.
 */

const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HOLIDAYS = ['PH', 'SH'];
const MODIFIERS = ['off', 'closed', 'open', 'unknown'];
const EVENTS = ['sunrise', 'sunset', 'dawn', 'dusk'];

const WEEKDAY_ITEM = /^(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?(?:\[(-?[1-5](?:-[1-5])?(?:,-?[1-5](?:-[1-5])?)*)\])?$/;
const MONTH_ITEM = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?: (\d{2}))?(?:-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)?(?: ?(\d{2}))?)?$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** Returns undefined when the value is readable, or why it is not. */
export function openingHoursProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'empty opening hours';
  const rules = splitOutsideQuotes(trimmed, /;|\|\|/);
  for (const [index, rule] of rules.entries()) {
    const problem = ruleProblem(rule.trim());
    if (problem !== undefined) {
      return rules.length > 1 ? `rule ${index + 1} ${JSON.stringify(rule.trim())}: ${problem}` : problem;
    }
  }
  return undefined;
}

function splitOutsideQuotes(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    if (!quoted) {
      const rest = text.slice(i);
      const m = separator.exec(rest);
      if (m && m.index === 0) {
        parts.push(current);
        current = '';
        i += m[0].length - 1;
        continue;
      }
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

function ruleProblem(rule: string): string | undefined {
  if (rule === '') return 'an empty rule (two separators in a row, or a trailing ";")';
  let rest = rule;
  const comment = /\s*"([^"]*)"$/.exec(rest);
  if (comment) rest = rest.slice(0, comment.index);
  else if (rest.includes('"')) return 'an unclosed quoted comment';
  if (rest.trim() === '') return comment ? undefined : 'an empty rule';
  if (rest.trim() === '24/7') return undefined;

  const tokens = rest.trim().split(/\s+/);
  let i = 0;

  // Months (a wide range) come first, possibly with days: "Sep 01-Jun 30", "Jan-Mar,Jul".
  if (i < tokens.length && MONTHS.some((m) => (tokens[i] as string).startsWith(m))) {
    let months = tokens[i] as string;
    i++;
    // "Sep 01-Jun 30" splits on its spaces; put the day parts back.
    while (i < tokens.length && /^\d{2}(?:-(?:[A-Z][a-z]{2})?)?$|^\d{2},?$/.test(tokens[i] as string)) {
      months += ` ${tokens[i]}`;
      i++;
      if (months.endsWith('-') || /-[A-Z][a-z]{2}$/.test(months)) {
        if (i < tokens.length && /^\d{2}$/.test(tokens[i] as string)) {
          months += ` ${tokens[i]}`;
          i++;
        }
      }
    }
    for (const item of months.split(',')) {
      const m = MONTH_ITEM.exec(item.trim().replace(/- /, '-'));
      if (!m) return `${JSON.stringify(item.trim())} is not a month or a month range (e.g. "Jan-Jun", "Sep 01-Jun 30")`;
      for (const day of [m[2], m[4]]) {
        if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return `${day} is not a day of the month`;
      }
    }
  }

  // Weekdays and holidays: "Mo-Fr", "Tu,Th", "PH", "Mo-Fr,PH", "Su[1]".
  if (i < tokens.length && /^(?:Mo|Tu|We|Th|Fr|Sa|Su|PH|SH)\b/.test(tokens[i] as string)) {
    const days = (tokens[i] as string).replace(/,$/, '');
    i++;
    for (const item of days.split(',')) {
      if (HOLIDAYS.includes(item)) continue;
      if (!WEEKDAY_ITEM.test(item)) {
        return `${JSON.stringify(item)} is not a weekday or a weekday range (use ${WEEKDAYS.join(', ')}, e.g. "Mo-Fr")`;
      }
    }
  } else if (i < tokens.length && /^[A-Za-z]/.test(tokens[i] as string) && !MODIFIERS.includes(tokens[i] as string) && !EVENTS.some((e) => (tokens[i] as string).startsWith(e))) {
    return `${JSON.stringify(tokens[i])} is not a weekday (use ${WEEKDAYS.join(', ')}, PH for public holidays)`;
  }

  // Time spans: "09:00-12:00,14:00-18:30".
  if (i < tokens.length && /^(?:\d|sunrise|sunset|dawn|dusk)/.test(tokens[i] as string)) {
    const spans = tokens[i] as string;
    i++;
    const next = tokens[i];
    if (spans.endsWith(',') && next !== undefined && /^\d/.test(next)) {
      return `${JSON.stringify(next)}: times are written HH:MM-HH:MM, and several spans are separated by "," without spaces`;
    }
    for (const span of spans.split(',')) {
      const problem = timeSpanProblem(span);
      if (problem !== undefined) return problem;
    }
  }

  if (i < tokens.length && MODIFIERS.includes(tokens[i] as string)) i++;
  if (i < tokens.length) {
    const token = tokens[i] as string;
    if (/^\d{1,2}[:h.]?\d{0,2}/.test(token) && i > 0) return `${JSON.stringify(token)}: times are written HH:MM-HH:MM, and several spans are separated by "," without spaces`;
    return `unexpected ${JSON.stringify(token)}`;
  }
  if (i === 0 && !comment) return 'nothing readable';
  return undefined;
}

function timeSpanProblem(span: string): string | undefined {
  if (span === '') return 'an empty time span (a trailing or doubled ",")';
  const open = span.endsWith('+');
  const [from, to, ...more] = (open ? span.slice(0, -1) : span).split('-');
  if (more.length > 0 || from === undefined) return `${JSON.stringify(span)} is not a time span (e.g. "09:00-12:00")`;
  const fromProblem = timeProblem(from, false);
  if (fromProblem !== undefined) return fromProblem;
  if (to === undefined) {
    return open ? undefined : `${JSON.stringify(span)} has no end time (e.g. "09:00-12:00", or "09:00+" for open end)`;
  }
  const toProblem = timeProblem(to, true);
  if (toProblem !== undefined) return toProblem;
  const minutes = (t: string): number | undefined => {
    const m = TIME.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
  };
  const start = minutes(from);
  const end = minutes(to);
  if (start !== undefined && end !== undefined && start === end) return `${JSON.stringify(span)} opens and closes at the same time`;
  return undefined;
}

function timeProblem(time: string, end: boolean): string | undefined {
  if (EVENTS.includes(time)) return undefined;
  const m = TIME.exec(time);
  if (!m) return `${JSON.stringify(time)} is not a time in the form HH:MM`;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  // An end time may run past midnight as 24:00–48:00 ("Fr 20:00-26:00").
  if (minutes > 59 || hours > (end ? 48 : 24) || (!end && hours === 24 && minutes > 0)) return `${time} is not a time of day`;
  return undefined;
}
