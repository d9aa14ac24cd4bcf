import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { isRole, loadOrCreateHubKeys, mintPartnerToken, rotatePartnerKey, ROLES } from '@pass/kit';

/**
 * `npm run token -- --role funder --org <funder id> [--expires 7d] [--programmes id1,id2]`
 * mints a partner token with the hub's current signing key (in .data/keys, made by `npm start`).
 * `npm run token -- --rotate` adds a new signing key; tokens of the previous keys stay valid until
 * those keys are dropped from the ring (restart the hub to load the new ring).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      expires: { type: 'string', default: '30d' },
      scopes: { type: 'string', default: 'read,write' },
      programmes: { type: 'string' },
      rotate: { type: 'boolean', default: false },
    },
  });
  const keysDir = path.resolve(__dirname, '..', '..', '..', '.data', 'keys');
  if (values.rotate) {
    const rotated = await rotatePartnerKey(await loadOrCreateHubKeys(keysDir));
    writeFileSync(path.join(keysDir, 'hub-keys.json'), JSON.stringify(rotated, null, 2), { mode: 0o600 });
    process.stdout.write(`new signing key ${rotated.partnerSigning.kid}; ${rotated.partnerPublic.length} public keys accepted\n`);
    return;
  }
  if (!isRole(values.role) || !values.org) {
    console.error(`usage: npm run token -- --role <${ROLES.join('|')}> --org <organisation id> [--expires 30d] [--scopes read,write] [--programmes id,id]`);
    process.exit(2);
  }
  const keys = await loadOrCreateHubKeys(keysDir);
  const token = await mintPartnerToken(
    keys.partnerSigning,
    {
      organisationId: values.org,
      role: values.role,
      scopes: values.scopes!.split(',').filter(Boolean),
      ...(values.programmes ? { programmeIds: values.programmes.split(',') } : {}),
    },
    { expiresIn: values.expires! },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
