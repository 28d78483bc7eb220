import { GenesysApiError } from 'ngx-genesys-messenger-auth/testing';
import { parseFaultRule } from './fault-rules';

describe(parseFaultRule.name, () => {
  it('reads a full rule', () => {
    const rule = {
      endpoint: 'refresh',
      status: 503,
      delayMs: 250,
      count: 2,
      rate: 0.5,
      forSeconds: 30,
    };
    expect(parseFaultRule(rule)).toEqual(rule);
  });

  it('accepts a delay without a status', () => {
    expect(parseFaultRule({ endpoint: 'config', delayMs: 0 })).toMatchObject({
      endpoint: 'config',
      status: undefined,
      delayMs: 0,
    });
  });

  it.each([
    [[], 'body must be a JSON object'],
    [{ endpoint: 'everything', status: 500 }, 'endpoint must be one of exchange, refresh'],
    [{ endpoint: 'exchange', status: 302 }, 'status must be an HTTP error status, 400–599'],
    [{ endpoint: 'exchange', status: '500' }, 'status must be a non-negative whole number'],
    [{ endpoint: 'exchange', delayMs: 120_001 }, 'delayMs must be at most 120000'],
    [{ endpoint: 'exchange', delayMs: 1.5 }, 'delayMs must be a non-negative whole number'],
    [{ endpoint: 'exchange' }, 'a fault needs a status, a delayMs, or both'],
    [{ endpoint: 'exchange', status: 500, rate: 0 }, 'rate must be a number greater than 0'],
    [{ endpoint: 'exchange', status: 500, count: 0 }, 'count and forSeconds must be at least 1'],
    [
      { endpoint: 'exchange', status: 500, forSeconds: 0 },
      'count and forSeconds must be at least 1',
    ],
  ])('refuses %j with a 400 saying "%s"', (body, message) => {
    const malformed = expect.objectContaining({ status: 400, code: 'bad.request' });
    expect(() => parseFaultRule(body)).toThrow(GenesysApiError);
    expect(() => parseFaultRule(body)).toThrow(malformed);
    expect(() => parseFaultRule(body)).toThrow(message);
  });
});
