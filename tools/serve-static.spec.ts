/**
 * tools/serve-static.mjs as `npm start` runs it (issue 13 §3): a development server, so never on a
 * non-loopback address without the override, and only for its own names in `Host`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { findFreePort, isListening } from '../projects/dev-idp/testing';
import { rawGet } from '../projects/node-kit/testing/raw-get';

const ROOT = resolve(__dirname, '..');
const SERVE = ['--import', 'tsx', join(ROOT, 'tools/serve-static.mjs')];

describe('serve-static', () => {
  let site: string;
  let child: ChildProcess | undefined;
  let port: number;

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'serve-static-'));
    writeFileSync(join(site, 'index.html'), '<title>app</title>');
    port = await findFreePort();
  });
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(site, { recursive: true, force: true });
  });

  it('refuses a non-loopback --host with exit code 2 and one line, before binding', async () => {
    const result = spawnSync(
      process.execPath,
      [...SERVE, '--root', site, '--port', String(port), '--host', '0.0.0.0'],
      { cwd: ROOT, encoding: 'utf8', timeout: 20_000 },
    );
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toMatch(
      /^serve-static: --host 0\.0\.0\.0 is not a loopback address and dev defaults are in force: serve-static, a development server[^\n]+--allow-dev-defaults-on-network[^\n]+\n$/,
    );
    expect(await isListening(port)).toBe(false);
  });

  describe('Host check', () => {
    beforeAll(async () => {
      const flags = ['--root', site, '--port', String(port), '--allowed-hosts', 'portal.test'];
      child = spawn(process.execPath, [...SERVE, ...flags], { cwd: ROOT, stdio: 'pipe' });
      let output = '';
      await new Promise<void>((ready, fail) => {
        child?.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes(' on http://')) ready();
        });
        child?.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child?.once('exit', () => fail(new Error(`exited early: ${output}`)));
      });
    });

    it('serves the loopback names on its port and --allowed-hosts', async () => {
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, 'portal.test']) {
        const answer = await rawGet(port, '/some/route', host);
        expect([answer.status, answer.body]).toEqual([200, '<title>app</title>']);
      }
    });

    it('refuses a rebound name with 421 and a plain-text reason', async () => {
      const answer = await rawGet(port, '/', `evil.example:${port}`);
      expect(answer.status).toBe(421);
      expect(answer.body).toContain('"evil.example:');
    });

    it('refuses an HTTP/1.0 request without Host with 400', async () => {
      expect((await rawGet(port, '/', undefined)).status).toBe(400);
    });
  });
});
