import { normaliseOutcome } from './outcome.manager';

describe('an outcome as stored', () => {
  test('skills are trimmed and deduplicated in the order given; an empty note is dropped', () => {
    expect(normaliseOutcome({ pixScore: 0, skillsReached: [' Email ', 'Email', '', 'CV'], note: '   ' })).toEqual({
      pixScore: 0,
      skillsReached: ['Email', 'CV'],
      note: null,
    });
  });

  test.each([-1, 1001, 12.5])('a PIX score of %p is refused', (pixScore) => {
    expect(() => normaliseOutcome({ pixScore, skillsReached: ['Email'] })).toThrow(/pixScore/);
  });

  test('a PIX score from 0 to 1,000 or none at all is accepted', () => {
    expect(normaliseOutcome({ pixScore: 1000, skillsReached: [] }).pixScore).toBe(1000);
    expect(normaliseOutcome({ pixScore: null, skillsReached: ['Email'] }).pixScore).toBeNull();
  });

  test('an outcome says something: a score, a skill or a note', () => {
    expect(() => normaliseOutcome({ skillsReached: [' '], note: '' })).toThrow(/needs a PIX score/);
    expect(normaliseOutcome({ skillsReached: [], note: 'Came to every session' }).note).toBe('Came to every session');
  });

  test('bounds keep free text small', () => {
    expect(() => normaliseOutcome({ skillsReached: Array.from({ length: 51 }, (_, i) => `skill ${i}`) })).toThrow(/at most 50/);
    expect(() => normaliseOutcome({ skillsReached: ['x'.repeat(201)] })).toThrow(/200 characters/);
    expect(() => normaliseOutcome({ skillsReached: [], note: 'x'.repeat(2001) })).toThrow(/2000 characters/);
  });
});
