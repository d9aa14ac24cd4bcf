import path from 'node:path';
import { parseArgs } from 'node:util';
import { isRole, loadOrCreateHubKeys, mintPartnerToken, ROLES } from '@pass/kit';

/**
 * `npm run token -- --role funder --org <funder id> [--expires 7d] [--programmes id1,id2]`
 * mints a partner token with the hub's current signing key (in .data/keys, made by `npm start`).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      expires: { type: 'string', default: '30d' },
      scopes: { type: 'string', default: 'read,write' },
      programmes: { type: 'string' },
    },
  });
  if (!isRole(values.role) || !values.org) {
    console.error(`usage: npm run token -- --role <${ROLES.join('|')}> --org <organisation id> [--expires 30d] [--scopes read,write] [--programmes id,id]`);
    process.exit(2);
  }
  const keys = await loadOrCreateHubKeys(path.resolve(__dirname, '..', '..', '..', '.data', 'keys'));
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
