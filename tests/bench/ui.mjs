// The real window at scale: times, DOM size and memory of the timeline of a
// 10,000-incident case, driven through WebDriver as a user would use it.
// Run by `make bench-ui` (release build, under Xvfb). Prints a table; asserts nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from '../e2e/webdriver.mjs';
import { PASS } from '../e2e/flows.mjs';

const APP = path.resolve(process.env.VIGIL_APP);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-ui-'));
const ws = path.join(dir, 'ws');
const cli = (args) =>
  execFileSync(path.join(path.dirname(APP), 'vigil'), ['--workspace', ws, ...args], {
    env: { ...process.env, VIGIL_PASSPHRASE: PASS, VIGIL_ANCHOR_DIR: path.join(dir, 'anchors') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

cli(['init', '--name', 'Dana Reyes', '--badge', '4471', '--unit', 'TMU', '--agency', 'Eastfield PD']);
cli(['dev', 'seed', 'S-10K', '--incidents', '10000']);
cli(['dev', 'seed', 'S-30', '--incidents', '30']);

/** Resident memory (MB) of the app and every process under it (web view, network). */
function memoryMB() {
  const pids = execFileSync('pgrep', ['-f', APP]).toString().trim().split('\n').map(Number);
  const children = (pid) => {
    try {
      return execFileSync('pgrep', ['-P', String(pid)]).toString().trim().split('\n').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const all = new Set();
  const stack = [...pids];
  while (stack.length) {
    const p = stack.pop();
    if (all.has(p)) continue;
    all.add(p);
    stack.push(...children(p));
  }
  let kb = 0;
  for (const p of all) {
    try {
      const m = fs.readFileSync(`/proc/${p}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return Math.round(kb / 1024);
}

const s = await Session.start(APP, ['--workspace', ws]);
const count = async () => {
  const m = (await s.text('#incident-count')).match(/(\d[\d,]*)/);
  return m ? Number(m[1].replace(/,/g, '')) : -1;
};
const timed = async (what, act, done) => {
  const t = performance.now();
  await act();
  await s.until(what, done, 60000);
  return performance.now() - t;
};
const rows = [];
const row = (step, ms, extra = '') => rows.push([step, ms === null ? '' : `${Math.round(ms)} ms`, extra]);
const elementsOf = (css) => s.exec(`return document.querySelector('${css}')?.querySelectorAll('*').length ?? 0;`);

try {
  await s.find('#unlock-passphrase', { timeout: 30000 });
  await new Promise((r) => setTimeout(r, 1500));
  const memUnlock = memoryMB();
  row('memory at the unlock screen', null, `${memUnlock} MB`);
  await s.type('#unlock-passphrase', PASS);
  await s.click('#unlock-submit');
  await s.click('[data-case-number="S-10K"]');
  await s.until('the case', async () => (await s.text('#case-heading')).includes('S-10K'), 30000);

  const tab = await timed(
    'the timeline with 10,000 incidents, its list and its chart',
    () => s.click('#tab-timeline'),
    async () =>
      (await count()) === 10000 &&
      (await s.exists('.incident-row:not(.incident-row-loading)')) &&
      Number(await s.attr('#timeline-chart', 'data-total')) === 10000,
  );
  row('Timeline tab until "10,000 incidents", the list and the chart show', tab);
  const dom = await elementsOf('.timeline');
  const svg = await elementsOf('#timeline-chart');
  const list = await elementsOf('.incident-list-frame');
  row('DOM elements on the timeline', null, `${dom} (chart ${svg}, list ${list})`);
  await new Promise((r) => setTimeout(r, 1000));
  const memTimeline = memoryMB();
  row('memory after the timeline', null, `${memTimeline} MB (+${memTimeline - memUnlock})`);

  const DEBOUNCE = 250;
  let searchMs = 0;
  for (const word of ['bus stop', 'parking', 'gym']) {
    await s.erase('#filter-text');
    await s.until('the whole case', async () => (await count()) === 10000, 30000);
    const before = await count();
    searchMs = await timed(
      `the count after searching "${word}"`,
      () => s.type('#filter-text', word),
      async () => {
        const n = await count();
        return n !== before && Number(await s.attr('#timeline-chart', 'data-total')) === n;
      },
    );
    row(`search "${word}" until the count and the chart update`, searchMs, `${Math.round(searchMs - DEBOUNCE)} ms after the ${DEBOUNCE} ms pause`);
  }
  await new Promise((r) => setTimeout(r, 1000));
  const memSearch = memoryMB();
  row('memory after searches', null, `${memSearch} MB (+${memSearch - memUnlock})`);

  const brushW = await s.exec("return document.querySelector('[data-testid=\"chart-input\"]').getBoundingClientRect().width;");
  const brush = await timed(
    'the brushed range',
    () => s.drag('[data-testid="chart-input"]', brushW * 0.3, brushW * 0.45),
    async () => (await count()) < 10000,
  );
  row('brush a range on the chart until the list follows', brush);

  const other = await timed(
    'the small case',
    () => s.click('[data-case-number="S-30"]'),
    async () => (await s.text('#case-heading')).includes('S-30'),
  );
  row('switch to a 30-incident case', other);
  await new Promise((r) => setTimeout(r, 3000));
  const memSmall = memoryMB();
  row('memory after switching to the small case', null, `${memSmall} MB (+${memSmall - memUnlock})`);

  for (const tabId of ['people', 'protocol', 'management']) {
    await s.click('[data-case-number="S-10K"]');
    await s.until('the big case', async () => (await s.text('#case-heading')).includes('S-10K'), 30000);
    const ms = await timed(`the ${tabId} tab`, () => s.click(`#tab-${tabId}`), async () => s.exists(`#panel-${tabId}:not([hidden]) h2, #panel-${tabId}:not([hidden]) h3`));
    row(`${tabId} tab of the 10,000-incident case`, ms, `${await elementsOf(`#panel-${tabId}`)} elements in the tab`);
  }
  const form = await timed(
    'the incident form',
    async () => {
      await s.click('#tab-timeline');
      await s.until('timeline', async () => (await count()) === 10000, 30000);
      await s.click('#add-incident-button');
    },
    () => s.exists('#incident-when'),
  );
  row('open the incident form (from the tab click)', form);
} finally {
  await s.end();
  fs.rmSync(dir, { recursive: true, force: true });
}

const w = [Math.max(...rows.map((r) => r[0].length)), 9];
console.log(`\nVigil in the real window, release build (${os.cpus().length} cores, ${os.platform()})`);
for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w[0])}  ${b.padStart(w[1])}  ${c}`);
