import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { Spinner } from '../components/Spinner';
import { WhenField } from '../components/WhenField';
import { recordCustody, type CustodyInput, type CustodyKind, type Exhibit } from '../ipc/commands';
import { formatDateTime } from '../lib/format';
import { CUSTODY_KIND_LABELS } from '../lib/labels';
import { browserTimeZone } from '../lib/tz';

interface CustodyDialogProps {
  number: string;
  exhibit: Exhibit;
  /** The exhibit with its new chain. */
  onSaved(exhibit: Exhibit): void;
  onClose(): void;
  explain(e: unknown): string;
}

/** Every kind but intake, which is recorded when the exhibit is taken in. */
const KINDS = (Object.keys(CUSTODY_KIND_LABELS) as CustodyKind[]).filter((k) => k !== 'intake');

type Text = 'at' | 'byWhom' | 'from' | 'to' | 'place' | 'purpose' | 'authority' | 'note';

const FIELDS: Array<{ key: Exclude<Text, 'at' | 'note'>; label: string; hint?: string }> = [
  { key: 'byWhom', label: 'By', hint: 'Who did it. Left empty: you.' },
  { key: 'from', label: 'From' },
  { key: 'to', label: 'To' },
  { key: 'place', label: 'Place' },
  { key: 'purpose', label: 'Purpose' },
  { key: 'authority', label: 'Authority', hint: 'The order or person that authorised it (release, destruction).' },
];

/**
 * Append one event to an exhibit's chain of custody: a transfer, check-out
 * or check-in, lab submission, return or destruction. Which fields each kind
 * needs is the core's rule: its message is shown as it comes.
 */
export function CustodyDialog({ number, exhibit, onSaved, onClose, explain }: CustodyDialogProps) {
  const [kind, setKind] = useState<CustodyKind>('transfer');
  const [v, setV] = useState<Record<Text, string>>({ at: '', byWhom: '', from: '', to: '', place: '', purpose: '', authority: '', note: '' });
  const [corrects, setCorrects] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tz] = useState(() => browserTimeZone());
  const set = (k: Text, value: string) => setV((prev) => ({ ...prev, [k]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const input: CustodyInput = {
      kind,
      at: v.at.trim(),
      tz,
      byWhom: v.byWhom.trim(),
      from: v.from.trim(),
      to: v.to.trim(),
      place: v.place.trim(),
      purpose: v.purpose.trim(),
      authority: v.authority.trim(),
      corrects: corrects || null,
      note: v.note.trim(),
    };
    setBusy(true);
    setError(null);
    try {
      const saved = await recordCustody(number, exhibit.id, input);
      onSaved(saved);
    } catch (err) {
      setError(explain(err));
      setBusy(false);
    }
  };

  return (
    <Dialog id="custody-dialog" title={`Record custody event: ${exhibit.number}`} onClose={onClose} busy={busy} className="dialog-wide">
      <form id="custody-form" className="form" onSubmit={submit} noValidate aria-busy={busy ? 'true' : undefined}>
        <p className="hint block">
          Events are added to the chain and never changed. To put a mistake right, record a new event that corrects the
          earlier one. For a file, its SHA-256 is checked again when the event is saved.
        </p>
        <fieldset className="fieldset-plain" disabled={busy}>
          <div className="field-row">
            <div className="field">
              <label htmlFor="custody-kind">Event</label>
              <select id="custody-kind" className="input" value={kind} data-autofocus="" onChange={(e) => setKind(e.target.value as CustodyKind)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {CUSTODY_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </div>
            <WhenField id="custody-at" label="When" value={v.at} onChange={(t) => set('at', t)} tz={tz} emptyHint="Left empty: now." />
          </div>
          <div className="field-grid">
            {FIELDS.map((f) => (
              <div className="field" key={f.key}>
                <label htmlFor={`custody-${f.key}`}>{f.label}</label>
                <input
                  id={`custody-${f.key}`}
                  className="input"
                  type="text"
                  autoComplete="off"
                  value={v[f.key]}
                  aria-describedby={f.hint ? `custody-${f.key}-hint` : undefined}
                  onChange={(e) => set(f.key, e.target.value)}
                />
                {f.hint ? (
                  <p id={`custody-${f.key}-hint`} className="hint">
                    {f.hint}
                  </p>
                ) : null}
              </div>
            ))}
          </div>
          <div className="field">
            <label htmlFor="custody-note">Note</label>
            <textarea id="custody-note" className="input" rows={2} value={v.note} onChange={(e) => set('note', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="custody-corrects">Corrects</label>
            <select id="custody-corrects" className="input" value={corrects} aria-describedby="custody-corrects-hint" onChange={(e) => setCorrects(e.target.value)}>
              <option value="">Nothing: a new event</option>
              {exhibit.custody.map((ev) => (
                <option key={ev.id} value={ev.id}>
                  #{ev.seq} {CUSTODY_KIND_LABELS[ev.kind]}, {formatDateTime(ev.at)}
                  {ev.byWhom ? `, ${ev.byWhom}` : ''}
                </option>
              ))}
            </select>
            <p id="custody-corrects-hint" className="hint">
              Choose the earlier event this one puts right, if it was recorded wrongly.
            </p>
          </div>
        </fieldset>
        <div id="custody-error" role="alert" className="form-error">
          {error}
        </div>
        <div className="form-actions">
          <button type="submit" id="custody-save" className="button button-primary" data-action="save-custody" disabled={busy}>
            {busy ? (
              <>
                <Spinner /> Saving…
              </>
            ) : (
              'Record event'
            )}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
