/** Calls a listening simulator from its specs. */
import type { FastifyInstance } from 'fastify';

/** How the simulator answered one call. */
export interface SimAnswer {
  readonly status: number;
  /** The JSON body (`any`: specs read whatever the call answers). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
  readonly headers: Headers;
}

/** Calls the simulator: a JSON body (or a raw string), extra headers. */
export type SimCall = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<SimAnswer>;

/** Listens on a free loopback port; returns the base URL and a caller for it. */
export async function listenForSpecs(
  app: FastifyInstance,
): Promise<{ base: string; call: SimCall }> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const call: SimCall = async (method, path, body, headers = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      headers: response.headers,
    };
  };
  return { base, call };
}
