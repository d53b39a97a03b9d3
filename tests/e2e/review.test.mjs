// Supervisor review in the real window. The investigator's workspace (A) and
// the supervisor's (B) are made with the CLI: A exports a signed packet and
// seals a review copy; B receives the copy. In B's window the supervisor
// opens the packet, trusts the signer by fingerprint, sees the dashboard,
// leaves two comments and returns it; in A's window the review is applied
// and its points are shown.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from './webdriver.mjs';
import { PASS, answerNativeDialog } from './flows.mjs';

const SHOTS = process.env.VIGIL_SCREENSHOTS ?? 'target/e2e-screenshots';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-review-'));
const wsA = path.join(dir, 'investigator');
const wsB = path.join(dir, 'supervisor');
const packet = path.join(dir, 'RV-9-packet.pdf');
const copy = path.join(dir, 'RV-9-review.vigil');
const reviewFile = path.join(dir, 'RV-9-returned.json');
const HANDOVER = 'Orchard window 42 brass';
let s;

function cli(ws, args, extraEnv = {}) {
  const bin = path.join(path.dirname(process.env.VIGIL_APP), 'vigil');
  return execFileSync(bin, ['--workspace', ws, ...args], {
    env: { ...process.env, VIGIL_PASSPHRASE: PASS, VIGIL_ANCHOR_DIR: path.join(dir, 'anchors'), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
}

async function openWorkspace(ws) {
  await s?.end();
  s = await Session.start(process.env.VIGIL_APP, ['--workspace', ws]);
  await s.type('#unlock-passphrase', PASS);
  await s.click('#unlock-submit');
  await s.until('the main screen', () => s.exists('#review-packet-button'), 20000);
}

after(async () => {
  await s?.end();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the supervisor checks, trusts, comments on and returns a packet', async () => {
  cli(wsA, ['init', '--name', 'Dana Reyes', '--badge', '4471', '--unit', 'TMU', '--agency', 'Eastfield PD', '--unlock-ms', '50']);
  cli(wsA, ['case', 'new', '--number', 'RV-9', '--title', 'Messages and visits']);
  for (const [when, category, narrative] of [
    ['2026-10-02 21:30', 'texts', 'Thirty texts overnight'],
    ['2026-10-09 08:00', 'showingUp', 'Waited outside her work'],
    ['2026-10-15 19:00', 'following', 'Followed her car home'],
  ]) {
    cli(wsA, ['incident', 'add', 'RV-9', '--when', when, '--category', category, '--narrative', narrative, '--tz', 'UTC']);
  }
  const note = path.join(dir, 'note.txt');
  fs.writeFileSync(note, 'A note left on the windscreen (fictional)\n');
  cli(wsA, ['evidence', 'add', 'RV-9', note, '--kind', 'document', '--description', 'Note on the windscreen']);
  cli(wsA, ['packet', 'export', 'RV-9', '--profile', 'prosecutor', '--out', packet]);
  const hp = path.join(dir, 'hp.txt');
  fs.writeFileSync(hp, `${HANDOVER}\n`);
  cli(wsA, ['case', 'seal', 'RV-9', '--review', '--out', copy, '--handover-passphrase-file', hp]);

  cli(wsB, ['init', '--name', 'Sam Ortiz', '--badge', '210', '--unit', 'TMU', '--agency', 'Eastfield PD', '--unlock-ms', '50']);
  cli(wsB, ['case', 'receive', copy], { VIGIL_HANDOVER_PASSPHRASE: HANDOVER });

  await openWorkspace(wsB);
  await s.click('#review-packet-button');
  await answerNativeDialog('Review a packet', packet);
  await s.until('the verdict', () => s.exists('#review-verdict'), 30000);
  assert.match(await s.text('#review-verdict'), /Intact, but the signer is not trusted yet/);
  assert.match(await s.text('#review-verdict'), /Dana Reyes/);
  assert.equal(await s.enabled('#approve-packet'), false);
  await s.until('the packet drawn', () => s.exists('.pdf-slot[data-drawn="true"]'), 30000);
  await s.until('the bookmarks', () => s.exists('#packet-bookmarks button'), 10000);
  await s.screenshot(SHOTS, 'v01-packet-unknown-signer');

  // The fingerprint as the investigator would read it out: the first four groups.
  const grouped = (await s.text('#signer-fingerprint')).split(/\s+/).filter(Boolean);
  assert.equal(grouped.length, 16);
  await s.type('#heard-fingerprint', grouped.slice(0, 4).join(' '));
  await s.click('#trust-signer');
  await s.until('the trusted verdict', async () => /signed by an investigator you trust/.test(await s.text('#review-verdict')), 20000);
  assert.equal(await s.exists('#trust-panel'), false);

  // The dashboard of the received copy.
  const dash = await s.text('#review-dashboard');
  assert.match(dash, /Completeness of case RV-9/);
  assert.match(dash, /Exhibit custody/);
  assert.match(dash, /Packet against the case copy/);
  assert.equal(await s.attr('[data-key="custody"]', 'data-ok'), 'false');

  // Two comments: one on the exhibit, one on the whole packet.
  await s.setValue('#comment-anchor', 'exhibit');
  await s.until('the exhibit choice', () => s.exists('#comment-target'));
  await s.type('#comment-text', 'Record where the note is stored now');
  await s.click('#add-comment');
  await s.setValue('#comment-anchor', 'packet');
  await s.type('#comment-text', 'Reassess risk after the latest incident');
  await s.click('#add-comment');
  const comments = await s.text('#review-comments');
  assert.match(comments, /Exhibit RV-9-E001/);
  assert.match(comments, /Whole packet/);
  await s.type('#review-summary', 'Two points before referral');
  await s.screenshot(SHOTS, 'v02-dashboard-and-comments');
  await s.click('#return-packet');
  await answerNativeDialog('Save the signed review', reviewFile, { save: true });
  await s.until('the review written', () => s.exists('#review-written'), 30000);
  assert.match(await s.text('#review-written'), /Returned/);
  assert.ok(fs.existsSync(reviewFile));
  const written = JSON.parse(fs.readFileSync(reviewFile, 'utf8'));
  assert.equal(written.review.decision, 'return');
  assert.equal(written.review.comments.length, 2);
  await s.screenshot(SHOTS, 'v03-returned');

  // The agenda lists the case, last reviewed today.
  await s.click('#agenda-button');
  await s.until('the agenda', () => s.exists('[data-case="RV-9"]'), 20000);
  assert.match(await s.text('[data-case="RV-9"]'), /Returned/);
  await s.until('the register of reviews', () => s.exists('#review-register'), 10000);
  assert.match(await s.text('#review-register'), /RV-9\s*Returned\s*Dana Reyes\s*2/);
  await s.screenshot(SHOTS, 'v04-agenda');
  // The signer is listed in Settings, with the fingerprint in groups.
  await s.click('#settings-button');
  await s.until('the trusted signers', async () => /Dana Reyes/.test(await s.text('#trusted-signers').catch(() => '')), 10000);
  assert.match(await s.text('#trusted-signers'), new RegExp(grouped.slice(0, 4).join(' ')));
  await s.end();
  s = null;
});

test('the investigator applies the review and sees its points on the case and the exhibit', async () => {
  await openWorkspace(wsA);
  await s.click('[data-case-number="RV-9"]');
  await s.until('the case heading', async () => (await s.text('#case-heading').catch(() => '')).includes('RV-9'), 20000);
  await s.click('#apply-review-button');
  await answerNativeDialog('Apply a review', reviewFile);
  await s.until('the returned banner', () => s.exists('#case-review-banner'), 30000);
  assert.match(await s.text('#case-review-banner'), /Returned: 2 points to address/);
  assert.match(await s.text('#case-review-banner'), /Sam Ortiz/);
  await s.screenshot(SHOTS, 'v05-applied');
  await s.click('input[data-point="2"]');
  await s.until('one point left', async () => /Returned: 1 point to address/.test(await s.text('#case-review-banner')), 20000);
  // The exhibit carries its comment.
  await s.click('#tab-evidence');
  await s.until('the exhibit', () => s.exists('[data-exhibit-number="RV-9-E001"]'), 20000);
  await s.click('[data-exhibit-number="RV-9-E001"] td');
  await s.until('the comment on the exhibit', () => s.exists('#exhibit-detail [data-testid="review-notes"]'), 20000);
  assert.match(await s.text('#exhibit-detail [data-testid="review-notes"]'), /Record where the note is stored now/);
  await s.screenshot(SHOTS, 'v06-comment-on-exhibit');
});
