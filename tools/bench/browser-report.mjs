// Renders the browser benchmark (dist/bench/browser.json): a Markdown table of the two users of
// the real-time run beside the deterministic run's rows for the visible-tab scenario (read from
// dist/bench/coverage.json, never recomputed), and an SVG timeline of the two users' gaps.

/** Deterministic strategies shown beside each side of the browser run. */
export const MATCHING_STRATEGIES = {
  bridged: ['bridge'],
  baseline: ['okta-blueprint', 'messenger-alone'],
};
/** The deterministic scenario the browser run matches: one visible tab, nothing going wrong. */
export const MATCHING_SCENARIO = 'visible';

const esc = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pct = (share) => `${(share * 100).toFixed(2)} %`;
const length = (seconds) =>
  seconds >= 3600 ? `${+(seconds / 3600).toFixed(2)} h` : `${+(seconds / 60).toFixed(2)} min`;

/** The deterministic rows matching the browser run, from the coverage benchmark's JSON. */
export function deterministicRows(coverage) {
  if (!coverage) return [];
  const label = (id) => coverage.strategies.find((s) => s.id === id)?.label ?? id;
  return Object.entries(MATCHING_STRATEGIES).flatMap(([side, ids]) =>
    ids.flatMap((id) => {
      const run = coverage.runs.find((r) => r.strategy === id && r.scenario === MATCHING_SCENARIO);
      if (!run) return [];
      return [
        {
          side,
          strategy: id,
          label: label(id),
          tokenLifetimeS: coverage.jwtLifetimeS,
          lengthS: coverage.runHours * 3600,
          coverage: run.coverage,
          longestGapS: run.longestGapS,
          refreshes: run.refreshCalls,
          // Refresh calls per awake hour × lifetimes per hour: the deterministic run's own numbers.
          refreshesPerLifetime: (run.refreshCallsPerHour * coverage.jwtLifetimeS) / 3600,
          prompts: run.prompts,
        },
      ];
    }),
  );
}

/** The Markdown table of the section. */
export function browserMarkdown(data) {
  const windowS = (data.to - data.from) / 1000;
  const rows = [];
  for (const result of data.results) {
    const longest = Math.max(0, ...result.gapSeconds);
    rows.push(
      `| ${result.page}, ${result.user} | browser, real time | ${data.tokenLifetimeS} s | ` +
        `${length(windowS)} | **${pct(result.coverage)}** | ${longest.toFixed(1)} s | ` +
        `${result.refreshes} | ${result.refreshesPerLifetime.toFixed(2)} | ${result.prompts} |`,
    );
    for (const row of data.deterministic.filter((d) => d.side === result.side)) {
      rows.push(
        `| ↳ ${row.label} | deterministic, "${MATCHING_SCENARIO}" | ${row.tokenLifetimeS} s | ` +
          `${length(row.lengthS)} | ${pct(row.coverage)} | ${row.longestGapS.toFixed(1)} s | ` +
          `${row.refreshes} | ${row.refreshesPerLifetime.toFixed(2)} | ${row.prompts} |`,
      );
    }
  }
  const missing = data.deterministic.length
    ? []
    : [
        '',
        '_dist/bench/coverage.json was missing: run `npm run bench -- coverage` first for the ' +
          'deterministic rows._',
      ];
  return [
    '| user and page | run | token lifetime | length | valid JWT | longest gap | refreshes | refreshes per token lifetime | prompts |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    ...missing,
    '',
    `Both users ran in the same ${length(windowS)} window of the simulator's clock (` +
      `${new Date(data.from).toISOString()} to ${new Date(data.to).toISOString()}).`,
    '',
    '![The two users of the browser run: time with and without a valid JWT](benchmarks/browser.svg)',
  ].join('\n');
}

/** An SVG timeline: one bar per user across the window, gaps in red. */
export function browserSvg(data) {
  const width = 720;
  const left = 230;
  const barWidth = width - left - 20;
  const windowMs = data.to - data.from;
  const lanes = data.results.map((result, i) => {
    const y = 30 + i * 40;
    const gaps = [];
    for (const [from, to] of result.gaps) {
      const x = left + ((from - data.from) / windowMs) * barWidth;
      const w = Math.max(1, ((to - from) / windowMs) * barWidth);
      gaps.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="22" fill="#c62828"/>`,
      );
    }
    return [
      `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${esc(result.page)}</text>`,
      `<rect x="${left}" y="${y}" width="${barWidth}" height="22" fill="#2e7d32"/>`,
      ...gaps,
    ].join('\n');
  });
  const height = 50 + data.results.length * 40;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<text x="${left}" y="16">valid Genesys JWT (green) and none (red), ${esc(length(windowMs / 1000))} of real time</text>`,
    ...lanes,
    '</svg>',
    '',
  ].join('\n');
}
