/** Test helper: GET requests with a chosen `Host` header, or none, which fetch cannot send. */
import { connect } from 'node:net';

/** What the server answered. */
export interface RawAnswer {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Sends `GET path` to 127.0.0.1:port over a fresh connection and reads the answer until the
 * server closes it.
 * @param port the server's port
 * @param path the request target, e.g. `/health`
 * @param host the `Host` header (HTTP/1.1); undefined sends an HTTP/1.0 request without one
 * @returns status, headers and body
 */
export function rawGet(port: number, path: string, host: string | undefined): Promise<RawAnswer> {
  const head =
    host === undefined
      ? `GET ${path} HTTP/1.0\r\n\r\n`
      : `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to GET ${path}`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('end', () => resolve(parseAnswer(Buffer.concat(chunks).toString('utf8'))));
    socket.write(head);
  });
}

function parseAnswer(text: string): RawAnswer {
  const split = text.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const raw = text.slice(split + 4);
  const body = headers['transfer-encoding'] === 'chunked' ? unchunk(raw) : raw;
  return { status: Number(statusLine?.split(' ')[1]), headers, body };
}

function unchunk(raw: string): string {
  let body = '';
  for (let at = 0; ;) {
    const eol = raw.indexOf('\r\n', at);
    const size = parseInt(raw.slice(at, eol), 16);
    if (!(size > 0)) return body;
    body += raw.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
}
