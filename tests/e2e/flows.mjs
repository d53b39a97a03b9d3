// Shared steps of the end-to-end tests.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from './webdriver.mjs';

export const PASS = 'Lantern river 7 copper';

/** Starts the app on a fresh workspace folder. */
export async function startFresh() {
  const app = process.env.VIGIL_APP;
  if (!app || !fs.existsSync(app)) throw new Error(`VIGIL_APP must point at the built app (got ${app})`);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
  const s = await Session.start(app, ['--workspace', path.join(workspace, 'ws')]);
  return {
    s,
    workspace,
    async stop() {
      await s.end();
      fs.rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/** First-start set-up, through the recovery key, to the main screen. */
export async function setUp(s) {
  await s.type('#setup-name', 'Dana Reyes');
  await s.type('#setup-badge', '4471');
  await s.type('#setup-unit', 'Threat Management Unit');
  await s.type('#setup-agency', 'Eastfield Police Department');
  await s.type('#setup-passphrase', PASS);
  await s.type('#setup-confirm', PASS);
  await s.until('the set-up button to enable', () => s.enabled('#setup-submit'));
  await s.click('#setup-submit');
  await s.until('the recovery key', async () => (await s.text('#recovery-key')).trim(), 20000);
  await s.click('#recovery-ack');
  await s.click('#recovery-continue');
  await s.find('#empty-state');
}

/** Creates a case through the dialog and waits for its overview. */
export async function createCase(s, number, title) {
  await s.click('#new-case-button');
  await s.type('#case-number', number);
  await s.type('#case-title', title);
  await s.click('#case-submit');
  await s.until('the case heading', async () => (await s.text('#case-heading')).includes(number));
}

/**
 * Answers the GTK file dialog titled `title` that the app opened, as a user
 * would: focus it, select what is typed (a save dialog's name, or ctrl+L's
 * location bar in an open dialog), type `file`, press Enter.
 */
export async function answerNativeDialog(title, file, { save = false } = {}) {
  const id = execFileSync('xdotool', ['search', '--sync', '--name', title], { timeout: 15000 })
    .toString()
    .trim()
    .split('\n')[0];
  execFileSync('xdotool', ['windowfocus', '--sync', id]);
  await new Promise((r) => setTimeout(r, 400));
  execFileSync('xdotool', ['key', '--window', id, save ? 'ctrl+a' : 'ctrl+l']);
  await new Promise((r) => setTimeout(r, 300));
  execFileSync('xdotool', ['type', '--window', id, '--delay', '15', file]);
  await new Promise((r) => setTimeout(r, 300));
  execFileSync('xdotool', ['key', '--window', id, 'Return']);
}
