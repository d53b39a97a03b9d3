// The case packet in the real window: choose a statute, see the gaps the
// matrix finds, preview, and export a defence-discovery copy through the
// native save dialog with the progress bar; the file is a signed PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answerNativeDialog, startFresh, setUp, createCase } from './flows.mjs';

const SHOTS = process.env.VIGIL_SCREENSHOTS ?? 'target/e2e-screenshots';
const CTRL = '\uE009';
const ENTER = '\uE007';
const TAB = '\uE004';
let app;
let s;
let outDir;

before(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-packet-'));
  app = await startFresh();
  s = app.s;
  await setUp(s);
  await createCase(s, '2026-0800', 'Texts and threats');
  await s.click('#tab-timeline');
  await s.click('#add-incident-button');
  await s.find('#incident-form');
  await s.type('#incident-when', '3/2/2026 9:30 pm');
  await s.until('the time to be understood', async () => /\d{4}/.test(await s.text('#incident-when-parsed')));
  await s.keys(TAB);
  await s.typeIntoSelect('Texts');
  await s.type('#incident-narrative', 'Forty texts overnight.');
  await s.keys(CTRL + ENTER + CTRL);
  await s.until('the incident in the list', async () => (await s.text('main')).includes('Forty texts overnight'));
  await s.keys('\uE00C');
});

after(async () => {
  await app?.stop();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

test('choosing a statute shows what the proof is missing', async () => {
  await s.click('[data-tab="packet"]');
  await s.find('[data-testid="statute-choice"]');
  const box = await s.exec(
    'const l = [...document.querySelectorAll("[data-testid=statute-choice] input[type=checkbox]")].find(i => (document.getElementById(i.getAttribute("aria-labelledby"))?.textContent ?? "").includes("California Penal Code")); l.id = l.id || "e2e-ca-statute"; return l.id;',
  );
  await s.click(`#${box}`);
  await s.until('the gaps of the California statute', async () => {
    const t = await s.text('[data-testid="gap-list"]');
    return /threat/i.test(t) && /at least two/i.test(t);
  });
  await s.screenshot(SHOTS, 'packet-01-matrix-gaps');
});

test('a discovery copy is exported with progress and is a signed PDF', async () => {
  await s.click('input[name="packet-profile"][value="discovery"]');
  await s.click('[data-action="preview-packet"]');
  await s.until(
    'the preview pages',
    async () => await s.exec('return [...document.querySelectorAll("canvas")].some(c => c.width > 100)'),
    30000,
  );
  await s.screenshot(SHOTS, 'packet-02-preview');
  const file = path.join(outDir, 'discovery.pdf');
  // Watch for the progress bar from before the click: the export of a small
  // case takes a moment only.
  await s.exec(
    'window.__sawProgress = false; window.__progressObserver = new MutationObserver(() => { if (document.querySelector("[role=progressbar]")) window.__sawProgress = true; }); window.__progressObserver.observe(document.body, { subtree: true, childList: true, attributes: true });',
  );
  await s.click('[data-action="export-packet"]');
  await answerNativeDialog('Save the case packet', file, { save: true });
  await s.until('the export result', () => s.exists('[data-testid="packet-result"]'), 30000);
  assert.ok(fs.existsSync(file), 'the file was written where the user chose');
  const sha = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  assert.ok((await s.text('[data-testid="packet-result"]')).replace(/\s+/g, '').includes(sha), 'the result shows the file hash');
  const sig = execFileSync('pdfsig', [file]).toString();
  assert.match(sig, /Signature is Valid\./);
  assert.match(sig, /Total document signed/);
  const text = execFileSync('pdftotext', [file, '-']).toString();
  assert.match(text, /DEFENCE DISCOVERY COPY/);
  assert.equal(await s.exec('window.__progressObserver.disconnect(); return window.__sawProgress'), true, 'the progress bar showed');
  await s.screenshot(SHOTS, 'packet-03-exported');
});
