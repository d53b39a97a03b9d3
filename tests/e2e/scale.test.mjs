// The timeline of a 10,000-incident case in the real window: it shows, its
// chart stays within 120 bars and a lean DOM, brushing narrows the list and
// "Whole span" brings it back, and a search filters it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from './webdriver.mjs';
import { PASS } from './flows.mjs';

const SHOTS = process.env.VIGIL_SCREENSHOTS ?? 'target/e2e-screenshots';
const CASE = 'S-10K';

let s;
let dir;

/** The `vigil` command-line tool built next to the app. */
function cli(args) {
  const bin = path.join(path.dirname(process.env.VIGIL_APP), 'vigil');
  return execFileSync(bin, ['--workspace', path.join(dir, 'ws'), ...args], {
    env: { ...process.env, VIGIL_PASSPHRASE: PASS, VIGIL_ANCHOR_DIR: path.join(dir, 'anchors') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const count = async () => {
  const m = (await s.text('#incident-count')).match(/(\d[\d,]*)/);
  return m ? Number(m[1].replace(/,/g, '')) : -1;
};

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-scale-'));
  cli(['init', '--name', 'Dana Reyes', '--badge', '4471', '--unit', 'TMU', '--agency', 'Eastfield PD', '--unlock-ms', '50']);
  cli(['dev', 'seed', CASE, '--incidents', '10000']);
  cli(['dev', 'seed', 'S-30', '--incidents', '30']);
  cli(['dev', 'seed', 'S-500', '--incidents', '500']);
  s = await Session.start(process.env.VIGIL_APP, ['--workspace', path.join(dir, 'ws')]);
  await s.type('#unlock-passphrase', PASS);
  await s.click('#unlock-submit');
  await s.click(`[data-case-number="${CASE}"]`);
  await s.until('the case heading', async () => (await s.text('#case-heading')).includes(CASE), 20000);
});

after(async () => {
  await s?.end();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the timeline of 10,000 incidents shows with a readable chart and a lean page', async () => {
  await s.click('#tab-timeline');
  await s.until('10,000 incidents', async () => (await count()) === 10000, 30000);
  await s.until('the chart', async () => Number(await s.attr('#timeline-chart', 'data-bars')) > 0, 30000);
  const bars = Number(await s.attr('#timeline-chart', 'data-bars'));
  assert.ok(bars <= 120, `${bars} bars`);
  assert.equal(Number(await s.attr('#timeline-chart', 'data-total')), 10000);
  const elements = await s.exec("return document.querySelector('.timeline').querySelectorAll('*').length;");
  assert.ok(elements <= 1500, `${elements} elements on the timeline`);
  await s.screenshot(SHOTS, 's01-timeline-10000');
});

test('dragging across the chart narrows the list; Whole span brings it back', async () => {
  const before = await count();
  const width = (await s.exec("return document.querySelector('[data-testid=\"chart-input\"]').getBoundingClientRect().width;"));
  await s.drag('[data-testid="chart-input"]', width * 0.3, width * 0.45);
  await s.until('the list to follow the brushed range', async () => {
    const n = await count();
    return n > 0 && n < before;
  }, 20000);
  assert.ok(await s.exists('#chart-whole-span'));
  const from = await s.exec("return document.querySelector('#filter-from')?.value ?? '';");
  assert.match(from, /^\d{4}-\d{2}-\d{2}$/, 'the date filter shows the brushed range');
  await s.screenshot(SHOTS, 's02-timeline-brushed');
  await s.click('#chart-whole-span');
  await s.until('the whole span again', async () => (await count()) === 10000, 20000);
});

test('a search filters the 10,000 and the chart follows', async () => {
  await s.type('#filter-text', 'bus stop');
  await s.until('the count to drop', async () => {
    const n = await count();
    return n > 0 && n < 10000;
  }, 20000);
  const n = await count();
  await s.until('the chart to agree', async () => Number(await s.attr('#timeline-chart', 'data-total')) === n, 20000);
  await s.screenshot(SHOTS, 's03-timeline-search');
});

test('the chart reads at 30, 500 and 10,000 incidents', async () => {
  for (const [number, n] of [
    ['S-30', 30],
    ['S-500', 500],
    [CASE, 10000],
  ]) {
    await s.click(`[data-case-number="${number}"]`);
    await s.until(`case ${number}`, async () => (await s.text('#case-heading')).includes(number), 20000);
    await s.click('#tab-timeline');
    await s.until(`${n} incidents`, async () => (await count()) === n, 30000);
    await s.until('its chart', async () => Number(await s.attr('#timeline-chart', 'data-total')) === n, 30000);
    const bars = Number(await s.attr('#timeline-chart', 'data-bars'));
    assert.ok(bars > 0 && bars <= 120, `${number}: ${bars} bars`);
    await s.screenshot(SHOTS, `s04-chart-${n}`);
  }
});
