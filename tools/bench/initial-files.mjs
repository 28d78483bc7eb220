// What a browser must load before a production build of an Angular app can start: the JS files
// index.html loads (`<script>` and `<link rel="modulepreload">`) and every JS file they import
// statically, read from esbuild's metafile (`--stats-json`). Shared by the bundle and admin benchmarks.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants, gzipSync } from 'node:zlib';

/**
 * A build's output folder read once: its browser folder, metafile and initial JS files.
 * @param outputDir the `--output-path` of the build (holds `browser/` and `stats.json`)
 */
export function readBuild(outputDir) {
  const browser = path.join(outputDir, 'browser');
  const stats = JSON.parse(readFileSync(path.join(outputDir, 'stats.json'), 'utf8'));
  const html = readFileSync(path.join(browser, 'index.html'), 'utf8');
  const referenced = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g),
  ].map((match) => match[1]);
  // index.html names the entry points; the metafile gives what they import statically.
  return { browser, stats, initial: withStaticImports(stats, referenced) };
}

/** The files and every JS file they import statically (metafile), leaving out `known` ones. */
export function withStaticImports(stats, files, known = new Set()) {
  const found = new Set();
  const pending = [...files];
  while (pending.length) {
    const file = pending.pop();
    if (found.has(file) || known.has(file)) continue;
    found.add(file);
    for (const imported of stats.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && imported.path.endsWith('.js')) {
        pending.push(imported.path);
      }
    }
  }
  return found;
}

/** The gzip -9 size of some bytes, or of a text encoded as UTF-8. */
export function gzipSize(data) {
  return gzipSync(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, {
    level: zlibConstants.Z_BEST_COMPRESSION,
  }).length;
}

/** A built file's size, raw and gzip -9, without its `sourceMappingURL` comment. */
export function fileSize(browser, file) {
  const bytes = Buffer.from(
    readFileSync(path.join(browser, file), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, ''),
  );
  return { raw: bytes.length, gzip: gzipSize(bytes) };
}

/** The summed sizes of built files (see `fileSize`): `{ raw, gzip }`. */
export function totalSize(browser, files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const size = fileSize(browser, file);
    raw += size.raw;
    gzip += size.gzip;
  }
  return { raw, gzip };
}
