/** Small node:http helpers for the routes the dev IdP serves itself. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest form body accepted, in bytes (a login form is well under 1 KiB). */
export const MAX_FORM_BYTES = 16 * 1024;

/** Our pages load nothing from anywhere and may not be framed. */
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Sends an HTML page that must not be cached or framed.
 * @param res the response
 * @param status HTTP status
 * @param html the document
 */
export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(html);
}

/**
 * Sends a short plain-text answer.
 * @param res the response
 * @param status HTTP status
 * @param text the body
 */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(`${text}\n`);
}

/**
 * Sends a JSON answer.
 * @param res the response
 * @param status HTTP status
 * @param body any JSON-serialisable value
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Reads an `application/x-www-form-urlencoded` body of at most {@link MAX_FORM_BYTES}. On a wrong
 * content type or an oversized body it answers the request itself (415 / 413).
 * @param req the request
 * @param res the response, used for the error answers
 * @returns the fields, or undefined when an error answer was sent
 */
export async function readForm(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<URLSearchParams | undefined> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    sendText(res, 415, 'Expected an application/x-www-form-urlencoded form');
    return undefined;
  }
  const body = await readBody(req);
  if (body === undefined) {
    res.setHeader('Connection', 'close');
    sendText(res, 413, 'Form too large');
    return undefined;
  }
  return new URLSearchParams(body.toString('utf8'));
}

/** Reads the body, or resolves undefined once it exceeds the limit (the rest is discarded). */
export function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        chunks.length = 0;
        resolve(undefined);
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(size > MAX_FORM_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Reads a small JSON body (at most {@link MAX_FORM_BYTES}); an empty body reads as `{}`. On an
 * oversized or malformed body it answers 400 itself.
 * @param req the request
 * @param res the response, used for the error answer
 * @returns the parsed value, or undefined when an error answer was sent
 */
export async function readJsonBody(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  const raw = await readBody(req);
  try {
    if (raw === undefined) throw new RangeError('too large');
    return JSON.parse(raw.toString('utf8') || '{}') as unknown;
  } catch {
    sendJson(res, 400, { error: `the body must be JSON of at most ${MAX_FORM_BYTES / 1024} KiB` });
    return undefined;
  }
}
