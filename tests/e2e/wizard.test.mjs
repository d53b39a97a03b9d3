// The guided protocol in the real window: walk the patrol preliminary
// investigation, create the suspect and two incidents from the wizard's
// answers, watch the omissions panel shrink, record a risk assessment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFresh, setUp, createCase } from './flows.mjs';

const SHOTS = process.env.VIGIL_SCREENSHOTS ?? 'target/e2e-screenshots';
const TAB = '\uE004';
let app;
let s;

before(async () => {
  app = await startFresh();
  s = app.s;
  await setUp(s);
  await createCase(s, '2026-0800', 'Ex-partner after separation');
  await s.click('#tab-protocol');
  await s.find('#omissions-count');
});

after(async () => {
  await app?.stop();
});

const open = async () => ({
  required: Number(await s.attr('#omissions-count', 'data-required')),
  recommended: Number(await s.attr('#omissions-count', 'data-recommended')),
});

async function goToStep(stepId) {
  if (!(await s.exists(`[data-nav-step="${stepId}"]`))) await s.click('[data-stage-id="patrol"]');
  await s.click(`[data-nav-step="${stepId}"]`);
  await s.find(`[data-step-id="${stepId}"]`);
}

async function answerYes(itemId) {
  await s.click(`input[name="${itemId}"][value="yes"]`);
  await s.until(`${itemId} to be saved`, async () => (await s.attr(`[data-item-id="${itemId}"]`, 'data-answered')) === 'true');
}

async function addIncidentFromItem(itemId, when, category, narrative) {
  const before = await s.exec(`return document.querySelectorAll('[data-item-id="${itemId}"] [data-linked-id]').length`);
  await s.click(`[data-item-id="${itemId}"] [data-action="add-incident"]`);
  await s.find('#incident-form');
  await s.type('#incident-when', when);
  await s.until('the time to be understood', async () => /\d{4}/.test(await s.text('#incident-when-parsed')));
  await s.keys(TAB);
  await s.typeIntoSelect(category);
  await s.type('#incident-narrative', narrative);
  await s.click('#incident-save');
  await s.until('the incident to be linked', async () =>
    (await s.exec(`return document.querySelectorAll('[data-item-id="${itemId}"] [data-linked-id]').length`)) === before + 1,
  );
}

let start;

test('the patrol preliminary investigation is walked step by step', async () => {
  start = await open();
  assert.ok(start.required > 0, 'a new case starts with required items open');
  await s.screenshot(SHOTS, 'w01-protocol-start');
  await goToStep('safeResponse');
  await answerYes('sceneSecure');
  await answerYes('medicalOffered');
  // Next moves through the stage in order.
  await s.click('#wizard-next');
  await s.find('[data-step-id="victimInterview"]');
  await answerYes('interviewedPrivately');
  await s.screenshot(SHOTS, 'w02-protocol-interview');
  const now = await open();
  assert.ok(now.required < start.required || now.recommended < start.recommended, 'answers shrink the omissions');
});

test('answers create the suspect and two incidents as real records', async () => {
  await goToStep('everyIncident');
  await answerYes('askedEveryEarlierIncident');
  await addIncidentFromItem('recordEachIncident', '2/14/2026 8:00 pm', 'Texts', 'Forty messages on Valentine\'s evening.');
  await addIncidentFromItem('recordEachIncident', '2/20/2026', 'Watching', 'Seen parked outside her work at closing time.');
  await s.screenshot(SHOTS, 'w03-protocol-incidents');

  await goToStep('relationshipHistory');
  await s.click('[data-item-id="suspectPerson"] [data-action="add-person"]');
  await s.find('#person-dialog');
  await s.type('#person-name', 'Jordan Pike');
  await s.click('#person-save');
  await s.until('the suspect to be linked', async () =>
    (await s.exec(`return document.querySelectorAll('[data-item-id="suspectPerson"] [data-linked-id]').length`)) === 1,
  );
  await s.screenshot(SHOTS, 'w04-protocol-suspect');

  const after = await open();
  assert.ok(after.required <= start.required - 3, `required open went from ${start.required} to ${after.required}`);

  // The records are real: they are on the timeline and in People.
  await s.click('#tab-timeline');
  await s.until('two incidents on the timeline', async () => (await s.text('#incident-count')).includes('2'));
  await s.click('#tab-people');
  await s.until('the suspect in People', async () => (await s.text('main')).includes('Jordan Pike'));
});

test('a risk assessment is recorded with a judged level and reasons', async () => {
  await s.click('#tab-risk');
  await s.click('#risk-new');
  await s.find('#risk-form');
  await s.click('input[name="risk-level"][value="high"]');
  await s.type('#risk-reasons', 'Recent separation, messages escalating, waits at her work.');
  await s.screenshot(SHOTS, 'w05-risk-form');
  await s.click('#risk-save');
  await s.until('the assessment in the history', async () => /high/i.test(await s.text('main')) && !(await s.exists('#risk-form')));
  await s.screenshot(SHOTS, 'w06-risk-history');
});
