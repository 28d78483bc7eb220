// Renders the coverage benchmark's JSON (dist/bench/coverage.json): Markdown tables for
// docs/benchmarks.md and two plain SVG charts (no scripts, text labels) for GitHub's renderer.

const PALETTE = ['#9e9e9e', '#8d6e63', '#ef6c00', '#7b1fa2', '#1565c0'];
const esc = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function runOf(data, strategy, scenario) {
  return data.runs.find((r) => r.strategy === strategy && r.scenario === scenario);
}

/** A Markdown table: one row per scenario, one column per strategy. */
function table(data, title, cell) {
  const head = `| ${title} | ${data.strategies.map((s) => s.label).join(' | ')} |`;
  const rule = `| --- | ${data.strategies.map(() => '---:').join(' | ')} |`;
  const rows = data.scenarios.map(
    (scenario) =>
      `| ${scenario.label}${scenario.recoveryImpossible ? ' ¹' : ''} | ${data.strategies
        .map((s) => cell(runOf(data, s.id, scenario.id), s.id))
        .join(' | ')} |`,
  );
  return [head, rule, ...rows].join('\n');
}

/** The 5-tab ÷ 1-tab ratio of refresh calls of a strategy ("—" when one tab made none). */
function tabRatio(data, strategy) {
  const one = runOf(data, strategy, 'visible')?.refreshCalls ?? 0;
  const five = runOf(data, strategy, 'tabs-5')?.refreshCalls ?? 0;
  return one ? (five / one).toFixed(2) : '—';
}

/** The Markdown of the section (the command and the machine come from the caller). */
export function coverageMarkdown(data) {
  const pct = (r) => `${(r.coverage * 100).toFixed(3)} %`;
  const seconds = (r) =>
    r.longestGapS >= 600
      ? `${(r.longestGapS / 3600).toFixed(2)} h`
      : `${r.longestGapS.toFixed(2)} s`;
  const impossible = data.scenarios.filter((s) => s.recoveryImpossible);
  return [
    `${data.runHours} h signed in from ${data.start} on virtual time, seed ${data.seed}; JWT lifetime ` +
      `${data.jwtLifetimeS} s; every Genesys call ${data.networkOneWayMs} ms each way; Genesys limits ` +
      `of ${data.rateLimitsPerMinute.refresh} refreshes and ${data.rateLimitsPerMinute.exchange} code ` +
      `exchanges a minute. The whole run took ${data.wallTimeS} s of wall time.`,
    '',
    '![Share of awake signed-in time with a valid JWT](benchmarks/coverage.svg)',
    '',
    table(data, 'Valid JWT, share of awake signed-in time', pct),
    '',
    table(data, 'Longest awake gap', seconds),
    '',
    table(data, 'Refresh calls per awake hour', (r) => r.refreshCallsPerHour.toFixed(2)),
    '',
    `Refresh calls with 5 tabs ÷ with 1 tab: ${data.strategies
      .map((s) => `${s.label} ${tabRatio(data, s.id)}`)
      .join('; ')}.`,
    '',
    table(data, 'Timer wake-ups per refresh cycle (busiest tab)', (r) =>
      r.wakeupsPerCycle.toFixed(2),
    ),
    '',
    table(data, 'Prompts shown', (r) => String(r.prompts)),
    '',
    ...impossible.map((s) => `¹ Recovery impossible: ${s.recoveryImpossible}.`),
    '',
    '![When each strategy held no valid JWT, visible and hidden tab](benchmarks/coverage-gaps.svg)',
    '',
    'The strategies:',
    '',
    ...data.strategies.map((s) => `- **${s.label}** — ${s.source}.`),
  ].join('\n');
}

/** Grouped horizontal bars: per scenario, each strategy's coverage (0–100 %), value as text. */
export function coverageSvg(data) {
  const barH = 9;
  const groupH = data.strategies.length * barH + 10;
  const left = 210;
  const width = 360;
  const top = 40;
  const height = top + data.scenarios.length * groupH + 20;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 90}" height="${height}" font-family="sans-serif" font-size="10">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="16" font-size="13" font-weight="bold">Valid JWT, share of awake signed-in time (${data.runHours} h)</text>`,
    ...data.strategies.map(
      (s, i) =>
        `<rect x="${8 + i * 125}" y="24" width="9" height="9" fill="${PALETTE[i]}"/><text x="${20 + i * 125}" y="32">${esc(s.label)}</text>`,
    ),
  ];
  data.scenarios.forEach((scenario, g) => {
    const y0 = top + g * groupH;
    parts.push(`<text x="8" y="${y0 + groupH / 2}">${esc(scenario.label)}</text>`);
    data.strategies.forEach((s, i) => {
      const run = runOf(data, s.id, scenario.id);
      const w = Math.max(0.5, run.coverage * width);
      const y = y0 + i * barH;
      parts.push(
        `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH - 1}" fill="${PALETTE[i]}"/>`,
        `<text x="${left + w + 3}" y="${y + barH - 2}" font-size="8">${(run.coverage * 100).toFixed(3)} %</text>`,
      );
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Strips of the day: where each strategy held no valid JWT, in the visible and the hidden tab. */
export function gapsSvg(data) {
  const left = 210;
  const width = 480;
  const rowH = 14;
  const spanS = data.runHours * 3600;
  const blocks = ['visible', 'hidden'];
  const height = 40 + blocks.length * (data.strategies.length * rowH + 24) + 20;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 20}" height="${height}" font-family="sans-serif" font-size="10">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="16" font-size="13" font-weight="bold">Time without a valid JWT (red), hours after sign-in</text>`,
  ];
  let y = 36;
  for (const scenarioId of blocks) {
    const scenario = data.scenarios.find((s) => s.id === scenarioId);
    parts.push(`<text x="8" y="${y + 8}" font-weight="bold">${esc(scenario.label)}</text>`);
    y += 14;
    for (const s of data.strategies) {
      const run = runOf(data, s.id, scenarioId);
      parts.push(
        `<text x="8" y="${y + 9}">${esc(s.label)}</text>`,
        `<rect x="${left}" y="${y}" width="${width}" height="${rowH - 4}" fill="#e8f5e9"/>`,
        ...run.gaps.map(([from, to]) => {
          const x = left + (from / spanS) * width;
          const w = Math.max(0.6, ((to - from) / spanS) * width);
          return `<rect x="${x.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="${rowH - 4}" fill="#c62828"/>`;
        }),
      );
      y += rowH;
    }
    y += 10;
  }
  for (let h = 0; h <= data.runHours; h += 6) {
    const x = left + (h / data.runHours) * width;
    parts.push(`<text x="${x}" y="${y + 6}" text-anchor="middle">${h} h</text>`);
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
