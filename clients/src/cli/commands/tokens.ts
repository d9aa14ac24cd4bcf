import { parseArgs } from 'node:util';
import { MAX_TOKEN_LIFETIME_SECONDS, ROLES, isRole, tokenIdOf } from '@pass/access';
import { CliError, ExitCode, keysDir, type Command } from '../cli-kit';
import { MINT_OPTIONS, lifetimeSeconds, mintToken } from '../token';

const HELP = `npm run hub -- tokens mint --role <${ROLES.join('|')}> --org <organisation id>
                            [--expires 30d] [--scopes read,write] [--programmes id,id]

Mints a partner token signed with the hub's current signing key (the key file of npm start,
.data/keys, or PASS_KEYS_DIR): the token on standard output, its id (to revoke it) on standard
error, so TOKEN=$(npm run -s hub -- tokens mint …) captures the token alone. Rotating keys and
revoking tokens stay with npm run token (--rotate, --retire, --revoke, --revoke-org).

  --role <role>            the caller's role
  --org <id>               its organisation (a funder's, distributor's or venue's id; any name for
                           a coordinator team, an analyst or the operator)
  --expires <lifetime>     30d (default), 12h, 90m, 3600s; at most ${MAX_TOKEN_LIFETIME_SECONDS / 86400} days
  --scopes <list>          read,write (default)
  --programmes <ids>       a coordinator's programmes

Exit codes: 0 minted, 2 bad command line, 1 unexpected failure.`;

export const mintTokens: Command = {
  name: 'tokens mint',
  summary: 'mint a partner token (a role, an organisation, a lifetime)',
  help: HELP,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: MINT_OPTIONS });
    if (positionals.length > 0) throw new CliError(`unexpected argument ${positionals[0]}`);
    if (!isRole(values.role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}${values.role ? `, got ${JSON.stringify(values.role)}` : ''}`);
    if (!values.org) throw new CliError('expected --org <organisation id>');
    const lifetime = lifetimeSeconds(values.expires!);
    if (lifetime === null || lifetime < 1 || lifetime > MAX_TOKEN_LIFETIME_SECONDS) {
      throw new CliError(`--expires must be a lifetime between 1s and ${MAX_TOKEN_LIFETIME_SECONDS / 86400}d (30d, 12h, 90m, 3600s), got ${JSON.stringify(values.expires)}`);
    }
    const token = await mintToken(keysDir(), {
      role: values.role,
      organisationId: values.org,
      lifetimeSeconds: lifetime,
      scopes: values.scopes!.split(',').filter(Boolean),
      ...(values.programmes ? { programmeIds: values.programmes.split(',').filter(Boolean) } : {}),
    });
    process.stdout.write(`${token}\n`);
    process.stderr.write(`token id ${tokenIdOf(token)} (revoke with: npm run token -- --revoke ${tokenIdOf(token)})\n`);
    return ExitCode.OK;
  },
};
