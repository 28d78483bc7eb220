// Where the library's bytes in a production build come from, per source file: used by
// tools/bench-bundle-cost.mjs (see "Bundle cost" in docs/benchmarks.md for the method).
//
// - Minified bytes per input file: esbuild's metafile (`stats.json`, `bytesInOutput`).
// - gzip per input file: each output file's source map says which source every generated column
//   range comes from. A file's ranges are cut out of the output file and gzipped on their own
//   ("alone"); because text compresses better next to the rest of the bundle, the alone figures
//   add up to more than the real cost, so each is also scaled to its share of the measured
//   difference between the builds with and without the library ("share of the cost").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSize } from './bench/initial-files.mjs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, index) => [char, index]));

/**
 * Decodes a source map's `mappings` (Base64 VLQ, source map v3) into, per generated line, the
 * segments `[column, sourceIndex]` (sourceIndex -1 for a segment without a source).
 */
export function decodeMappings(mappings) {
  const lines = [];
  let sourceIndex = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64_VALUE.get(char);
        if (digit === undefined) throw new Error(`invalid mapping character ${char}`);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) {
        sourceIndex += fields[1];
        segments.push([column, sourceIndex]);
      } else {
        segments.push([column, -1]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * The text of one output file per source, from its source map: source path → generated text.
 * Columns are UTF-16 offsets, as the source map specification says.
 */
export function textPerSource(code, map) {
  const perSource = new Map();
  const codeLines = code.split('\n');
  for (const [lineIndex, segments] of decodeMappings(map.mappings).entries()) {
    const line = codeLines[lineIndex] ?? '';
    for (const [index, [column, sourceIndex]] of segments.entries()) {
      if (sourceIndex < 0) continue;
      const end = index + 1 < segments.length ? segments[index + 1][0] : line.length;
      const source = map.sources[sourceIndex];
      perSource.set(source, (perSource.get(source) ?? '') + line.slice(column, end));
    }
  }
  return perSource;
}

/**
 * The library's bytes in the given output files of a build, per input file.
 * @param outputDir the build's output (holding `browser/`)
 * @param stats the build's esbuild metafile (`stats.json`, as `readBuild` parsed it)
 * @param files the output files to look at (e.g. the initial ones)
 * @param isLibrary (input path) => the path inside the library, or undefined for other inputs
 * @returns rows `{ file, minified, gzipAlone }`, biggest first
 */
export function libraryBreakdown(outputDir, stats, files, isLibrary) {
  const rows = new Map();
  const row = (file) => rows.get(file) ?? rows.set(file, { file, minified: 0, text: '' }).get(file);
  for (const file of files) {
    for (const [input, { bytesInOutput }] of Object.entries(stats.outputs[file]?.inputs ?? {})) {
      const inLibrary = isLibrary(input);
      if (inLibrary && bytesInOutput > 0) row(inLibrary).minified += bytesInOutput;
    }
    const jsPath = path.join(outputDir, 'browser', file);
    let map;
    try {
      map = JSON.parse(readFileSync(`${jsPath}.map`, 'utf8'));
    } catch {
      throw new Error(`no source map for ${file}: build with --source-map`);
    }
    const code = readFileSync(jsPath, 'utf8');
    for (const [source, text] of textPerSource(code, map)) {
      // Source map paths are relative to the output file's folder (e.g. `../../../projects/...`).
      const input = path.relative(
        process.cwd(),
        path.resolve(path.dirname(jsPath), map.sourceRoot ?? '', source),
      );
      const inLibrary = isLibrary(input);
      if (inLibrary) row(inLibrary).text += text;
    }
  }
  return [...rows.values()]
    .map(({ file, minified, text }) => ({ file, minified, gzipAlone: text ? gzipSize(text) : 0 }))
    .sort((a, b) => b.minified - a.minified || a.file.localeCompare(b.file));
}

/**
 * Sums rows by folder (`core/src/genesys/x.ts` → `core/src/genesys`).
 * @returns rows `{ file: folder, minified, gzipAlone }`, biggest first
 */
export function byFolder(rows) {
  const folders = new Map();
  for (const { file, minified, gzipAlone } of rows) {
    const folder = path.posix.dirname(file);
    const sum = folders.get(folder) ?? { file: folder, minified: 0, gzipAlone: 0 };
    sum.minified += minified;
    sum.gzipAlone += gzipAlone;
    folders.set(folder, sum);
  }
  return [...folders.values()].sort((a, b) => b.minified - a.minified);
}

/** Adds `gzipShare`: each row's part of `measuredGzip`, in proportion to its `gzipAlone`. */
export function withShares(rows, measuredGzip) {
  const alone = rows.reduce((sum, r) => sum + r.gzipAlone, 0);
  return rows.map((r) => ({
    ...r,
    gzipShare: alone ? Math.round((r.gzipAlone / alone) * measuredGzip) : 0,
  }));
}
