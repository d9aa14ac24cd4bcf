import { SPREADSHEET_CSV, VENUE_STANDARD_CSV, csvDocument, csvLine, euros } from './csv';

describe('the CSV writer', () => {
  test('spreadsheet dialect: BOM, semicolons, CRLF, quotes only where needed', () => {
    const text = csvDocument(['nom', 'montant'], [['Espace; Créteil', '12,50'], ['Le "Lab"', 3], ['deux\nlignes', null]], SPREADSHEET_CSV);
    expect(text).toBe('\uFEFFnom;montant\r\n"Espace; Créteil";12,50\r\n"Le ""Lab""";3\r\n"deux\nlignes";\r\n');
  });

  test('venue standard dialect: every cell quoted, commas, LF, no BOM', () => {
    expect(csvLine(['a', 'b"c', ''], VENUE_STANDARD_CSV)).toBe('"a","b""c",""\n');
  });

  test('euros with a decimal comma and no thousands separator', () => {
    expect(euros(0)).toBe('0,00');
    expect(euros(5)).toBe('0,05');
    expect(euros(123450)).toBe('1234,50');
    expect(euros(-5)).toBe('-0,05');
    expect(euros(7_850_000_00)).toBe('7850000,00');
  });
});
