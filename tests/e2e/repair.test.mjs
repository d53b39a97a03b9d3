// Mending the workspace in the real window: case files the register does not
// list are offered back in the sidebar; a lost register is rebuilt from the
// unlock screen, each file reported.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from './webdriver.mjs';
import { PASS } from './flows.mjs';

const SHOTS = process.env.VIGIL_SCREENSHOTS ?? 'target/e2e-screenshots';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-repair-'));
const ws = path.join(dir, 'ws');
let s;

function cli(args) {
  const bin = path.join(path.dirname(process.env.VIGIL_APP), 'vigil');
  return execFileSync(bin, ['--workspace', ws, ...args], {
    env: { ...process.env, VIGIL_PASSPHRASE: PASS, VIGIL_ANCHOR_DIR: path.join(dir, 'anchors') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function open() {
  s = await Session.start(process.env.VIGIL_APP, ['--workspace', ws]);
  await s.type('#unlock-passphrase', PASS);
  await s.click('#unlock-submit');
}

after(async () => {
  await s?.end();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a case file missing from an older register is shown in the sidebar and restored', async () => {
  cli(['init', '--name', 'Dana Reyes', '--badge', '4471', '--unit', 'TMU', '--agency', 'Eastfield PD', '--unlock-ms', '50']);
  cli(['case', 'new', '--number', 'R-1', '--title', 'Older case']);
  fs.copyFileSync(path.join(ws, 'workspace.db'), path.join(dir, 'older.db'));
  cli(['case', 'new', '--number', 'R-2', '--title', 'Newer case']);
  for (const ext of ['', '-wal', '-shm']) fs.rmSync(path.join(ws, `workspace.db${ext}`), { force: true });
  fs.copyFileSync(path.join(dir, 'older.db'), path.join(ws, 'workspace.db'));

  await open();
  await s.until('the sidebar note', async () => (await s.text('#unregistered-cases').catch(() => '')).includes('R-2.vigil'), 20000);
  assert.match(await s.text('#unregistered-cases'), /1 case file is not in the list/);
  await s.screenshot(SHOTS, 'r01-unregistered-in-sidebar');
  await s.click('#unregistered-cases button');
  await s.until('the restored case to open', async () => (await s.text('#case-heading').catch(() => '')).includes('R-2'), 20000);
  assert.equal(await s.exists('#unregistered-cases'), false);
  await s.end();
  s = null;
});

test('a lost register is rebuilt from the unlock screen, file by file', async () => {
  for (const ext of ['', '-wal', '-shm']) fs.rmSync(path.join(ws, `workspace.db${ext}`), { force: true });
  await open();
  await s.until('the repair offer', () => s.exists('#repair-offer'), 20000);
  assert.match(await s.text('#unlock-error'), /workspace repair|Repair/);
  await s.screenshot(SHOTS, 'r02-repair-offered');
  await s.click('#repair-button');
  await s.until('the report', () => s.exists('#repair-report'), 20000);
  const report = await s.text('#repair-report');
  assert.match(report, /R-1\.vigil\s*R-1\s*Checked and restored/);
  assert.match(report, /R-2\.vigil\s*R-2\s*Checked and restored/);
  await s.screenshot(SHOTS, 'r03-repair-report');
  await s.click('#repair-continue');
  // The profile lived only in the lost register: it is asked for again.
  await s.type('#profile-name', 'Dana Reyes');
  await s.type('#profile-badge', '4471');
  await s.type('#profile-unit', 'TMU');
  await s.type('#profile-agency', 'Eastfield PD');
  await s.click('#profile-submit');
  await s.until('both cases listed', async () => (await s.exists('[data-case-number="R-1"]')) && (await s.exists('[data-case-number="R-2"]')), 20000);
});
