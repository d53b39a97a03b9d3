import { expect, it, vi } from 'vitest';
vi.mock('@tauri-apps/api/event', () => ({ emit: vi.fn(async () => {}) }));
import { makePacketHandler } from '../mockPacket';
import { makeIncidentHandler } from '../mockIncidents';
import { makeEvidenceHandler } from '../mockEvidence';

it('mock packet works', async () => {
  const detail = (n: string) => ({ header: { number: n, title: 'T' }, readOnly: n === '2023-1102' }) as never;
  const inc = makeIncidentHandler('main');
  const ev = makeEvidenceHandler('main', { detail, actor: () => 'Dana Whitfield (badge 4471)' });
  const p = makePacketHandler('main', {
    detail,
    actor: () => 'Dana Whitfield (badge 4471)',
    incidents: (n) => inc.incidentsOf(n),
    exhibits: async (n) => (await ev.handle('list_exhibits', { number: n, incident: null }))!.value as never,
  });
  const st = (await p.handle('list_statutes', {}))!.value as { id: string; elements: unknown[] }[];
  console.log(st.map((s) => `${s.id} ${s.elements.length}`));
  const m = (await p.handle('elements_matrix', { number: '2024-0173' }))!.value as { rows: { element: { id: string }; incidents: unknown[]; exhibits: { label: string; linked: boolean }[] }[]; gaps: { level: string; message: string }[] };
  console.log(m.rows.map((r) => `${r.element.id}: ${r.incidents.length} inc, ${r.exhibits.map((e) => e.label + (e.linked ? '*' : '')).join(',')}`));
  console.log(m.gaps);
  const m2 = (await p.handle('elements_matrix', { number: '2024-0190' }))!.value as { gaps: unknown[] };
  console.log(m2.gaps);
  const m3 = (await p.handle('set_case_statutes', { number: '2024-0190', ids: ['us-ca-pc-646.9'] }))!.value as { gaps: unknown[] };
  console.log(m3.gaps);
  vi.useFakeTimers({ shouldAdvanceTime: true, advanceTimeDelta: 200 });
  const pages = (await p.handle('preview_packet', { number: '2024-0173', options: { profile: 'training', sections: [], statutes: [], paper: null } }))?.value;
  console.log('pages', pages, p.previewUrl());
  expect(pages).toBeGreaterThan(3);
}, 20000);
