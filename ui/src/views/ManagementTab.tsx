import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Banner } from '../components/Banner';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';
import { StatusBadge } from '../components/StatusBadge';
import {
  listLegal,
  listOrders,
  listPlan,
  renewLegal,
  statusHistory,
  type CaseDetail,
  type CaseStatus,
  type LegalProcess,
  type PlanItem,
  type ProtectiveOrder,
  type StatusChange,
} from '../ipc/commands';
import { daysUntil, formatDate, formatDateTime } from '../lib/format';
import {
  LEGAL_KIND_LABELS,
  LEGAL_STATUS_LABELS,
  ORDER_KIND_LABELS,
  PLAN_KIND_LABELS,
  PLAN_STATUS_LABELS,
  plural,
} from '../lib/labels';
import { statusLabel } from '../lib/cases';
import { asList } from '../lib/records';
import { LegalDialog, PRESERVATION_DAYS } from './LegalDialog';
import { OrderDialog } from './OrderDialog';
import { PlanDialog } from './PlanDialog';
import { StatusDialog } from './StatusDialog';

interface ManagementTabProps {
  number: string;
  readOnly: boolean;
  status: CaseStatus;
  /** Bumped when orders, legal process or the plan changed elsewhere (the protocol). */
  version: number;
  onDetailChanged(d: CaseDetail): void;
  /** Something that feeds the due list changed here. */
  onChanged(): void;
  explain(e: unknown): string;
}

type Editing =
  | null
  | { what: 'status' }
  | { what: 'order'; record: ProtectiveOrder | null }
  | { what: 'legal'; record: LegalProcess | null }
  | { what: 'plan'; record: PlanItem | null };

interface Loaded<T> {
  list: T[] | null;
  error: string | null;
}

const none = <span className="muted">—</span>;

function DateCell({ value }: { value: string | null }) {
  return value ? <time dateTime={value}>{formatDate(value)}</time> : none;
}

/** "Expired", "Expires today", "in 12 days" next to a deadline. */
function Deadline({ value, active }: { value: string | null; active: boolean }) {
  if (!value) return none;
  const days = daysUntil(value);
  let note: ReactNode = null;
  if (active && days !== null) {
    if (days < 0) note = <span className="badge badge-overdue">Expired</span>;
    else if (days === 0) note = <span className="badge badge-soon">Today</span>;
    else if (days <= 30) note = <span className="badge badge-soon">in {plural(days, 'day')}</span>;
  }
  return (
    <span className="deadline">
      <time dateTime={value}>{formatDate(value)}</time> {note}
    </span>
  );
}

/** Status lifecycle, protective orders, legal process and the management plan. */
export function ManagementTab({ number, readOnly, status, version, onDetailChanged, onChanged, explain }: ManagementTabProps) {
  const [history, setHistory] = useState<Loaded<StatusChange>>({ list: null, error: null });
  const [orders, setOrders] = useState<Loaded<ProtectiveOrder>>({ list: null, error: null });
  const [legal, setLegal] = useState<Loaded<LegalProcess>>({ list: null, error: null });
  const [plan, setPlan] = useState<Loaded<PlanItem>>({ list: null, error: null });
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [renewing, setRenewing] = useState<string | null>(null);
  const [renewError, setRenewError] = useState<string | null>(null);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  const load = useCallback(
    async <T,>(fetch: () => Promise<T[]>, set: (l: Loaded<T>) => void) => {
      try {
        set({ list: asList(await fetch()), error: null });
      } catch (e) {
        set({ list: null, error: explainRef.current(e) });
      }
    },
    [],
  );

  const loadHistory = useCallback(() => load(() => statusHistory(number), setHistory), [load, number]);

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  useEffect(() => {
    void load(() => listOrders(number), setOrders);
    void load(() => listLegal(number), setLegal);
    void load(() => listPlan(number), setPlan);
  }, [load, number, version]);

  const renew = async (l: LegalProcess) => {
    if (renewing) return;
    setRenewing(l.id);
    setRenewError(null);
    try {
      const list = await renewLegal(number, l.id);
      setLegal({ list: asList(list), error: null });
      const until = list.find((x) => x.id === l.id)?.input.expiresOn;
      setNotice(`Renewal to ${l.input.provider} recorded${until ? `: it now runs until ${formatDate(until)}` : ''}.`);
      onChanged();
    } catch (e) {
      setRenewError(explain(e));
    } finally {
      setRenewing(null);
    }
  };

  const sectionError = (error: string | null, retry: () => void) =>
    error ? (
      <div className="pane-note" role="alert">
        <p className="form-error">{error}</p>
        <button type="button" className="button button-secondary button-small" onClick={retry}>
          Try again
        </button>
      </div>
    ) : null;

  const loading = (what: string) => (
    <p className="pane-note" role="status">
      <Spinner /> Loading {what}…
    </p>
  );

  return (
    <section className="management" aria-labelledby="management-title">
      <div className="timeline-toolbar">
        <h2 id="management-title" className="timeline-title">
          Case management
        </h2>
      </div>
      {notice ? (
        <Banner tone="success" id="management-notice" onDismiss={() => setNotice(null)}>
          {notice}
        </Banner>
      ) : null}

      <section className="panel" aria-labelledby="status-title" id="status-panel">
        <div className="panel-title-row">
          <h3 id="status-title" className="panel-title">
            Status
          </h3>
          {!readOnly ? (
            <button type="button" id="status-change" className="button button-secondary button-small" onClick={() => setEditing({ what: 'status' })}>
              Change status…
            </button>
          ) : null}
        </div>
        <p id="status-current">
          This case is <StatusBadge status={status} />
        </p>
        <h4 className="subheading">History, newest first</h4>
        {sectionError(history.error, () => void loadHistory())}
        {history.list === null && !history.error ? loading('the status history') : null}
        {history.list && history.list.length === 0 ? <p className="muted">The status has not been changed since the case was opened.</p> : null}
        {history.list && history.list.length > 0 ? (
          <ol className="status-history" id="status-history">
            {history.list.map((c) => (
              <li key={c.id}>
                <span className="status-move">
                  <StatusBadge status={c.from} /> <span aria-hidden="true">→</span>
                  <span className="visually-hidden"> to </span> <StatusBadge status={c.to} />
                </span>
                <span className="muted">
                  <time dateTime={c.changedAt}>{formatDateTime(c.changedAt)}</time>, {c.changedBy}
                </span>
                {c.reason ? <span className="status-reason">{c.reason}</span> : null}
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="orders-title">
        <div className="panel-title-row">
          <h3 id="orders-title" className="panel-title">
            Protective orders
          </h3>
          {!readOnly ? (
            <button type="button" id="order-add" className="button button-secondary button-small" onClick={() => setEditing({ what: 'order', record: null })}>
              <Icon name="plus" /> Add order
            </button>
          ) : null}
        </div>
        {sectionError(orders.error, () => void load(() => listOrders(number), setOrders))}
        {orders.list === null && !orders.error ? loading('orders') : null}
        {orders.list && orders.list.length === 0 ? (
          <p className="muted">No protective orders recorded. Incidents after an order is served are marked as violations on the timeline.</p>
        ) : null}
        {orders.list && orders.list.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table" id="orders-table">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Court</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Served</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Terms</th>
                  {!readOnly ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {orders.list.map((o) => (
                  <tr key={o.id} data-order-id={o.id}>
                    <td>{ORDER_KIND_LABELS[o.input.kind] ?? o.input.kind}</td>
                    <td>{o.input.court || none}</td>
                    <td>
                      <DateCell value={o.input.issuedOn} />
                    </td>
                    <td>{o.input.servedOn ? <DateCell value={o.input.servedOn} /> : <span className="badge badge-soon">Not served</span>}</td>
                    <td>
                      <Deadline value={o.input.expiresOn} active />
                    </td>
                    <td className="cell-text">{o.input.terms || none}</td>
                    {!readOnly ? (
                      <td className="cell-actions">
                        <button
                          type="button"
                          className="button button-quiet button-tiny"
                          aria-label={`Edit ${ORDER_KIND_LABELS[o.input.kind].toLowerCase()} order issued ${formatDate(o.input.issuedOn)}`}
                          onClick={() => setEditing({ what: 'order', record: o })}
                        >
                          Edit
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="legal-title">
        <div className="panel-title-row">
          <h3 id="legal-title" className="panel-title">
            Legal process
          </h3>
          {!readOnly ? (
            <button type="button" id="legal-add" className="button button-secondary button-small" onClick={() => setEditing({ what: 'legal', record: null })}>
              <Icon name="plus" /> Add legal process
            </button>
          ) : null}
        </div>
        <p className="hint block section-hint">
          Preservation requests hold a provider's records for {PRESERVATION_DAYS} days; production still needs a subpoena,
          order or warrant.
        </p>
        {renewError ? (
          <Banner tone="danger" urgent onDismiss={() => setRenewError(null)}>
            The renewal could not be saved: {renewError}
          </Banner>
        ) : null}
        {sectionError(legal.error, () => void load(() => listLegal(number), setLegal))}
        {legal.list === null && !legal.error ? loading('legal process') : null}
        {legal.list && legal.list.length === 0 ? <p className="muted">No preservation requests, subpoenas or warrants recorded.</p> : null}
        {legal.list && legal.list.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table" id="legal-table">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Provider</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Returned</th>
                  <th scope="col">Status</th>
                  {!readOnly ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {legal.list.map((l) => {
                  const live = l.input.status === 'sent' || l.input.status === 'renewed';
                  const canRenew = live && l.input.kind === 'preservation';
                  return (
                    <tr key={l.id} data-legal-id={l.id}>
                      <td>{LEGAL_KIND_LABELS[l.input.kind] ?? l.input.kind}</td>
                      <td>
                        {l.input.provider}
                        {l.input.notes ? <span className="block muted cell-note">{l.input.notes}</span> : null}
                      </td>
                      <td className="mono">{l.input.reference || none}</td>
                      <td>
                        <DateCell value={l.input.sentOn} />
                      </td>
                      <td>
                        <Deadline value={l.input.expiresOn} active={live} />
                      </td>
                      <td>
                        <DateCell value={l.input.returnedOn} />
                      </td>
                      <td>{LEGAL_STATUS_LABELS[l.input.status] ?? l.input.status}</td>
                      {!readOnly ? (
                        <td className="cell-actions">
                          {canRenew ? (
                            <button
                              type="button"
                              className="button button-secondary button-tiny"
                              data-renew={l.id}
                              disabled={renewing !== null}
                              aria-label={`Renew the preservation request to ${l.input.provider} for ${PRESERVATION_DAYS} days`}
                              onClick={() => void renew(l)}
                            >
                              {renewing === l.id ? (
                                <>
                                  <Spinner /> Renewing…
                                </>
                              ) : (
                                `Renew ${PRESERVATION_DAYS} days`
                              )}
                            </button>
                          ) : null}
                          <button
                            type="button"
                            className="button button-quiet button-tiny"
                            aria-label={`Edit ${LEGAL_KIND_LABELS[l.input.kind].toLowerCase()} to ${l.input.provider}`}
                            onClick={() => setEditing({ what: 'legal', record: l })}
                          >
                            Edit
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="plan-title">
        <div className="panel-title-row">
          <h3 id="plan-title" className="panel-title">
            Management plan and referrals
          </h3>
          {!readOnly ? (
            <button type="button" id="plan-add" className="button button-secondary button-small" onClick={() => setEditing({ what: 'plan', record: null })}>
              <Icon name="plus" /> Add to plan
            </button>
          ) : null}
        </div>
        {sectionError(plan.error, () => void load(() => listPlan(number), setPlan))}
        {plan.list === null && !plan.error ? loading('the plan') : null}
        {plan.list && plan.list.length === 0 ? (
          <p className="muted">No referrals or tactics recorded yet: advocate, mental-health evaluation, warning, order, monitoring.</p>
        ) : null}
        {plan.list && plan.list.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table" id="plan-table">
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">Who</th>
                  <th scope="col">Started</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                  <th scope="col">Outcome</th>
                  {!readOnly ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {plan.list.map((p) => {
                  const waiting = p.input.status === 'requested' || p.input.status === 'awaiting';
                  return (
                    <tr key={p.id} data-plan-id={p.id}>
                      <td>{PLAN_KIND_LABELS[p.input.kind] ?? p.input.kind}</td>
                      <td>{p.input.owner}</td>
                      <td>
                        <DateCell value={p.input.startOn} />
                      </td>
                      <td>
                        <Deadline value={p.input.dueOn} active={waiting} />
                      </td>
                      <td>{PLAN_STATUS_LABELS[p.input.status] ?? p.input.status}</td>
                      <td className="cell-text">{p.input.outcome || none}</td>
                      {!readOnly ? (
                        <td className="cell-actions">
                          <button
                            type="button"
                            className="button button-quiet button-tiny"
                            aria-label={`Edit ${PLAN_KIND_LABELS[p.input.kind].toLowerCase()} (${p.input.owner})`}
                            onClick={() => setEditing({ what: 'plan', record: p })}
                          >
                            Edit
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      {editing?.what === 'status' ? (
        <StatusDialog
          number={number}
          current={status}
          explain={explain}
          onClose={() => setEditing(null)}
          onChanged={(d) => {
            setEditing(null);
            setNotice(`The case is now ${statusLabel(d.header.status).toLowerCase()}.`);
            onDetailChanged(d);
            void loadHistory();
            onChanged();
          }}
        />
      ) : null}
      {editing?.what === 'order' ? (
        <OrderDialog
          number={number}
          order={editing.record}
          explain={explain}
          onClose={() => setEditing(null)}
          onSaved={(list) => {
            setEditing(null);
            setOrders({ list, error: null });
            onChanged();
          }}
        />
      ) : null}
      {editing?.what === 'legal' ? (
        <LegalDialog
          number={number}
          legal={editing.record}
          explain={explain}
          onClose={() => setEditing(null)}
          onSaved={(list) => {
            setEditing(null);
            setLegal({ list, error: null });
            onChanged();
          }}
        />
      ) : null}
      {editing?.what === 'plan' ? (
        <PlanDialog
          number={number}
          item={editing.record}
          explain={explain}
          onClose={() => setEditing(null)}
          onSaved={(list) => {
            setEditing(null);
            setPlan({ list, error: null });
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
