import assert from 'node:assert/strict';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { it } from 'node:test';
import stringWidth from 'string-width';
import { PromptGuard } from '../../src/adapters/shell/prompt-guard.ts';
import { renderText } from '../../src/adapters/shell/render.ts';
import { runShell } from '../../src/adapters/shell/shell.ts';
import { messages } from '../../src/core/messages.ts';
import type { Bot } from '../../src/core/bot.ts';
import { adapterContract, type Driver, type Seen } from '../contract/contract.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();

/** Reads the shell's answer back into what a user saw. */
function read(text: string): Seen {
  const titles = [...text.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]!);
  return { titles, text, canNext: /^.*next: /m.test(text), canPrevious: /prev: /.test(text) };
}

async function shellDriver(b: Bot): Promise<Driver> {
  const input = new PassThrough();
  const output = new PassThrough({ encoding: 'utf8' });
  const done = runShell({ bot: b, input, output, interactive: false });
  const answer = async (line: string) => {
    const next = once(output, 'data');
    input.write(`${line}\n`);
    const [chunk] = await next;
    return read(String(chunk));
  };
  return {
    ask: (text) => (text === '' ? answer('help') : answer(text)),
    next: () => answer('next'),
    close: async () => {
      input.end();
      await done;
    },
  };
}

adapterContract('shell', { bot: () => bot, driver: () => shellDriver(bot) });

it('shell: marks matched words in brackets when output is not a terminal', async () => {
  const d = await shellDriver(bot);
  const seen = await d.ask('gvisor');
  assert.match(seen.text, /\[gVisor\]/);
  await d.close();
});

it('shell: "prev" goes back a page after "next"', async () => {
  const d = await shellDriver(bot);
  const first = await d.ask('kubernetes');
  await d.next(first);
  const back = read(await (async () => {
    const out = await d.ask('prev');
    return out.text;
  })());
  assert.deepEqual(back.titles, first.titles);
  await d.close();
});

it('shell: says why when there is nothing to page to', async () => {
  const m = messages('ja');
  const d = await shellDriver(bot);
  assert.equal((await d.ask('next')).text.trim(), m.noSearchYet);
  const total = (await d.ask('gvisor')).titles.length;
  assert.ok(total > 0 && total < 5, 'one page of results');
  assert.equal((await d.ask('next')).text.trim(), m.noMoreResults);
  assert.equal((await d.ask('prev')).text.trim(), m.firstPage);
  await d.close();
});

it('shell: help lists next and prev', async () => {
  const d = await shellDriver(bot);
  const help = (await d.ask('help')).text;
  assert.match(help, /^ {2}next +\S/m);
  assert.match(help, /^ {2}prev +\S/m);
  await d.close();
});

/** A fake terminal: what an interactive session printed, with readline's cursor codes removed. */
function terminal(columns: number) {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  const output = Object.assign(new PassThrough({ encoding: 'utf8' }), { isTTY: true, columns });
  let raw = '';
  output.on('data', (c: string) => (raw += c));
  const plain = () => raw.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const until = async (pattern: RegExp) => {
    const deadline = Date.now() + 10_000;
    while (!pattern.test(plain())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; got:\n${plain()}`);
      await once(output, 'data');
    }
  };
  return { input, output, plain, raw: () => raw, until };
}

it('shell: completes a query with Tab from the core', async () => {
  const t = terminal(80);
  const guard = new PromptGuard();
  const done = runShell({ bot, input: t.input, output: t.output, interactive: true, guard });
  t.input.write('wasm kubern\t');
  t.input.write('\r');
  await t.until(/「wasm kubernetes」の検索結果/);
  t.input.end();
  await done;
});

it('shell: prints log lines above the prompt, keeping what is being typed', async () => {
  const t = terminal(80);
  const guard = new PromptGuard();
  const done = runShell({ bot, input: t.input, output: t.output, interactive: true, guard });
  t.input.write('gvis');
  await t.until(/kubecon> gvis/);
  guard.write(t.output, 'LOG: corpus reloaded\n');
  await t.until(/LOG: corpus reloaded\n/);
  const after = t.plain().split('LOG: corpus reloaded\n')[1]!;
  assert.match(after, /^kubecon> gvis/, 'the prompt and the typed text are drawn again below the log line');
  const before = t.raw().split('LOG: corpus reloaded')[0]!;
  assert.match(before.slice(before.lastIndexOf('gvis')), /\x1b\[2K/, 'the prompt line is cleared before the log line');
  t.input.end();
  await done;
});

it('shell: a terminal that reports 0 columns (no size known) gets whole lines, not a word a line', async () => {
  const t = terminal(0);
  const done = runShell({ bot, input: t.input, output: t.output, interactive: true });
  t.input.write('gvisor\r');
  await t.until(/1\. Best Practice for Container Security at Scale\n/).finally(() => t.input.end());
  await done;
});

it('shell: wraps to the terminal width by display width, at word boundaries, links whole', () => {
  const reply = bot.handle({ text: 'サンドボックス', locale: 'ja' });
  assert.equal(reply.kind, 'results');
  const text = renderText(reply, { color: false, width: 40 });
  const urls = reply.hits.flatMap((h) => h.links.map((l) => l.url));
  for (const line of text.split('\n')) {
    if (urls.some((u) => line.includes(u))) continue;
    assert.ok(stringWidth(line) <= 40, `${stringWidth(line)} columns: ${line}`);
  }
  for (const url of urls) assert.ok(text.includes(url), `link kept whole: ${url}`);
  for (const hit of reply.hits) {
    const words = hit.title.split(' ');
    assert.ok(words.every((w) => text.includes(w)), `no title word is cut: ${hit.title}`);
  }
  const wide = renderText(reply, { color: false });
  assert.ok(wide.split('\n').some((l) => stringWidth(l) > 40), 'piped output is not wrapped');
});

it('shell: aligns the help by display width', () => {
  const text = renderText(bot.help('ja', true), { color: false });
  const entries = messages('ja').help.concat(messages('ja').helpPaging);
  const columns = entries.map((e) => {
    const line = text.split('\n').find((l) => l.startsWith(`  ${e.example} `))!;
    return stringWidth(line.slice(0, line.lastIndexOf(e.text)));
  });
  assert.equal(new Set(columns).size, 1, `descriptions start at one column: ${columns.join(', ')}`);
});
