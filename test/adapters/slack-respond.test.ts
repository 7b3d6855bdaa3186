/**
 * Answers to slash commands and buttons go to their response_url: posted as JSON over a kept-alive
 * connection, a connection the server dropped while idle is replaced, and a failure is an error
 * that never shows the URL (its path is a credential).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, it } from 'node:test';
import { postToResponseUrl } from '../../src/adapters/slack/respond.ts';

const servers: Array<http.Server | net.Server> = [];
const sockets = new Set<net.Socket>();
after(() => {
  for (const socket of sockets) socket.destroy();
  for (const s of servers) s.close();
});

async function listen<S extends http.Server | net.Server>(server: S): Promise<string> {
  servers.push(server);
  server.on('connection', (socket: net.Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

it('posts the message as JSON and resolves once the server took it', async () => {
  const got: Array<{ type?: string; body: string }> = [];
  const base = await listen(
    http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        got.push({ type: req.headers['content-type'], body });
        res.end('ok');
      });
    }),
  );
  await postToResponseUrl(`${base}/commands/T1/1/secret`, { response_type: 'ephemeral', text: 'こんにちは' });
  assert.deepEqual(got, [{ type: 'application/json', body: '{"response_type":"ephemeral","text":"こんにちは"}' }]);
});

it('rejects on a status other than 2xx, naming the status and not the URL', async () => {
  const base = await listen(http.createServer((_req, res) => res.writeHead(404).end('expired_url')));
  await assert.rejects(postToResponseUrl(`${base}/commands/T1/1/secret-token`, { text: 'x' }), (err: Error) => {
    assert.match(err.message, /404/);
    assert.doesNotMatch(err.message, /secret-token|127\.0\.0\.1/);
    return true;
  });
});

it('sends again, on a new connection, a post whose kept-alive connection the server had dropped', async () => {
  // A server that answers the first request on each connection and drops the connection when a
  // second one comes on it, as one whose idle timeout ran out just then would.
  let connections = 0;
  let answered = 0;
  const base = await listen(
    net.createServer((socket) => {
      connections++;
      let requests = 0;
      socket.on('data', (chunk: Buffer) => {
        if (!chunk.toString('latin1').startsWith('POST ')) return;
        if (++requests > 1) {
          socket.resetAndDestroy();
          return;
        }
        answered++;
        socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\nok');
      });
    }),
  );
  await postToResponseUrl(`${base}/a`, { text: 'one' });
  await postToResponseUrl(`${base}/b`, { text: 'two' });
  assert.equal(answered, 2);
  assert.equal(connections, 2, 'the second post reused the kept-alive connection, then sent again on a new one');
});

it('gives up on a server that does not answer', async () => {
  const base = await listen(http.createServer(() => undefined));
  await assert.rejects(postToResponseUrl(`${base}/slow`, { text: 'x' }, 50), /did not answer within 50 ms/);
});
