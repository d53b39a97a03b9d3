// The evidence register in the real window: a photo picked in the native
// file dialog becomes an exhibit of an incident, its SHA-256 and preview show,
// a custody event is recorded, the protocol's evidence item is satisfied,
// and no byte of the photo is left in plaintext on disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { answerNativeDialog, startFresh, setUp, createCase } from './flows.mjs';

const SHOTS = process.env.VIGIL_SCREENSHOTS ?? 'target/e2e-screenshots';
const CTRL = '\uE009';
const ENTER = '\uE007';
const TAB = '\uE004';
const MARKER = 'ZQXE2EPHOTO7731';
let app;
let s;
let started;
let photoDir;
let photo;

/** A real PNG (a gradient) with a text chunk holding the marker. */
function makePng(file, w, h) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // depth
  ihdr[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) {
      row[1 + x * 3] = (x * 255) / w;
      row[2 + x * 3] = (y * 255) / h;
      row[3 + x * 3] = 160;
    }
    rows.push(row);
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0${MARKER}`)),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  fs.writeFileSync(file, png);
  return png;
}

/** Files under `dir` changed since the test started. */
function recentFiles(dir) {
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (p.startsWith(photoDir)) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        try {
          if (fs.statSync(p).mtimeMs >= started) out.push(p);
        } catch {
          /* gone */
        }
      }
    }
  };
  walk(dir);
  return out;
}

before(async () => {
  started = Date.now() - 1000;
  photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-photo-'));
  photo = path.join(photoDir, 'windscreen-note.png');
  makePng(photo, 320, 200);
  app = await startFresh();
  s = app.s;
  await setUp(s);
  await createCase(s, '2026-0700', 'Notes left on the car');
  // One incident for the exhibit to concern.
  await s.click('#tab-timeline');
  await s.click('#add-incident-button');
  await s.find('#incident-form');
  await s.type('#incident-when', '3/2/2026 8:00 am');
  await s.until('the time to be understood', async () => /\d{4}/.test(await s.text('#incident-when-parsed')));
  await s.keys(TAB);
  await s.typeIntoSelect('Letters');
  await s.type('#incident-narrative', 'A note left on the windscreen.');
  await s.keys(CTRL + ENTER + CTRL);
  await s.until('the incident in the list', async () => (await s.text('main')).includes('A note left on the windscreen'));
  await s.keys('\uE00C'); // Escape closes the form
});

after(async () => {
  await app?.stop();
  if (photoDir) fs.rmSync(photoDir, { recursive: true, force: true });
});

test('a photo picked in the file dialog becomes an exhibit with its hash and preview', async () => {
  await s.click('[data-tab="evidence"]');
  await s.click('[data-action="add-evidence"]');
  await s.find('[data-action="choose-files"]');
  await s.click('[data-action="choose-files"]');
  await answerNativeDialog('Attach evidence files', photo);
  await s.until('the chosen file in the dialog', async () => (await s.text('#exhibit-files-list')).includes('windscreen-note.png'), 15000);
  await s.click('#exhibit-kind');
  await s.typeIntoSelect('Photo');
  await s.type('#exhibit-description', 'Photo of the note on the windscreen');
  await s.click('[data-action="link-incidents"]');
  await s.until('the incident picker', async () => (await s.text('#incident-picker')).includes('A note left on the windscreen'));
  await s.click('#incident-picker input[type="checkbox"]');
  await s.click('#incident-picker-done');
  await s.until('the linked incident', async () => (await s.exec('return document.querySelectorAll("[aria-label=\'Linked incidents\'] li").length')) === 1);
  await s.screenshot(SHOTS, 'evidence-01-add-dialog');
  await s.click('[data-action="add-exhibits"]');
  await s.until('the exhibit in the register', () => s.exists('[data-exhibit-number="2026-0700-E001"]'), 20000);
  await s.click('[data-exhibit-number="2026-0700-E001"] td');
  const want = crypto.createHash('sha256').update(fs.readFileSync(photo)).digest('hex');
  await s.until('the full SHA-256', async () => (await s.text('[data-testid="exhibit-sha256"]')).replace(/\s+/g, '').includes(want));
  await s.until(
    'the preview image to load',
    async () =>
      await s.exec('const i = document.querySelector("[data-testid=exhibit-preview] img"); return !!i && i.complete && i.naturalWidth === 320;'),
    15000,
  );
  await s.screenshot(SHOTS, 'evidence-02-detail-preview');
});

test('a custody event re-checks the hash and joins the chain', async () => {
  await s.click('[data-action="record-custody"]');
  await s.find('#custody-kind');
  await s.click('#custody-kind');
  await s.typeIntoSelect('Transfer');
  await s.type('#custody-to', 'Latent prints unit');
  await s.type('#custody-purpose', 'Examine the note for prints');
  await s.click('[data-action="save-custody"]');
  await s.until('two custody events', async () => (await s.exec('return document.querySelectorAll("[data-testid=custody-list] li").length')) === 2);
  const list = await s.text('[data-testid="custody-list"]');
  assert.match(list, /Latent prints unit/);
  assert.match(list, /hash matched/i);
  await s.exec('document.querySelector("[data-testid=custody-list]").scrollIntoView({ block: "center" })');
  await s.screenshot(SHOTS, 'evidence-03-custody');
});

test("the protocol's evidence item is satisfied by linking the exhibit", async () => {
  await s.click('#tab-protocol');
  await s.find('#omissions-panel');
  const hasOmission = () => s.exists('[data-omission-item="recordEvidenceItems"]');
  if (!(await s.exec('return !document.querySelector("#omissions-panel").hidden'))) await s.click('#omissions-toggle');
  assert.equal(await hasOmission(), true, 'the evidence item starts open');
  await s.click('[data-omission-item="recordEvidenceItems"]');
  await s.until('the exhibit checkbox', () => s.exists('input[name="recordEvidenceItems"][data-exhibit-number="2026-0700-E001"]'));
  await s.click('input[name="recordEvidenceItems"][data-exhibit-number="2026-0700-E001"]');
  await s.until('the omission to close', async () => !(await hasOmission()));
  await s.screenshot(SHOTS, 'evidence-04-protocol-item');
});

test('no byte of the photo is on disk in plaintext after ingest, preview and lock', async () => {
  await s.click('#lock-button');
  await s.find('#unlock-passphrase', { timeout: 15000 });
  const places = [app.workspace, os.tmpdir(), path.join(os.homedir(), '.cache'), path.join(os.homedir(), '.local', 'share')];
  const hits = [];
  for (const dir of places) {
    for (const f of recentFiles(dir)) {
      let bytes;
      try {
        bytes = fs.readFileSync(f);
      } catch {
        continue;
      }
      if (bytes.includes(Buffer.from(MARKER))) hits.push(f);
    }
  }
  assert.deepEqual(hits, [], 'plaintext of the attachment found');
});
