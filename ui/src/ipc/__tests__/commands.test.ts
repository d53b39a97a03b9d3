import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => false), convertFileSrc: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

import { convertFileSrc, invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import * as commands from '../commands';

const invokeMock = vi.mocked(invoke);

describe('asCommandError', () => {
  it('passes a backend CommandError through', () => {
    expect(commands.asCommandError({ kind: 'validation', message: 'Give the case a title.' })).toEqual({
      kind: 'validation',
      message: 'Give the case a title.',
    });
  });

  it('turns strings, Errors and unknown kinds into kind "internal"', () => {
    expect(commands.asCommandError('command not found')).toEqual({ kind: 'internal', message: 'command not found' });
    expect(commands.asCommandError(new TypeError('x is undefined'))).toEqual({
      kind: 'internal',
      message: 'x is undefined',
    });
    expect(commands.asCommandError({ kind: 'somethingNew', message: 'New thing' })).toEqual({
      kind: 'internal',
      message: 'New thing',
    });
  });

  it('always gives the user a message', () => {
    for (const e of [undefined, null, 42, '', {}, { kind: 'internal', message: '' }]) {
      const err = commands.asCommandError(e);
      expect(err.kind).toBe('internal');
      expect(err.message.length).toBeGreaterThan(0);
    }
  });
});

describe('command wrappers', () => {
  beforeEach(() => {
    invokeMock.mockResolvedValue(null);
  });

  it('use the Rust command names and camelCase argument names', async () => {
    await commands.assessPassphrase('pw', null);
    expect(invokeMock).toHaveBeenLastCalledWith('assess_passphrase', { passphrase: 'pw', profile: null });

    await commands.unlockWithRecoveryKey('KEY');
    expect(invokeMock).toHaveBeenLastCalledWith('unlock_with_recovery_key', { recoveryKey: 'KEY' });

    const nc = { number: '1', title: 't', openedOn: null, assignedInvestigator: null, agencyReports: [] };
    await commands.createCase(nc);
    expect(invokeMock).toHaveBeenLastCalledWith('create_case', { case: nc });

    await commands.sealCase('2024-1', 'hand over pw', 'review');
    expect(invokeMock).toHaveBeenLastCalledWith('seal_case', {
      number: '2024-1',
      handoverPassphrase: 'hand over pw',
      mode: 'review',
    });

    await commands.receiveCase('hp');
    expect(invokeMock).toHaveBeenLastCalledWith('receive_case', { handoverPassphrase: 'hp' });

    await commands.changePassphrase('old', 'new');
    expect(invokeMock).toHaveBeenLastCalledWith('change_passphrase', { current: 'old', next: 'new', rotate: false });

    await commands.changePassphrase('old', 'new', true);
    expect(invokeMock).toHaveBeenLastCalledWith('change_passphrase', { current: 'old', next: 'new', rotate: true });

    await commands.repairWorkspace('pw', false);
    expect(invokeMock).toHaveBeenLastCalledWith('repair_workspace', { secret: 'pw', recovery: false });

    await commands.adoptCase('A-1.vigil');
    expect(invokeMock).toHaveBeenLastCalledWith('adopt_case', { fileName: 'A-1.vigil' });

    await commands.revealIdentifier('n', 'p', 'i');
    expect(invokeMock).toHaveBeenLastCalledWith('reveal_identifier', { number: 'n', personId: 'p', identifierId: 'i' });

    await commands.updateCase('n', { title: 't', openedOn: '2024-01-01', assignedInvestigator: 'a', agencyReports: [] });
    expect(invokeMock).toHaveBeenLastCalledWith('update_case', {
      number: 'n',
      patch: { title: 't', openedOn: '2024-01-01', assignedInvestigator: 'a', agencyReports: [] },
    });

    await commands.saveSettings({ idleMinutes: 5 });
    expect(invokeMock).toHaveBeenLastCalledWith('save_settings', { settings: { idleMinutes: 5 } });

    await commands.lockWorkspace();
    expect(invokeMock).toHaveBeenLastCalledWith('lock_workspace', undefined);
  });

  it('name the people, incident, import and export commands and their arguments as Rust expects', async () => {
    const filter = { groups: ['surveillance'], categories: [], personId: null, from: '2026-01-01', to: null, tag: null, text: 'car' };
    const cases: Array<[() => Promise<unknown>, string, Record<string, unknown> | undefined]> = [
      [() => commands.getTaxonomy(), 'get_taxonomy', undefined],
      [() => commands.parseWhen('early March 2026', 'Europe/London'), 'parse_when', { text: 'early March 2026', tz: 'Europe/London' }],
      [() => commands.listPeople('n'), 'list_people', { number: 'n' }],
      [() => commands.deletePerson('n', 'p1'), 'delete_person', { number: 'n', id: 'p1' }],
      [() => commands.searchIdentifiers('n', '0770'), 'search_identifiers', { number: 'n', query: '0770' }],
      [() => commands.deleteIncident('n', 'i1'), 'delete_incident', { number: 'n', id: 'i1' }],
      [() => commands.getIncident('n', 'i1'), 'get_incident', { number: 'n', id: 'i1' }],
      [() => commands.listIncidents('n', filter, 200, 200), 'list_incidents', { number: 'n', filter, offset: 200, limit: 200 }],
      [() => commands.incidentHistogram('n', filter, 'week'), 'incident_histogram', { number: 'n', filter, bucket: 'week' }],
      [() => commands.listTags('n'), 'list_tags', { number: 'n' }],
      [() => commands.importPickFile(), 'import_pick_file', undefined],
      [() => commands.importFromText('a,b', 'pasted text'), 'import_from_text', { text: 'a,b', name: 'pasted text' }],
      [() => commands.importPreview(['date', null]), 'import_preview', { mapping: ['date', null] }],
      [() => commands.importCommit('n', ['date', null]), 'import_commit', { number: 'n', mapping: ['date', null] }],
      [() => commands.importCancel(), 'import_cancel', undefined],
      [() => commands.exportIncidents('n', 'json'), 'export_incidents', { number: 'n', format: 'json' }],
    ];
    for (const [run, name, args] of cases) {
      await run();
      expect(invokeMock).toHaveBeenLastCalledWith(name, args);
    }
    const person = { role: 'suspect' as const, name: 'D', relationship: 'exPartner' as const, notes: '', identifiers: [] };
    await commands.savePerson('n', null, person);
    expect(invokeMock).toHaveBeenLastCalledWith('save_person', { number: 'n', id: null, person });
    const incident = { occurred: 'x' } as unknown as commands.IncidentInput;
    await commands.addIncident('n', incident);
    expect(invokeMock).toHaveBeenLastCalledWith('add_incident', { number: 'n', incident });
    await commands.updateIncident('n', 'i1', incident);
    expect(invokeMock).toHaveBeenLastCalledWith('update_incident', { number: 'n', id: 'i1', incident });
  });

  it('name the protocol, risk and case-management commands and their arguments as Rust expects', async () => {
    const answer = { value: 'yes', values: [], note: '' };
    const assessment = {
      assessedOn: '2026-03-01',
      level: 'high' as const,
      reasons: 'r',
      typology: null,
      factors: [{ factorId: 'threats', rating: 'present' as const, source: 'victim', date: '' }],
      instruments: [],
      nextReview: null,
    };
    const order = { kind: 'civil' as const, court: 'C', issuedOn: '2026-01-01', servedOn: null, expiresOn: null, terms: '' };
    const legal = {
      kind: 'preservation' as const,
      provider: 'P',
      reference: '',
      sentOn: '2026-01-01',
      expiresOn: null,
      returnedOn: null,
      status: 'sent' as const,
      notes: '',
    };
    const item = { kind: 'advocate' as const, owner: 'O', startOn: '2026-01-01', dueOn: null, status: 'planned' as const, outcome: '' };
    const cases: Array<[() => Promise<unknown>, string, Record<string, unknown> | undefined]> = [
      [() => commands.getProtocol('n'), 'get_protocol', { number: 'n' }],
      [() => commands.answerItem('n', 'victimSafeNow', answer), 'answer_item', { number: 'n', itemId: 'victimSafeNow', answer }],
      [() => commands.upgradeProtocol('n'), 'upgrade_protocol', { number: 'n' }],
      [() => commands.getRiskCatalog(), 'get_risk_catalog', undefined],
      [() => commands.riskHistory('n'), 'risk_history', { number: 'n' }],
      [() => commands.addRiskAssessment('n', assessment), 'add_risk_assessment', { number: 'n', assessment }],
      [() => commands.statusOptions('n'), 'status_options', { number: 'n' }],
      [() => commands.changeStatus('n', 'closed', 'why'), 'change_status', { number: 'n', to: 'closed', reason: 'why' }],
      [() => commands.statusHistory('n'), 'status_history', { number: 'n' }],
      [() => commands.listOrders('n'), 'list_orders', { number: 'n' }],
      [() => commands.saveOrder('n', null, order), 'save_order', { number: 'n', id: null, order }],
      [() => commands.listLegal('n'), 'list_legal', { number: 'n' }],
      [() => commands.saveLegal('n', 'l1', legal), 'save_legal', { number: 'n', id: 'l1', legal }],
      [() => commands.listPlan('n'), 'list_plan', { number: 'n' }],
      [() => commands.savePlanItem('n', null, item), 'save_plan_item', { number: 'n', id: null, item }],
      [() => commands.dueList(), 'due_list', undefined],
    ];
    for (const [run, name, args] of cases) {
      await run();
      expect(invokeMock).toHaveBeenLastCalledWith(name, args);
    }
  });

  it('name the evidence commands and their arguments as Rust expects', async () => {
    const input = { description: 'Screenshot', kind: 'screenshot' } as unknown as commands.ExhibitInput;
    const custody: commands.CustodyInput = {
      kind: 'transfer',
      at: '',
      tz: 'Europe/London',
      byWhom: '',
      from: 'Store',
      to: 'Lab',
      place: '',
      purpose: 'Analysis',
      authority: '',
      corrects: null,
      note: '',
    };
    const cases: Array<[() => Promise<unknown>, string, Record<string, unknown> | undefined]> = [
      [() => commands.listExhibits('n'), 'list_exhibits', { number: 'n', incident: null }],
      [() => commands.listExhibits('n', 'i1'), 'list_exhibits', { number: 'n', incident: 'i1' }],
      [() => commands.getExhibit('n', 'n-E001'), 'get_exhibit', { number: 'n', exhibit: 'n-E001' }],
      [() => commands.pickEvidenceFiles(), 'pick_evidence_files', undefined],
      [() => commands.pendingEvidenceFiles(), 'pending_evidence_files', undefined],
      [() => commands.clearEvidenceFiles(), 'clear_evidence_files', undefined],
      [() => commands.addExhibits('n', input), 'add_exhibits', { number: 'n', input }],
      [() => commands.cancelIngest(), 'cancel_ingest', undefined],
      [() => commands.updateExhibit('n', 'x1', input), 'update_exhibit', { number: 'n', exhibit: 'x1', input }],
      [() => commands.recordCustody('n', 'x1', custody), 'record_custody', { number: 'n', exhibit: 'x1', input: custody }],
      [() => commands.deleteExhibit('n', 'x1', 'wrong case'), 'delete_exhibit', { number: 'n', exhibit: 'x1', reason: 'wrong case' }],
      [() => commands.exportExhibit('n', 'x1'), 'export_exhibit', { number: 'n', exhibit: 'x1' }],
      [() => commands.getExhibitFormat(), 'get_exhibit_format', undefined],
      [() => commands.setExhibitFormat('{case}-E{n:03}'), 'set_exhibit_format', { pattern: '{case}-E{n:03}' }],
      // Evidence items are answered with the linked exhibit ids, not a tick.
      [() => commands.answerItem('n', 'evidenceCollected', { value: '', values: ['x1'], note: '' }), 'answer_item', {
        number: 'n',
        itemId: 'evidenceCollected',
        answer: { value: '', values: ['x1'], note: '' },
      }],
    ];
    for (const [run, name, args] of cases) {
      await run();
      expect(invokeMock).toHaveBeenLastCalledWith(name, args);
    }
  });

  it('name the packet commands and their arguments as Rust expects', async () => {
    const options: commands.PacketOptions = { profile: 'discovery', sections: ['chronology', 'exhibits'], statutes: [], paper: 'a4' };
    const info: commands.PacketInfo = { charges: 'PC 646.9', custody: 'At large', safetyAlert: '', summary: '', relationship: '', recommendations: '' };
    const cases: Array<[() => Promise<unknown>, string, Record<string, unknown> | undefined]> = [
      [() => commands.listStatutes(), 'list_statutes', undefined],
      [() => commands.elementsMatrix('n'), 'elements_matrix', { number: 'n' }],
      [() => commands.setCaseStatutes('n', ['us-ca-pc-646.9']), 'set_case_statutes', { number: 'n', ids: ['us-ca-pc-646.9'] }],
      [() => commands.setElementLinks('n', 'incident', 'i1', ['threat', 'fear']), 'set_element_links', {
        number: 'n',
        record: 'incident',
        id: 'i1',
        elements: ['threat', 'fear'],
      }],
      [() => commands.getPacketInfo('n'), 'get_packet_info', { number: 'n' }],
      [() => commands.savePacketInfo('n', info), 'save_packet_info', { number: 'n', info }],
      [() => commands.packetHistory('n'), 'packet_history', { number: 'n' }],
      [() => commands.signingIdentity(), 'signing_identity', undefined],
      [() => commands.previewPacket('n', options), 'preview_packet', { number: 'n', options }],
      [() => commands.exportPacket('n', options), 'export_packet', { number: 'n', options }],
      [() => commands.cancelPacket(), 'cancel_packet', undefined],
    ];
    for (const [run, name, args] of cases) {
      await run();
      expect(invokeMock).toHaveBeenLastCalledWith(name, args);
    }
  });

  it('serves the packet preview on the vexhibit protocol with a cache-busting version', () => {
    expect(commands.packetPreviewUrl(3)).toBe('vexhibit://localhost/packet-preview?v=3');
    (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = { convertFileSrc: () => '' };
    try {
      vi.mocked(convertFileSrc).mockReturnValue('http://vexhibit.localhost/packet-preview');
      expect(commands.packetPreviewUrl(4)).toBe('http://vexhibit.localhost/packet-preview?v=4');
      expect(convertFileSrc).toHaveBeenCalledWith('packet-preview', 'vexhibit');
    } finally {
      delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
    }
  });

  it('knows the "cancelled" error kind', () => {
    expect(commands.asCommandError({ kind: 'cancelled', message: 'Cancelled.' })).toEqual({ kind: 'cancelled', message: 'Cancelled.' });
  });

  it('builds preview URLs on the vexhibit protocol from "<case>/<exhibit id>"', () => {
    // Outside Tauri: the form convertFileSrc gives on Linux and macOS.
    expect(commands.exhibitPreviewUrl('2024-0173', 'x1')).toBe('vexhibit://localhost/2024-0173%2Fx1');
    (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = { convertFileSrc: () => '' };
    try {
      vi.mocked(convertFileSrc).mockReturnValue('http://vexhibit.localhost/2024-0173%2Fx1');
      expect(commands.exhibitPreviewUrl('2024-0173', 'x1')).toBe('http://vexhibit.localhost/2024-0173%2Fx1');
      expect(convertFileSrc).toHaveBeenCalledWith('2024-0173/x1', 'vexhibit');
    } finally {
      delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
    }
  });

  it('reject with a normalised CommandError', async () => {
    invokeMock.mockRejectedValueOnce({ kind: 'wrongPassphrase', message: 'Wrong passphrase.' });
    await expect(commands.unlockWorkspace('x')).rejects.toEqual({ kind: 'wrongPassphrase', message: 'Wrong passphrase.' });

    invokeMock.mockRejectedValueOnce('Command unlock_workspace not found');
    await expect(commands.unlockWorkspace('x')).rejects.toEqual({
      kind: 'internal',
      message: 'Command unlock_workspace not found',
    });
  });

  it('pass a null result (dialog cancelled) through', async () => {
    invokeMock.mockResolvedValueOnce(null);
    await expect(commands.receiveCase('hp')).resolves.toBeNull();
  });
});

describe('onLocked', () => {
  it('does nothing outside Tauri', () => {
    const stop = commands.onLocked(() => {});
    expect(listen).not.toHaveBeenCalled();
    stop();
  });

  it('listens to vigil://locked inside Tauri and can stop listening', async () => {
    (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {};
    try {
      const unlisten = vi.fn();
      let handler: (() => void) | undefined;
      vi.mocked(listen).mockImplementation(async (_name, h) => {
        handler = h as () => void;
        return unlisten;
      });
      const cb = vi.fn();
      const stop = commands.onLocked(cb);
      expect(listen).toHaveBeenCalledWith('vigil://locked', expect.any(Function));
      await Promise.resolve();
      await Promise.resolve();
      handler?.();
      expect(cb).toHaveBeenCalledTimes(1);
      stop();
      expect(unlisten).toHaveBeenCalled();
    } finally {
      delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
    }
  });
});

describe('evidence events', () => {
  it('listen to evidence-progress and files-dropped inside Tauri and hand over the payload', async () => {
    (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {};
    try {
      const handlers = new Map<string, (e: { payload: unknown }) => void>();
      const unlisten = vi.fn();
      vi.mocked(listen).mockImplementation(async (name, h) => {
        handlers.set(name, h as (e: { payload: unknown }) => void);
        return unlisten;
      });
      const onProgress = vi.fn();
      const onDrop = vi.fn();
      const stopProgress = commands.onEvidenceProgress(onProgress);
      const stopDrop = commands.onFilesDropped(onDrop);
      expect(listen).toHaveBeenCalledWith('evidence-progress', expect.any(Function));
      expect(listen).toHaveBeenCalledWith('files-dropped', expect.any(Function));
      await Promise.resolve();
      await Promise.resolve();
      const event = { index: 1, count: 2, file: 'a.png', done: 10, total: 20 };
      handlers.get('evidence-progress')?.({ payload: event });
      handlers.get('files-dropped')?.({ payload: [{ name: 'a.png', size: 20 }] });
      expect(onProgress).toHaveBeenCalledWith(event);
      expect(onDrop).toHaveBeenCalledWith([{ name: 'a.png', size: 20 }]);
      stopProgress();
      stopDrop();
      expect(unlisten).toHaveBeenCalledTimes(2);
    } finally {
      delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
    }
  });

  it('listen to packet-progress inside Tauri', async () => {
    (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {};
    try {
      let handler: ((e: { payload: unknown }) => void) | undefined;
      const unlisten = vi.fn();
      vi.mocked(listen).mockImplementation(async (_name, h) => {
        handler = h as (e: { payload: unknown }) => void;
        return unlisten;
      });
      const cb = vi.fn();
      const stop = commands.onPacketProgress(cb);
      expect(listen).toHaveBeenCalledWith('packet-progress', expect.any(Function));
      await Promise.resolve();
      await Promise.resolve();
      handler?.({ payload: { stage: 'Signing', percent: 90 } });
      expect(cb).toHaveBeenCalledWith({ stage: 'Signing', percent: 90 });
      stop();
      expect(unlisten).toHaveBeenCalled();
    } finally {
      delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
    }
  });

  it('do nothing outside Tauri', () => {
    const stop = commands.onFilesDropped(() => {});
    expect(listen).not.toHaveBeenCalled();
    stop();
  });
});
