// Case management in the real window: a protective order marks the incident
// that happened while it was in force; closing a case needs a reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFresh, setUp, createCase } from './flows.mjs';

const SHOTS = process.env.VIGIL_SCREENSHOTS ?? 'target/e2e-screenshots';
const CTRL = '\uE009';
const ENTER = '\uE007';
const TAB = '\uE004';
let app;
let s;

before(async () => {
  app = await startFresh();
  s = app.s;
  await setUp(s);
  await createCase(s, '2026-0900', 'Order violations');
});

after(async () => {
  await app?.stop();
});

test('an incident during a served order is marked as a violation', async () => {
  await s.click('#tab-timeline');
  await s.click('#add-incident-button');
  await s.find('#incident-form');
  for (const [when, narrative] of [
    ['3/1/2026 6:00 pm', 'Texts before the order.'],
    ['3/20/2026 6:00 pm', 'Texts after the order was served.'],
  ]) {
    await s.until('an empty form', async () => (await s.exec('return document.querySelector("#incident-when").value')) === '');
    await s.type('#incident-when', when);
    await s.until('the time to be understood', async () => /\d{4}/.test(await s.text('#incident-when-parsed')));
    await s.keys(TAB);
    await s.typeIntoSelect('Texts');
    await s.type('#incident-narrative', narrative);
    await s.keys(CTRL + ENTER + CTRL);
  }
  await s.until('two saved', async () => (await s.text('#incident-saved-count')).includes('2'));
  await s.keys('\uE00C');
  assert.equal(await s.exists('[data-order-violation]'), false, 'no order yet, no violation');

  await s.click('#tab-management');
  await s.click('#order-add');
  await s.find('#order-form');
  await s.type('#order-court', 'County Superior Court');
  await s.setValue('#order-issued', '2026-03-05');
  await s.setValue('#order-served', '2026-03-10');
  await s.setValue('#order-expires', '2026-09-10');
  await s.type('#order-terms', 'No contact; stay 100 yards away from home and work');
  await s.click('#order-save');
  await s.until('the order in the table', async () => (await s.text('#orders-table')).includes('County Superior Court'));
  await s.screenshot(SHOTS, 'm01-order-saved');

  await s.click('#tab-timeline');
  await s.until('one violation marked', async () =>
    (await s.exec('return document.querySelectorAll("#incident-list [data-order-violation]").length')) === 1,
  );
  await s.screenshot(SHOTS, 'm02-violation-on-timeline');
});

test('closing the case needs a reason and is kept in the history', async () => {
  await s.click('#tab-management');
  await s.click('#status-change');
  await s.find('#status-form');
  await s.click('input[name="status-to"][value="closed"]');
  await s.click('#status-save');
  assert.ok(await s.exists('#status-form'), 'the dialog stays open without a reason');
  await s.type('#status-reason', 'Suspect moved out of state; victim informed and safety plan updated.');
  await s.click('#status-save');
  await s.until('the case to be closed', async () => /closed/i.test(await s.text('#status-current')));
  assert.match(await s.text('#status-history'), /moved out of state/);
  await s.screenshot(SHOTS, 'm03-status-closed');
});
