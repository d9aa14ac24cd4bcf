import { deriveInseeCode, placeOf, postcodeMismatch, postcodesOf } from './geography';

describe('venue geography', () => {
  it('names a commune with its département and région', () => {
    expect(placeOf('60175')).toEqual({
      code: '60175',
      name: 'Creil',
      departement: { code: '60', name: 'Oise' },
      region: { code: '32', name: 'Hauts-de-France' },
      epci: '200068047',
    });
    expect(placeOf('75111')?.name).toBe('Paris');
    expect(placeOf('99999')).toBeUndefined();
  });

  it('checks that a postcode belongs to the commune', () => {
    expect(postcodeMismatch('60100', '60175')).toBeUndefined();
    expect(postcodeMismatch('75011', '75056')).toBeUndefined();
    expect(postcodeMismatch('51100', '60175')).toBe('postcode 51100 is not a postcode of Creil (INSEE 60175), whose postcode is 60100');
    expect(postcodesOf('13055').length).toBeGreaterThan(10);
  });

  it('derives an INSEE code from postcode and commune name, and reports what it cannot settle', () => {
    expect(deriveInseeCode('73410', 'La Biolle')).toEqual({ code: '73043' });
    expect(deriveInseeCode('73410', 'ST-OURS')).toEqual({ code: '73265' });
    expect(deriveInseeCode('63100', 'CLERMONT-FERRAND')).toEqual({ code: '63113' });
    expect(deriveInseeCode('69002', 'Lyon')).toEqual({ code: '69123' });
    expect(deriveInseeCode('38800', 'Pont de Claix')).toEqual({ code: '38317' });
    expect(deriveInseeCode('73410', 'Aix')).toEqual({
      problem: '"Aix" is none of the communes of postcode 73410 (Entrelacs (73010), La Biolle (73043), Saint-Ours (73265)); correct the name or give code_insee',
      ambiguous: true,
    });
    expect(deriveInseeCode('60100', 'Beauvais')).toEqual({
      problem: '"Beauvais" is not the commune of postcode 60100, which is Creil (60175); correct the name or give code_insee',
      ambiguous: false,
    });
    expect(deriveInseeCode('00000', 'Nulle part')).toEqual({ problem: 'postcode 00000 serves no commune', ambiguous: false });
  });
});
