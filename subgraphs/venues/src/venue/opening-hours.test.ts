import { openingHoursProblem } from './opening-hours';

describe('openingHoursProblem', () => {
  it.each([
    'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00',
    'Tu-Fr 10:00-18:00; Sa 14:00-18:00',
    'Th,Fr 14:00-17:00; Tu 17:00-21:00; We 10:00-19:00; Sa 09:00-13:00',
    'Mo-Fr 08:00-20:00; PH off',
    '24/7',
    'Mo-Sa 10:00+',
    'Fr 20:00-26:00',
    'Sep-Jun Mo-Fr 09:00-17:00; Jul-Aug off',
    'Jan 01-Jun 30 Tu 14:00-16:00',
    'Mo[1] 14:00-16:00 "premier lundi du mois"',
    'Mo-Fr 09:00-12:00 || "sur rendez-vous"',
    'Sa,Su closed',
  ])('accepts %s', (value) => {
    expect(openingHoursProblem(value)).toBeUndefined();
  });

  it.each([
    ['Lundi 9h-12h', '"Lundi" is not a weekday (use Mo, Tu, We, Th, Fr, Sa, Su, PH for public holidays)'],
    ['Mo-Fr 9h-12h', '"9h" is not a time in the form HH:MM'],
    ['Mo-Fr 25:00-26:00', '25:00 is not a time of day'],
    ['Mo-Fr 09:00-12:60', '12:60 is not a time of day'],
    ['Mo-Fr 09:00', '"09:00" has no end time (e.g. "09:00-12:00", or "09:00+" for open end)'],
    ['Mo-Fr 09:00-12:00;', 'rule 2 "": an empty rule (two separators in a row, or a trailing ";")'],
    ['Mo-Fr 09:00-12:00, 14:00-18:00', '"14:00-18:00": times are written HH:MM-HH:MM, and several spans are separated by "," without spaces'],
    ['Mo-Xy 09:00-12:00', '"Mo-Xy" is not a weekday or a weekday range (use Mo, Tu, We, Th, Fr, Sa, Su, e.g. "Mo-Fr")'],
    ['Mo-Fr 09:00-12:00 "sur rdv', 'an unclosed quoted comment'],
    ['Mo 10:00-10:00', '"10:00-10:00" opens and closes at the same time'],
  ])('rejects %s, saying why', (value, problem) => {
    expect(openingHoursProblem(value)).toBe(problem);
  });
});
