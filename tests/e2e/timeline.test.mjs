// The incident timeline in the real window: keyboard entry, filters and the
// chart, and importing a victim's log with a bad row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFresh, setUp, createCase } from './flows.mjs';

const SHOTS = process.env.VIGIL_SCREENSHOTS ?? 'target/e2e-screenshots';
const ENTER = '\uE007';
const TAB = '\uE004';
const CTRL = '\uE009';
const ESC = '\uE00C';

let app;
let s;

before(async () => {
  app = await startFresh();
  s = app.s;
  await setUp(s);
  await createCase(s, '2026-0610', 'Messages and waiting outside work');
});

after(async () => {
  await app?.stop();
});

const count = async () => {
  const t = await s.text('#incident-count');
  const m = t.match(/(\d[\d,]*)/);
  return m ? Number(m[1].replace(/,/g, '')) : 0;
};
const chartTotal = async () => Number(await s.attr('#timeline-chart', 'data-total'));

/** Types one incident into the open form without the mouse and saves with Ctrl+Enter. */
async function typeIncident(when, category, categoryId, narrative) {
  // The form is ready for the next incident once its time field is empty again.
  await s.until('an empty form', async () => (await s.exec('return document.querySelector("#incident-when").value')) === '');
  await s.type('#incident-when', when);
  await s.until(`the time to be understood (${when})`, async () => /\d{4}/.test(await s.text('#incident-when-parsed')));
  // The category list takes the first letters of a label, as a keyboard user types it.
  await s.keys(TAB);
  await s.typeIntoSelect(category);
  const chosen = await s.exec('return document.querySelector("#incident-category").value');
  assert.equal(chosen, categoryId, `typing "${category}" chooses the category`);
  await s.type('#incident-narrative', narrative);
  await s.keys(CTRL + ENTER + CTRL);
}

test('three incidents entered by keyboard appear in the list and the chart', async () => {
  await s.click('#tab-timeline');
  await s.find('#add-incident-button');
  await s.screenshot(SHOTS, 't01-timeline-empty');
  await s.exec('document.activeElement && document.activeElement.blur()');
  await s.keys('n');
  await s.find('#incident-form');
  await typeIncident('3/2/2026 9:30 pm', 'Texts', 'texts', 'Eleven texts in an hour asking where she is.');
  await s.until('the first save', async () => (await s.text('#incident-saved-count')).includes('1'));
  await typeIncident('3/4/2026 7:45 am', 'Watching', 'watching', 'Parked across from her work when she arrived.');
  await s.until('the second save', async () => (await s.text('#incident-saved-count')).includes('2'));
  await typeIncident('early March 2026', 'Letters', 'lettersGifts', 'Flowers left on her car with no card.');
  await s.until('the third save', async () => (await s.text('#incident-saved-count')).includes('3'));
  await s.screenshot(SHOTS, 't02-incident-form');
  await s.keys(ESC);
  await s.until('three incidents in the list', async () => (await count()) === 3);
  await s.until('the chart to count three', async () => (await chartTotal()) === 3);
  assert.ok(await s.exists('#timeline-chart .chart-bars path[data-group]'), 'the chart draws bars');
  await s.screenshot(SHOTS, 't03-timeline-three');
});

test('filtering by behaviour group narrows the list and the chart', async () => {
  await s.click('[data-group-chip="surveillance"]');
  await s.until('only the surveillance incident', async () => (await count()) === 1);
  await s.until('the chart to follow the filter', async () => (await chartTotal()) === 1);
  await s.screenshot(SHOTS, 't04-filter-surveillance');
  await s.click('[data-group-chip="surveillance"]');
  await s.until('all three again', async () => (await count()) === 3);
  await s.type('#filter-text', 'flowers');
  await s.until('the text filter', async () => (await count()) === 1);
  await s.erase('#filter-text');
  await s.until('all three again', async () => (await count()) === 3);
});

test("a victim's log with a bad row is refused whole, then imported once fixed", async () => {
  const bad = [
    'Date,Time,Description,Location,Police Contacted?,Officer,Badge #,Report #',
    '3/6/2026,8:10 PM,Called 6 times from a blocked number,Home,No,,,',
    'the week after,,"Left a note on the door: ""I\'ll wait""",Home,,,,',
    '3/9/2026,,Followed her car to the gym,Gym,Yes,Ofc. Ruiz,812,26-1183',
  ].join(ENTER); // Enter in the text area starts a new line
  await s.click('#import-button');
  await s.find('#import-dialog');
  await s.type('#import-paste', bad);
  await s.click('#import-paste-submit');
  const problems = await s.until('the problems list', async () => (await s.text('#import-problems')).trim(), 15000);
  assert.match(problems, /line 3/i);
  assert.equal(await s.enabled('#import-commit'), false, 'nothing can be imported while a row is bad');
  await s.screenshot(SHOTS, 't05-import-bad-row');
  assert.equal(await count(), 3, 'nothing was written');

  await s.click('#import-back');
  await s.type('#import-paste', bad.replace('the week after', '3/7/2026'));
  await s.click('#import-paste-submit');
  await s.until('a clean preview', async () => (await s.enabled('#import-commit')) === true, 15000);
  await s.screenshot(SHOTS, 't06-import-clean');
  await s.click('#import-commit');
  await s.until('six incidents', async () => (await count()) === 6, 15000);
  await s.until('the chart to count six', async () => (await chartTotal()) === 6);
  await s.screenshot(SHOTS, 't07-timeline-after-import');
});
