/**
 * Real Slack payloads (saved in test/fixtures/slack) with the fields a test varies filled in,
 * and the two ways Slack delivers them: signed HTTP requests, or Socket Mode envelopes.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FakeSocketMode } from './slack-socket.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'slack');

type Json = Record<string, unknown>;

export function fixture(name: string): Json {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Json;
}

export function slashCommand(text: string, responseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...(fixture('slash-command') as Record<string, string>), text, response_url: responseUrl, ...extra };
}

let nextTs = 1718000000;
/** An Events API body; each call gets a fresh event_id and message ts unless given. */
function eventBody(name: string, text: string, ids: { eventId?: string; ts?: string } = {}): Json {
  const body = fixture(name);
  const ts = ids.ts ?? `${++nextTs}.000100`;
  body.event_id = ids.eventId ?? `Ev${ts.replace('.', '')}`;
  body.event = { ...(body.event as Json), text, ts, event_ts: ts };
  return body;
}

export const mention = (text: string, ids?: { eventId?: string; ts?: string }) => eventBody('app-mention', text, ids);
export const directMessage = (text: string, ids?: { eventId?: string; ts?: string }) => eventBody('message-im', text, ids);

export function buttonPress(button: { action_id: string; value?: string }, responseUrl: string, ephemeral = true): Json {
  const body = fixture('block-actions');
  const [action] = body.actions as Json[];
  body.actions = [{ ...action, action_id: button.action_id, value: button.value }];
  body.container = { ...(body.container as Json), is_ephemeral: ephemeral };
  body.response_url = responseUrl;
  return body;
}

/** How Slack delivers a payload; resolves once the app acknowledged it. */
export interface SlackSender {
  command(fields: Record<string, string>): Promise<number>;
  event(body: Json, retry?: { num: number; reason: string }): Promise<number>;
  action(payload: Json): Promise<number>;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The headers that sign `body` as Slack does, timestamped `skew` seconds from now. */
export function signedHeaders(secret: string, body: string, skew = 0): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000) + skew;
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature(secret, ts, body) };
}

/** Signed HTTP requests to the app's /slack/events, as Slack sends them. Resolves with the status. */
export function httpSender(eventsUrl: string, signingSecret: string): SlackSender & {
  post(body: string, contentType: string, headers?: Record<string, string>, secret?: string): Promise<Response>;
} {
  const post = (body: string, contentType: string, headers: Record<string, string> = {}, secret = signingSecret) =>
    fetch(eventsUrl, { method: 'POST', headers: { 'content-type': contentType, ...signedHeaders(secret, body), ...headers }, body });
  const status = async (res: Promise<Response>) => {
    const r = await res;
    await r.arrayBuffer();
    return r.status;
  };
  const form = 'application/x-www-form-urlencoded';
  return {
    post,
    command: (fields) => status(post(new URLSearchParams(fields).toString(), form)),
    event: (body, retry) =>
      status(post(JSON.stringify(body), 'application/json', retry ? { 'x-slack-retry-num': String(retry.num), 'x-slack-retry-reason': retry.reason } : {})),
    action: (payload) => status(post(`payload=${encodeURIComponent(JSON.stringify(payload))}`, form)),
  };
}

/** Socket Mode envelopes through the fake websocket. Resolves with 200 once acked. */
export function socketSender(socket: FakeSocketMode): SlackSender {
  return {
    command: async (fields) => (await socket.send('slash_commands', fields), 200),
    event: async (body, retry) => (await socket.send('events_api', body, retry), 200),
    action: async (payload) => (await socket.send('interactive', payload), 200),
  };
}
