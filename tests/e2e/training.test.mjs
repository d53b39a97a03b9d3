// Training mode in the real window: the demo opened from the first-start
// screen, marked TRAINING on every screen and in the window title; the
// presenter's walk with the keyboard, a reset, and a trainee's debrief.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startFresh } from './flows.mjs';

const SHOTS = process.env.VIGIL_SCREENSHOTS ?? 'target/e2e-screenshots';
const RIGHT = '\uE014';
const LEFT = '\uE012';
let app;
let s;

after(async () => {
  await app?.stop();
});

test('a class opens the demo, walks the presenter view, resets it and reads a debrief', async () => {
  app = await startFresh();
  s = app.s;
  await s.until('the first-start screen', () => s.exists('#open-demo'), 20000);
  assert.match(await s.text('#demo-passphrase'), /\S+ \S+/);
  await s.screenshot(SHOTS, 't01-first-start-with-demo');
  await s.click('#open-demo');
  await s.until('the training workspace', () => s.exists('#training-button'), 60000);
  assert.match(await s.text('#training-band'), /TRAINING/);
  // The window's own title says so too.
  const found = execFileSync('xdotool', ['search', '--name', 'TRAINING'], { timeout: 10000 }).toString().trim();
  assert.ok(found.length > 0, 'a window titled TRAINING');
  // The three scenario cases are there.
  for (const n of ['TRN-1', 'TRN-2', 'TRN-3']) {
    assert.ok(await s.exists(`[data-case-number="${n}"]`), n);
  }

  await s.click('#training-button');
  await s.until('the scenarios', () => s.exists('[data-scenario="first-call"]'), 20000);
  await s.screenshot(SHOTS, 't02-scenarios');
  await s.click('[data-scenario="first-call"] [data-action="present"]');
  await s.until('the presenter view', () => s.exists('#presenter-intro'), 20000);
  await s.keys(RIGHT);
  await s.keys(RIGHT);
  await s.keys(RIGHT);
  await s.until('step 3', async () => /Step 3 of \d+/.test(await s.text('#presenter-position')), 10000);
  assert.ok(await s.exists('#presenter-step'));
  await s.keys('a');
  await s.until("the victim's answers", () => s.exists('.presenter-says'), 10000);
  await s.screenshot(SHOTS, 't03-presenter-step-3');
  await s.keys(LEFT);
  await s.until('back to step 2', async () => /Step 2 of/.test(await s.text('#presenter-position')), 10000);
  assert.equal(await s.exists('.presenter-says'), false, 'answers hidden again on a new step');

  await s.click('#presenter-reset');
  await s.until('the reset confirmation', () => s.exists('#presenter-reset-confirm'), 10000);
  await s.click('#presenter-reset-confirm .button-danger-solid');
  await s.until('the reset note', () => s.exists('#presenter-reset-note'), 30000);
  assert.match(await s.text('#presenter-reset-note'), /TRN-1 is back at the start/);
  assert.match(await s.text('#presenter-position'), /Introduction/);
  await s.screenshot(SHOTS, 't04-presenter-reset');
  await s.keys('\uE00C'); // Escape
  await s.until('the presenter closed', async () => !(await s.exists('#presenter')), 10000);

  await s.click('[data-scenario="first-call"] [data-action="debrief"]');
  await s.until('the debrief', () => s.exists('#debrief'), 20000);
  const text = await s.text('#debrief');
  assert.match(text, /Debrief of case TRN-1: 0 of \d+ found \(0%\)/);
  assert.match(text, /Missed/);
  assert.match(text, /Why it matters/);
  await s.screenshot(SHOTS, 't05-debrief');

  // On a trainee's laptop: the victim answers a protocol question only when asked.
  await s.click('[data-scenario="first-call"] [data-action="open-case"]');
  await s.until('the case', async () => (await s.text('#case-heading').catch(() => '')).includes('TRN-1'), 20000);
  await s.click('#tab-protocol');
  await s.until('the ask button', () => s.exists('.ask-victim[data-item="victimSafeNow"] button'), 20000);
  assert.equal(await s.exists('.ask-victim-says'), false);
  await s.click('.ask-victim[data-item="victimSafeNow"] button');
  await s.until('the answer', () => s.exists('.ask-victim-says'), 10000);
  assert.match(await s.text('.ask-victim[data-item="victimSafeNow"]'), /The victim says:/);
  await s.screenshot(SHOTS, 't06-ask-the-victim');
});
