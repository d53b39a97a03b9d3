import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { Spinner } from '../components/Spinner';
import { listOrders, saveOrder, type OrderInput, type OrderKind, type ProtectiveOrder } from '../ipc/commands';
import { todayIsoDate } from '../lib/format';
import { optionsOf, ORDER_KIND_LABELS } from '../lib/labels';
import { asList, newIdIn, optional } from '../lib/records';

interface OrderDialogProps {
  number: string;
  /** null = a new order. */
  order: ProtectiveOrder | null;
  defaultKind?: OrderKind;
  /** The case's orders after saving, and the id of the one saved. */
  onSaved(list: ProtectiveOrder[], id: string | null): void;
  onClose(): void;
  explain(e: unknown): string;
}

const KINDS = optionsOf(ORDER_KIND_LABELS);

interface Values {
  kind: OrderKind;
  court: string;
  issuedOn: string;
  servedOn: string;
  expiresOn: string;
  terms: string;
}

/** Add or edit a protective order: kind, court, dates and terms. */
export function OrderDialog({ number, order, defaultKind = 'temporary', onSaved, onClose, explain }: OrderDialogProps) {
  const [v, setV] = useState<Values>(() => {
    const i = order?.input;
    return {
      kind: i?.kind ?? defaultKind,
      court: i?.court ?? '',
      issuedOn: i?.issuedOn ?? todayIsoDate(),
      servedOn: i?.servedOn ?? '',
      expiresOn: i?.expiresOn ?? '',
      terms: i?.terms ?? '',
    };
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issuedMissing, setIssuedMissing] = useState(false);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((prev) => ({ ...prev, [k]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!v.issuedOn) {
      setIssuedMissing(true);
      document.getElementById('order-issued')?.focus();
      return;
    }
    setIssuedMissing(false);
    const input: OrderInput = {
      kind: v.kind,
      court: v.court.trim(),
      issuedOn: v.issuedOn,
      servedOn: optional(v.servedOn),
      expiresOn: optional(v.expiresOn),
      terms: v.terms.trim(),
    };
    setBusy(true);
    setError(null);
    try {
      const before = order ? [] : asList(await listOrders(number));
      const list = asList(await saveOrder(number, order?.id ?? null, input));
      onSaved(list, order ? order.id : newIdIn(before, list));
    } catch (err) {
      setError(explain(err));
      setBusy(false);
    }
  };

  return (
    <Dialog id="order-dialog" title={order ? 'Edit protective order' : 'Record a protective order'} onClose={onClose} busy={busy} className="dialog-wide">
      <form id="order-form" className="form" onSubmit={submit} noValidate aria-busy={busy ? 'true' : undefined}>
        <fieldset className="fieldset-plain" disabled={busy}>
          <div className="field-row">
            <div className="field">
              <label htmlFor="order-kind">Kind of order</label>
              <select id="order-kind" className="input" value={v.kind} data-autofocus="" onChange={(e) => set('kind', e.target.value as OrderKind)}>
                {KINDS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="order-court">Court or issuing authority</label>
              <input id="order-court" className="input" type="text" autoComplete="off" value={v.court} onChange={(e) => set('court', e.target.value)} />
            </div>
          </div>
          <div className="field-grid field-grid-3">
            <div className="field">
              <label htmlFor="order-issued">
                Issued on<span className="required-mark" aria-hidden="true"> *</span>
              </label>
              <input
                id="order-issued"
                className="input"
                type="date"
                required
                aria-required="true"
                aria-invalid={issuedMissing ? 'true' : undefined}
                aria-describedby={issuedMissing ? 'order-issued-error' : undefined}
                value={v.issuedOn}
                onChange={(e) => set('issuedOn', e.target.value)}
              />
              {issuedMissing ? (
                <p id="order-issued-error" className="field-error">
                  Give the date the order was issued.
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="order-served">Served on</label>
              <input id="order-served" className="input" type="date" value={v.servedOn} aria-describedby="order-served-hint" onChange={(e) => set('servedOn', e.target.value)} />
              <p id="order-served-hint" className="hint">
                Empty while not served. Incidents count as violations only once it is served.
              </p>
            </div>
            <div className="field">
              <label htmlFor="order-expires">Expires on</label>
              <input id="order-expires" className="input" type="date" min={v.issuedOn || undefined} value={v.expiresOn} onChange={(e) => set('expiresOn', e.target.value)} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="order-terms">Terms</label>
            <textarea
              id="order-terms"
              className="input"
              rows={3}
              value={v.terms}
              aria-describedby="order-terms-hint"
              onChange={(e) => set('terms', e.target.value)}
            />
            <p id="order-terms-hint" className="hint">
              For example no contact, stay 100 m away from home and work, surrender firearms.
            </p>
          </div>
        </fieldset>
        <div id="order-error" role="alert" className="form-error">
          {error}
        </div>
        <div className="form-actions">
          <button id="order-save" type="submit" className="button button-primary" disabled={busy}>
            {busy ? (
              <>
                <Spinner /> Saving…
              </>
            ) : order ? (
              'Save changes'
            ) : (
              'Save order'
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
