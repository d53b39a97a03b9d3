// End-to-end tests of the real Vigil window (tauri-driver + WebKitWebDriver,
// under Xvfb). Run by tests/e2e/run.sh, which starts the display and driver.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from './webdriver.mjs';

const APP = process.env.VIGIL_APP;
const SHOTS = process.env.VIGIL_SCREENSHOTS ?? 'target/e2e-screenshots';
const PASS = 'Lantern river 7 copper';

let s;
let workspace;

before(async () => {
  assert.ok(APP && fs.existsSync(APP), `VIGIL_APP must point at the built app (got ${APP})`);
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
  s = await Session.start(APP, ['--workspace', path.join(workspace, 'ws')]);
});

after(async () => {
  await s?.end();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

test('first start asks for the investigator and a strong passphrase, then shows the recovery key once', async () => {
  assert.equal(await s.title(), 'Vigil');
  await s.find('#setup-name');
  await s.type('#setup-name', 'Dana Reyes');
  await s.type('#setup-badge', '4471');
  await s.type('#setup-unit', 'Threat Management Unit');
  await s.type('#setup-agency', 'Eastfield Police Department');
  await s.type('#setup-passphrase', 'short');
  await s.type('#setup-confirm', 'short');
  // A weak passphrase keeps the button disabled and says why.
  await s.until('reasons for the weak passphrase', async () => (await s.text('main')).includes('at least 10'));
  assert.equal(await s.enabled('#setup-submit'), false);
  await s.screenshot(SHOTS, '01-setup-weak-passphrase');

  await s.type('#setup-passphrase', PASS);
  await s.type('#setup-confirm', PASS);
  await s.until('the set-up button to enable', () => s.enabled('#setup-submit'));
  await s.screenshot(SHOTS, '02-setup-strong-passphrase');
  await s.click('#setup-submit');

  const key = await s.until('the recovery key', async () => (await s.text('#recovery-key')).trim(), 20000);
  assert.match(key.replace(/\s+/g, ''), /^VGL2(-[0-9A-Z]{4}){14}$/);
  assert.equal(await s.enabled('#recovery-continue'), false, 'continue waits for the acknowledgement');
  await s.screenshot(SHOTS, '03-recovery-key');
  await s.click('#recovery-ack');
  await s.click('#recovery-continue');
  await s.find('#empty-state');
  await s.screenshot(SHOTS, '04-no-cases-yet');
});

test('creating a case lists it and opens its overview', async () => {
  await s.click('#new-case-button');
  await s.type('#case-number', '2026-0417');
  await s.type('#case-title', 'Repeated contact after separation');
  assert.equal((await s.attr('#case-investigator', 'value')) ?? '', 'Dana Reyes', 'defaults to the investigator');
  await s.screenshot(SHOTS, '05-new-case-dialog');
  await s.click('#case-submit');
  await s.find('#case-list [data-case-number="2026-0417"]');
  const heading = await s.until('the case heading', async () => {
    const t = await s.text('#case-heading');
    return t.includes('2026-0417') && t;
  });
  assert.match(heading, /Repeated contact after separation/);
  await s.screenshot(SHOTS, '06-case-overview');
});

test('a duplicate case number is refused in the dialog', async () => {
  await s.click('#new-case-button');
  await s.type('#case-number', '2026-0417');
  await s.type('#case-title', 'Second try');
  await s.click('#case-submit');
  const err = await s.until('the duplicate error', async () => (await s.text('#case-error')).trim());
  assert.match(err, /already exists/);
  await s.screenshot(SHOTS, '07-duplicate-case');
  await s.keys('\uE00C'); // Escape closes the dialog
  await s.until('the dialog to close', async () => !(await s.exists('#case-number')));
});

test('verifying the case file reports every check as passed', async () => {
  await s.click('#verify-button');
  await s.until('the verify report', async () => (await s.attr('#verify-report', 'data-ok')) === 'true');
  const report = await s.text('#verify-report');
  for (const check of ['Page authentication', 'Audit chain', 'Records match the audit trail']) {
    assert.ok(report.includes(check), `report lists ${check}`);
  }
  await s.screenshot(SHOTS, '08-verify-report');
});

test('locking clears the window; a wrong passphrase is refused; the right one brings the case back', async () => {
  await s.click('#lock-button');
  await s.find('#unlock-passphrase', { timeout: 15000 });
  const body = await s.text('body');
  assert.ok(!body.includes('Repeated contact'), 'no case content remains on the lock screen');
  await s.screenshot(SHOTS, '09-locked');

  await s.type('#unlock-passphrase', 'Lantern river 8 copper');
  await s.click('#unlock-submit');
  const err = await s.until('the wrong-passphrase message', async () => (await s.text('#unlock-error')).trim(), 15000);
  assert.match(err, /passphrase is not correct/i);
  await s.screenshot(SHOTS, '10-wrong-passphrase');

  await s.type('#unlock-passphrase', PASS);
  await s.click('#unlock-submit');
  await s.find('#case-list [data-case-number="2026-0417"]', { timeout: 15000 });
  const banner = await s.text('#failed-attempts-banner');
  assert.match(banner, /1 failed/);
  await s.screenshot(SHOTS, '11-unlocked-with-warning');
});

test('the keyboard shortcut Ctrl+L locks', async () => {
  await s.exec('document.body.focus()');
  await s.keys('\uE009l\uE009'); // Control down, l, Control up
  await s.find('#unlock-passphrase', { timeout: 15000 });
  await s.type('#unlock-passphrase', PASS + '\uE007'); // Enter submits
  await s.find('#case-list [data-case-number="2026-0417"]', { timeout: 15000 });
  await s.screenshot(SHOTS, '12-unlocked-by-keyboard');
});
