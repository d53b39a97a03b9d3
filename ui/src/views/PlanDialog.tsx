import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { Spinner } from '../components/Spinner';
import { listPlan, savePlanItem, type PlanInput, type PlanItem, type PlanKind, type PlanStatus } from '../ipc/commands';
import { todayIsoDate } from '../lib/format';
import { optionsOf, PLAN_KIND_LABELS, PLAN_STATUS_LABELS } from '../lib/labels';
import { asList, newIdIn, optional } from '../lib/records';

interface PlanDialogProps {
  number: string;
  /** null = a new item. */
  item: PlanItem | null;
  defaultKind?: PlanKind;
  /** The plan after saving, and the id of the item saved. */
  onSaved(list: PlanItem[], id: string | null): void;
  onClose(): void;
  explain(e: unknown): string;
}

const KINDS = optionsOf(PLAN_KIND_LABELS);
const STATUSES = optionsOf(PLAN_STATUS_LABELS);

interface Values {
  kind: PlanKind;
  owner: string;
  startOn: string;
  dueOn: string;
  status: PlanStatus;
  outcome: string;
}

/** Add or edit a management-plan item: a referral, warning, order or monitoring task. */
export function PlanDialog({ number, item, defaultKind = 'advocate', onSaved, onClose, explain }: PlanDialogProps) {
  const [v, setV] = useState<Values>(() => {
    const i = item?.input;
    return {
      kind: i?.kind ?? defaultKind,
      owner: i?.owner ?? '',
      startOn: i?.startOn ?? todayIsoDate(),
      dueOn: i?.dueOn ?? '',
      status: i?.status ?? 'planned',
      outcome: i?.outcome ?? '',
    };
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ owner: boolean; start: boolean }>({ owner: false, start: false });
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((prev) => ({ ...prev, [k]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const m = { owner: v.owner.trim() === '', start: v.startOn === '' };
    setMissing(m);
    if (m.owner || m.start) {
      document.getElementById(m.owner ? 'plan-owner' : 'plan-start')?.focus();
      return;
    }
    const input: PlanInput = {
      kind: v.kind,
      owner: v.owner.trim(),
      startOn: v.startOn,
      dueOn: optional(v.dueOn),
      status: v.status,
      outcome: v.outcome.trim(),
    };
    setBusy(true);
    setError(null);
    try {
      const before = item ? [] : asList(await listPlan(number));
      const list = asList(await savePlanItem(number, item?.id ?? null, input));
      onSaved(list, item ? item.id : newIdIn(before, list));
    } catch (err) {
      setError(explain(err));
      setBusy(false);
    }
  };

  return (
    <Dialog id="plan-dialog" title={item ? 'Edit plan item' : 'Add to the management plan'} onClose={onClose} busy={busy} className="dialog-wide">
      <form id="plan-form" className="form" onSubmit={submit} noValidate aria-busy={busy ? 'true' : undefined}>
        <fieldset className="fieldset-plain" disabled={busy}>
          <div className="field-row">
            <div className="field">
              <label htmlFor="plan-kind">What</label>
              <select id="plan-kind" className="input" value={v.kind} onChange={(e) => set('kind', e.target.value as PlanKind)}>
                {KINDS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="plan-owner">
                Who (agency or person)<span className="required-mark" aria-hidden="true"> *</span>
              </label>
              <input
                id="plan-owner"
                className="input"
                type="text"
                autoComplete="off"
                required
                aria-required="true"
                data-autofocus=""
                aria-invalid={missing.owner ? 'true' : undefined}
                aria-describedby={missing.owner ? 'plan-owner-error' : undefined}
                value={v.owner}
                onChange={(e) => set('owner', e.target.value)}
              />
              {missing.owner ? (
                <p id="plan-owner-error" className="field-error">
                  Say who is responsible, for example the advocacy service or the officer.
                </p>
              ) : null}
            </div>
          </div>
          <div className="field-grid field-grid-3">
            <div className="field">
              <label htmlFor="plan-start">
                Started on<span className="required-mark" aria-hidden="true"> *</span>
              </label>
              <input
                id="plan-start"
                className="input"
                type="date"
                required
                aria-required="true"
                aria-invalid={missing.start ? 'true' : undefined}
                value={v.startOn}
                onChange={(e) => set('startOn', e.target.value)}
              />
              {missing.start ? <p className="field-error">Give the start date.</p> : null}
            </div>
            <div className="field">
              <label htmlFor="plan-due">Answer or follow-up due</label>
              <input id="plan-due" className="input" type="date" value={v.dueOn} aria-describedby="plan-due-hint" onChange={(e) => set('dueOn', e.target.value)} />
              <p id="plan-due-hint" className="hint">
                Shown on the due list while requested or awaiting an answer.
              </p>
            </div>
            <div className="field">
              <label htmlFor="plan-status">Status</label>
              <select id="plan-status" className="input" value={v.status} onChange={(e) => set('status', e.target.value as PlanStatus)}>
                {STATUSES.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="plan-outcome">Outcome</label>
            <textarea id="plan-outcome" className="input" rows={3} value={v.outcome} onChange={(e) => set('outcome', e.target.value)} />
          </div>
        </fieldset>
        <div id="plan-error" role="alert" className="form-error">
          {error}
        </div>
        <div className="form-actions">
          <button id="plan-save" type="submit" className="button button-primary" disabled={busy}>
            {busy ? (
              <>
                <Spinner /> Saving…
              </>
            ) : item ? (
              'Save changes'
            ) : (
              'Save'
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
