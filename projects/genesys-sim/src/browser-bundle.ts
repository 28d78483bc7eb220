/**
 * Builds the simulator's stand-in for `genesys.min.js` from `browser/genesys-bundle.ts` (the
 * `/testing` emulator plus the widget) with esbuild, in memory, when the simulator starts.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../browser/genesys-bundle.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));

/** Bundles the browser script; resolves with its JavaScript text. */
export async function buildBrowserBundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    tsconfig: TSCONFIG,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
