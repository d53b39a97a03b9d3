// People in the real window: a confidential address stays masked until revealed,
// and identifiers are searchable across the case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFresh, setUp, createCase } from './flows.mjs';

const SHOTS = process.env.VIGIL_SCREENSHOTS ?? 'target/e2e-screenshots';
let app;
let s;

before(async () => {
  app = await startFresh();
  s = app.s;
  await setUp(s);
  await createCase(s, '2026-0700', 'Unwanted visits');
  await s.click('#tab-people');
  await s.find('#add-person-button');
});

after(async () => {
  await app?.stop();
});

async function addPerson(role, name, identifiers) {
  await s.click('#add-person-button');
  await s.find('#person-dialog');
  await s.click('#person-role');
  await s.typeIntoSelect(role);
  await s.type('#person-name', name);
  for (const [i, [kind, value, confidential]] of identifiers.entries()) {
    if (!(await s.exists(`#person-ident-value-${i}`))) await s.click('#person-add-identifier');
    await s.click(`#person-ident-kind-${i}`);
    await s.typeIntoSelect(kind);
    await s.type(`#person-ident-value-${i}`, value);
    if (confidential) {
      await s.exec(
        `document.querySelectorAll('.identifier-confidential input')[${i}].click()`,
      );
    }
  }
  await s.click('#person-save');
  await s.until(`${name} to be listed`, async () => (await s.text('main')).includes(name));
}

test('a confidential address is masked until revealed', async () => {
  await addPerson('Victim', 'Alex Moreno', [
    ['Address', '12 Hidden Lane, Unit 4', true],
    ['Phone', '(555) 010-7788', false],
  ]);
  const page = await s.text('main');
  assert.ok(!page.includes('12 Hidden Lane'), 'the confidential address is not on screen');
  assert.ok(page.includes('(555) 010-7788'));
  assert.ok(await s.exists('[data-confidential="true"]'));
  // Not hidden by styling: the web view never received it.
  const html = await s.exec('return document.documentElement.outerHTML;');
  assert.ok(!html.includes('Hidden Lane'), 'the masked value is nowhere in the page');
  await s.screenshot(SHOTS, 'p01-people-masked');
  await s.click('[data-confidential="true"] .reveal-toggle');
  await s.until('the revealed address', async () => (await s.text('main')).includes('12 Hidden Lane, Unit 4'));
  await s.click('[data-confidential="true"] .reveal-toggle');
  await s.until('the address masked again', async () => !(await s.text('main')).includes('12 Hidden Lane'));
});

test('identifiers are searchable across the case, phones by digits', async () => {
  await addPerson('Suspect', 'Jordan Pike', [['Phone', '+1 555-010-9911', false]]);
  await s.type('#people-search', '5550109911');
  await s.until('the search hit', async () => (await s.text('#people-search-results')).includes('Jordan Pike'));
  await s.screenshot(SHOTS, 'p02-people-search');
});
