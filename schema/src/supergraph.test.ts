import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { buildSchema, parse, printSchema, validate } from 'graphql';
import { composeSupergraph } from './compose';
import { apiSchemaPath, generatedOperationsDir, operationsDir, subgraphSdlPath, supergraphPath } from './paths';
import { generateTypedOperationsInChildProcess } from './typed-operations-process';

describe('checked-in schema', () => {
  let composition: Awaited<ReturnType<typeof composeSupergraph>>;
  beforeAll(async () => {
    composition = await composeSupergraph();
  });

  test('schema/supergraph.graphql, schema/api.graphql and the subgraph SDLs match the code (run `npm run compose` when this fails)', () => {
    const { supergraphSdl, apiSdl, subgraphs } = composition;
    expect(subgraphs.map((s) => s.name)).toEqual(['programmes', 'beneficiaries', 'venues', 'vouchers']);
    for (const s of subgraphs) expect(readFileSync(subgraphSdlPath(s.name), 'utf8')).toBe(s.sdl);
    expect(readFileSync(supergraphPath, 'utf8')).toBe(supergraphSdl);
    expect(readFileSync(apiSchemaPath, 'utf8')).toBe(apiSdl);
  });

  test('the API schema is what partners see: no federation machinery', () => {
    expect(composition.apiSdl).not.toMatch(/join__|link__|@link|_entities|_Service|@key/);
    expect(composition.apiSdl).toMatch(/redeemVoucher\(/);
  });

  test('every partner operation validates against the API schema', () => {
    const schema = buildSchema(composition.apiSdl);
    const files = readdirSync(operationsDir).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const errors = validate(schema, parse(readFileSync(path.join(operationsDir, file), 'utf8'))).map((e) => `${file}: ${e.message}`);
      expect(errors).toEqual([]);
    }
  });

  test('clients/src/generated (typed documents, persisted-documents.json) is what GraphQL Code Generator writes now (run `npm run compose` when this fails)', () => {
    const generated = generateTypedOperationsInChildProcess(composition.apiSdl);
    expect(generated.map((f) => path.relative(generatedOperationsDir, f.filename)).sort()).toEqual(readdirSync(generatedOperationsDir).sort());
    for (const file of generated) expect({ file: file.filename, content: readFileSync(file.filename, 'utf8') }).toEqual({ file: file.filename, content: file.content });
  });

  test('the generator refuses an operation that no longer validates', () => {
    // The same schema without a field the partner operations select.
    const withoutField = printSchema(
      mapSchema(buildSchema(composition.apiSdl), { [MapperKind.OBJECT_FIELD]: (field, name) => (name === 'vouchersRedeemed' ? null : field) }),
    );
    expect(withoutField).not.toBe(composition.apiSdl);
    expect(() => generateTypedOperationsInChildProcess(withoutField)).toThrow(/vouchersRedeemed/);
  });
});
