/**
 * Settings and `npm run discord:register`: the environment read once with errors that name the
 * variable, and the registration request as the fake Discord REST API receives it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ApplicationCommandOptionType } from 'discord.js';
import pino from 'pino';
import { discordConfigFromEnv } from '../../src/adapters/discord/config.ts';
import { main } from '../../src/adapters/discord/register.ts';
import { ConfigError } from '../../src/config.ts';
import { IDS, TOKEN } from '../fakes/discord-fake.ts';
import { FakeDiscordRest } from '../fakes/discord-rest.ts';

const SCRIPT = fileURLToPath(new URL('../../src/adapters/discord/register.ts', import.meta.url));
const run = promisify(execFile);

describe('discordConfigFromEnv', () => {
  const base = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: IDS.bot };
  const fails = (env: Record<string, string>, variable: string) =>
    assert.throws(() => discordConfigFromEnv(env), (e: unknown) => e instanceof ConfigError && e.variable === variable);

  it('is null when no Discord credentials are set', () => {
    assert.equal(discordConfigFromEnv({}), null);
    assert.equal(discordConfigFromEnv({ DISCORD_TOKEN: '  ', SLACK_BOT_TOKEN: 'xoxb-1' }), null);
  });

  it('reads complete settings', () => {
    const c = discordConfigFromEnv({ ...base, DISCORD_GUILD_ID: IDS.guild, DISCORD_API_URL: 'http://127.0.0.1:9000/api/' });
    assert.deepEqual(c, { token: TOKEN, applicationId: IDS.bot, guildId: IDS.guild, apiUrl: 'http://127.0.0.1:9000/api' });
  });

  it('names the variable that is missing or malformed', () => {
    fails({ DISCORD_TOKEN: TOKEN }, 'DISCORD_APPLICATION_ID');
    fails({ DISCORD_APPLICATION_ID: IDS.bot }, 'DISCORD_TOKEN');
    fails({ ...base, DISCORD_TOKEN: `Bot ${TOKEN}` }, 'DISCORD_TOKEN');
    fails({ ...base, DISCORD_TOKEN: 'hunter2' }, 'DISCORD_TOKEN');
    fails({ ...base, DISCORD_APPLICATION_ID: 'kubecon-bot' }, 'DISCORD_APPLICATION_ID');
    fails({ ...base, DISCORD_GUILD_ID: 'https://discord.com/channels/1' }, 'DISCORD_GUILD_ID');
    fails({ ...base, DISCORD_API_URL: 'localhost:9000' }, 'DISCORD_API_URL');
    fails({ ...base, DISCORD_API_URL: 'http://127.0.0.1:9000/api/v10' }, 'DISCORD_API_URL');
  });

  it('never puts the token in an error message', () => {
    assert.throws(
      () => discordConfigFromEnv({ ...base, DISCORD_TOKEN: 'abc def.ghi.jkl' }),
      (e: Error) => e.message.startsWith('DISCORD_TOKEN:') && !e.message.includes('abc def'),
    );
  });
});

describe('npm run discord:register', { timeout: 15_000 }, () => {
  let rest: FakeDiscordRest;
  before(async () => {
    rest = await FakeDiscordRest.start({ token: TOKEN, botUser: { id: IDS.bot }, channels: {} });
  });
  after(() => rest.close());
  const env = (extra: Record<string, string> = {}) => ({
    DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: IDS.bot, DISCORD_API_URL: rest.url, ...extra,
  });
  const quiet = pino({ level: 'silent' });

  it('registers /kubecon on the server in DISCORD_GUILD_ID', async () => {
    assert.equal(await main(env({ DISCORD_GUILD_ID: IDS.guild }), quiet), 0);
    const put = await rest.waitFor((r) => r.method === 'PUT' && r.path === `/api/v10/applications/${IDS.bot}/guilds/${IDS.guild}/commands`);
    assert.equal(put.headers.authorization, `Bot ${TOKEN}`);
    const [command] = put.body;
    assert.equal(command.name, 'kubecon');
    assert.ok(command.description.length <= 100 && command.description_localizations.ja.length <= 100);
    assert.deepEqual(
      command.options.map((o: Record<string, unknown>) => [o.name, o.type, o.required, o.autocomplete]),
      [['query', ApplicationCommandOptionType.String, true, true]],
    );
  });

  it('registers globally from the script itself, reading DISCORD_API_URL', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'kubecon-register-'));
    try {
      const tsx = import.meta.resolve('tsx');
      const { stderr } = await run(process.execPath, ['--import', tsx, SCRIPT], { cwd, env: { PATH: process.env.PATH, ...env() } });
      assert.match(stderr, /registered \/kubecon globally/);
    } finally {
      await rm(cwd, { recursive: true });
    }
    const put = await rest.waitFor((r) => r.method === 'PUT' && r.path === `/api/v10/applications/${IDS.bot}/commands`);
    assert.equal(put.body[0].name, 'kubecon');
  });

  it('fails with a clear message on a bad token or missing settings', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (s: string) => lines.push(s) });
    assert.equal(await main(env({ DISCORD_TOKEN: 'aaa.bbb.ccc' }), log), 1);
    assert.match(lines.join(''), /could not register the command/);
    assert.ok(!lines.join('').includes('aaa.bbb.ccc'));
    assert.equal(await main({ DISCORD_TOKEN: TOKEN }, log), 1);
    assert.match(lines.join(''), /DISCORD_APPLICATION_ID/);
  });
});
