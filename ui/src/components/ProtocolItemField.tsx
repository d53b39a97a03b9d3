import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Answer, AnswerInput, ExhibitRow, Person, PersonRole, ProtocolItem, RecordKind } from '../ipc/commands';
import { EXHIBIT_KIND_LABELS, plural, RECORD_ACTION_LABELS, RECORD_KIND_LABELS, REQUIREMENT_LABELS, ROLE_LABELS } from '../lib/labels';
import { choiceAsRadios, inputOf, sameAnswer } from '../lib/protocol';

/** Pause after the last keystroke before a typed answer is saved. */
export const TYPING_SAVE_DELAY_MS = 600;

/** Something an item asks the wizard to open (a form that creates a record, a picker). */
export type RecordRequest =
  | { kind: 'person'; item: ProtocolItem; role: PersonRole | null; done(id: string): void }
  | { kind: 'incident'; item: ProtocolItem; done(id: string): void }
  | { kind: 'linkIncidents'; item: ProtocolItem; current: string[]; done(ids: string[]): void }
  | { kind: 'evidence'; item: ProtocolItem; done(exhibitIds: string[]): void }
  | { kind: 'riskAssessment' | 'protectiveOrder' | 'legalProcess' | 'referral'; item: ProtocolItem; done(id: string): void };

interface ProtocolItemFieldProps {
  item: ProtocolItem;
  answer: Answer | undefined;
  readOnly: boolean;
  people: Person[];
  /** The case's evidence register, for items that link exhibits (null while loading). */
  exhibits?: ExhibitRow[] | null;
  /** How a linked incident or created record reads in a chip. */
  describe(kind: RecordKind | 'incident', id: string): ReactNode;
  /** Save the answer; rejects with the backend's error. */
  onSave(itemId: string, input: AnswerInput): Promise<void>;
  onRequest(request: RecordRequest): void;
  explain(e: unknown): string;
}

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

const YES_NO: Array<{ value: string; label: string }> = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Unknown' },
];

function RequirementTag({ item }: { item: ProtocolItem }) {
  if (item.requirement === 'optional') return null;
  return (
    <span className={`req-tag req-${item.requirement}`} data-requirement={item.requirement}>
      {REQUIREMENT_LABELS[item.requirement]}
    </span>
  );
}

/**
 * One protocol item, rendered by its kind, with an optional note. Answers
 * save as you go: choices at once, typing after a pause (and on leaving the
 * field or the step). "Saved" is announced politely; errors show inline.
 */
export function ProtocolItemField({ item, answer, readOnly, people, exhibits = null, describe, onSave, onRequest, explain }: ProtocolItemFieldProps) {
  const [draft, setDraft] = useState<AnswerInput>(() => inputOf(answer));
  const draftRef = useRef(draft);
  const savedRef = useRef<AnswerInput>(inputOf(answer));
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const [noteOpen, setNoteOpen] = useState(() => (answer?.note ?? '') !== '');
  const focusNote = useRef(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const seq = useRef(0);
  const alive = useRef(true);
  const cb = useRef({ onSave, explain });
  cb.current = { onSave, explain };

  const flush = useCallback(() => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const snapshot = draftRef.current;
    if (sameAnswer(snapshot, savedRef.current)) {
      if (alive.current) setState((s) => (s === 'pending' ? 'idle' : s));
      return;
    }
    savedRef.current = snapshot;
    const n = ++seq.current;
    if (alive.current) {
      setState('saving');
      setError(null);
    }
    chain.current = chain.current
      .then(() => cb.current.onSave(item.id, snapshot))
      .then(
        () => {
          if (alive.current && n === seq.current) setState('saved');
        },
        (e: unknown) => {
          // Not saved: let the next change or blur try again.
          if (savedRef.current === snapshot) savedRef.current = { value: '\u0000', values: [], note: '' };
          if (alive.current && n === seq.current) {
            setState('error');
            setError(cb.current.explain(e));
          }
        },
      );
  }, [item.id]);

  useEffect(() => {
    if (noteOpen && focusNote.current) {
      focusNote.current = false;
      noteRef.current?.focus();
    }
  }, [noteOpen]);

  // Leaving the step (unmount) saves what was typed but not yet saved.
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (timer.current) flush();
    };
  }, [flush]);

  const change = (patch: Partial<AnswerInput>, typing: boolean) => {
    const next = { ...draftRef.current, ...patch };
    draftRef.current = next;
    setDraft(next);
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (typing) {
      setState('pending');
      timer.current = setTimeout(() => {
        timer.current = null;
        flush();
      }, TYPING_SAVE_DELAY_MS);
    } else {
      flush();
    }
  };
  const onBlur = () => {
    if (timer.current) flush();
  };

  const addValues = (ids: string[], replace = false) => {
    const current = draftRef.current.values;
    const values = replace ? ids : [...current, ...ids.filter((id) => !current.includes(id))];
    change({ values }, false);
  };
  const removeValue = (id: string) => change({ values: draftRef.current.values.filter((v) => v !== id) }, false);

  const id = `item-${item.id}`;
  const questionId = `${id}-q`;
  const helpId = item.help ? `${id}-help` : undefined;
  const help = item.help ? (
    <p id={helpId} className="hint item-help">
      {item.help}
    </p>
  ) : null;
  const question = (
    <>
      <span className="item-text">{item.text}</span> <RequirementTag item={item} />
    </>
  );

  const chips = (kind: RecordKind | 'incident', emptyText: string) =>
    draft.values.length === 0 ? (
      <p className="muted item-empty">{emptyText}</p>
    ) : (
      <ul className="link-chips" aria-label={`Linked to “${item.text}”`}>
        {draft.values.map((v) => (
          <li key={v} className="link-chip" data-linked-id={v}>
            <span className="link-chip-text">{describe(kind, v)}</span>
            {!readOnly ? (
              <button type="button" className="icon-button chip-remove" aria-label="Unlink" title="Unlink (the record itself is kept)" onClick={() => removeValue(v)}>
                <span aria-hidden="true">×</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    );

  const personName = (pid: string) => {
    const p = people.find((x) => x.id === pid);
    return p ? `${p.name} (${ROLE_LABELS[p.role].toLowerCase()})` : 'A person no longer in this case';
  };

  let body: ReactNode;
  switch (item.kind) {
    case 'yesNo':
      body = (
        <fieldset className="item-fieldset" aria-describedby={helpId} disabled={readOnly}>
          <legend className="item-question">{question}</legend>
          {help}
          <div className="field-inline yes-no">
            {YES_NO.map((o) => (
              <label key={o.value} className="radio radio-pill">
                <input
                  type="radio"
                  id={`${id}-${o.value}`}
                  name={item.id}
                  value={o.value}
                  checked={draft.value === o.value}
                  onChange={() => change({ value: o.value }, false)}
                />
                <span>{o.label}</span>
              </label>
            ))}
            {draft.value && !readOnly ? (
              <button type="button" className="button button-link button-small" onClick={() => change({ value: '' }, false)}>
                Clear
              </button>
            ) : null}
          </div>
        </fieldset>
      );
      break;
    case 'choice':
      body = choiceAsRadios(item) ? (
        <fieldset className="item-fieldset" aria-describedby={helpId} disabled={readOnly}>
          <legend className="item-question">{question}</legend>
          {help}
          <div className="choice-list">
            {item.options.map((o, i) => (
              <label key={o} className="radio">
                <input type="radio" id={`${id}-${i}`} name={item.id} value={o} checked={draft.value === o} onChange={() => change({ value: o }, false)} />
                <span>{o}</span>
              </label>
            ))}
          </div>
          {draft.value && !readOnly ? (
            <button type="button" className="button button-link button-small" onClick={() => change({ value: '' }, false)}>
              Clear
            </button>
          ) : null}
        </fieldset>
      ) : (
        <div className="field">
          <label htmlFor={id} className="item-question">
            {question}
          </label>
          {help}
          <select id={id} className="input" value={draft.value} disabled={readOnly} aria-describedby={helpId} onChange={(e) => change({ value: e.target.value }, false)}>
            <option value="">Not answered</option>
            {item.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
      );
      break;
    case 'checklist':
      body = (
        <fieldset className="item-fieldset" aria-describedby={helpId} disabled={readOnly}>
          <legend className="item-question">{question}</legend>
          {help}
          <div className="checkbox-columns">
            {item.options.map((o, i) => (
              <label key={o} className="checkbox">
                <input
                  type="checkbox"
                  id={`${id}-${i}`}
                  name={item.id}
                  value={o}
                  checked={draft.values.includes(o)}
                  onChange={(e) =>
                    change(
                      {
                        // Keep the protocol's order of options.
                        values: item.options.filter((x) => (x === o ? e.target.checked : draft.values.includes(x))),
                      },
                      false,
                    )
                  }
                />
                <span>{o}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
      break;
    case 'date':
    case 'number':
    case 'text':
      body = (
        <div className="field">
          <label htmlFor={id} className="item-question">
            {question}
          </label>
          {help}
          {item.kind === 'text' ? (
            <textarea
              id={id}
              className="input"
              rows={2}
              value={draft.value}
              readOnly={readOnly}
              aria-describedby={helpId}
              onChange={(e) => change({ value: e.target.value }, true)}
              onBlur={onBlur}
            />
          ) : (
            <input
              id={id}
              className={item.kind === 'number' ? 'input input-number' : 'input input-date'}
              type={item.kind}
              inputMode={item.kind === 'number' ? 'decimal' : undefined}
              step={item.kind === 'number' ? 'any' : undefined}
              value={draft.value}
              readOnly={readOnly}
              aria-describedby={helpId}
              onChange={(e) => change({ value: e.target.value }, true)}
              onBlur={onBlur}
            />
          )}
        </div>
      );
      break;
    case 'person': {
      const roleWord = item.role ? ROLE_LABELS[item.role].toLowerCase() : 'person';
      const candidates = people.filter((p) => (item.role === null || p.role === item.role) && !draft.values.includes(p.id));
      const others = people.filter((p) => item.role !== null && p.role !== item.role && !draft.values.includes(p.id));
      body = (
        <div className="item-group" role="group" aria-labelledby={questionId} aria-describedby={helpId}>
          <p id={questionId} className="item-question">
            {question}
          </p>
          {help}
          {draft.values.length === 0 ? (
            <p className="muted item-empty">No {roleWord} linked yet.</p>
          ) : (
            <ul className="link-chips" aria-label={`Linked to “${item.text}”`}>
              {draft.values.map((v) => (
                <li key={v} className="link-chip" data-linked-id={v}>
                  <span className="link-chip-text">{personName(v)}</span>
                  {!readOnly ? (
                    <button type="button" className="icon-button chip-remove" aria-label={`Unlink ${personName(v)}`} title="Unlink (the person stays in the case)" onClick={() => removeValue(v)}>
                      <span aria-hidden="true">×</span>
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {!readOnly ? (
            <div className="item-person">
              <label htmlFor={id} className="visually-hidden">
                Link a {roleWord} already in the case to “{item.text}”
              </label>
              <select
                id={id}
                className="input"
                value=""
                disabled={candidates.length + others.length === 0}
                onChange={(e) => {
                  if (e.target.value) addValues([e.target.value]);
                }}
              >
                <option value="">
                  {candidates.length + others.length === 0 ? `No other people in the case` : `Link a ${roleWord} in the case…`}
                </option>
                {candidates.map((p) => (
                  <option key={p.id} value={p.id}>
                    {item.role ? p.name : personName(p.id)}
                  </option>
                ))}
                {others.length > 0 ? (
                  <optgroup label="Other people in the case">
                    {others.map((p) => (
                      <option key={p.id} value={p.id}>
                        {personName(p.id)}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </select>
              <button
                type="button"
                className="button button-secondary button-small"
                data-action="add-person"
                onClick={() => onRequest({ kind: 'person', item, role: item.role, done: (pid) => addValues([pid]) })}
              >
                Add {roleWord}…
              </button>
            </div>
          ) : null}
        </div>
      );
      break;
    }
    case 'incidents':
      body = (
        <div className="item-group" role="group" aria-labelledby={questionId} aria-describedby={helpId}>
          <p id={questionId} className="item-question">
            {question}
          </p>
          {help}
          {chips('incident', 'No incidents linked yet.')}
          {!readOnly ? (
            <div className="button-row item-buttons">
              <button
                type="button"
                className="button button-secondary button-small"
                data-action="add-incident"
                onClick={() => onRequest({ kind: 'incident', item, done: (iid) => addValues([iid]) })}
              >
                Add incident…
              </button>
              <button
                type="button"
                className="button button-quiet button-small"
                data-action="link-incidents"
                onClick={() => onRequest({ kind: 'linkIncidents', item, current: draftRef.current.values, done: (ids) => addValues(ids, true) })}
              >
                Link existing…
              </button>
            </div>
          ) : null}
        </div>
      );
      break;
    case 'action': {
      const record = item.record ?? 'evidence';
      if (record === 'evidence') {
        // Linked exhibits are the answer ({value: '', values: [ids]}): the core
        // counts the item answered when at least one still exists.
        const register = exhibits ?? [];
        const linked = draft.values;
        const linkedCount = register.filter((x) => linked.includes(x.id)).length;
        const tick = (id: string, on: boolean) =>
          change(
            { value: '', values: register.filter((x) => (x.id === id ? on : linked.includes(x.id))).map((x) => x.id) },
            false,
          );
        body = (
          <div className="item-group" role="group" aria-labelledby={questionId} aria-describedby={helpId}>
            <p id={questionId} className="item-question">
              {question}
            </p>
            {help}
            <p className="item-evidence-count" data-linked-count={linkedCount} id={`${id}-count`}>
              {exhibits === null ? 'Loading the evidence register…' : `${plural(linkedCount, 'exhibit')} linked`}
            </p>
            {draft.value === 'done' && linked.length === 0 ? (
              <p className="hint block">Marked done before exhibits could be linked: tick the exhibits this covers.</p>
            ) : null}
            {exhibits !== null && register.length === 0 ? (
              <p className="muted item-empty">The evidence register is empty.</p>
            ) : null}
            {register.length > 0 ? (
              <fieldset className="fieldset-plain" disabled={readOnly}>
                <legend className="visually-hidden">Exhibits for “{item.text}”</legend>
                <ul className="picker-list evidence-pick-list">
                  {register.map((x) => (
                    <li key={x.id}>
                      <label className="checkbox picker-row">
                        <input
                          type="checkbox"
                          name={item.id}
                          value={x.id}
                          data-exhibit-number={x.number}
                          checked={linked.includes(x.id)}
                          onChange={(e) => tick(x.id, e.target.checked)}
                        />
                        <span>
                          <span className="mono">{x.number}</span> · {EXHIBIT_KIND_LABELS[x.kind] ?? x.kind}
                          <span className="block muted picker-excerpt">{x.description}</span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : null}
            {!readOnly ? (
              <div className="button-row item-buttons">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  data-action="record-evidence"
                  onClick={() =>
                    onRequest({
                      kind: 'evidence',
                      item,
                      done: (ids) => {
                        const current = draftRef.current.values;
                        change({ value: '', values: [...current, ...ids.filter((x) => !current.includes(x))] }, false);
                      },
                    })
                  }
                >
                  {RECORD_ACTION_LABELS.evidence}
                </button>
              </div>
            ) : null}
          </div>
        );
        break;
      }
      const request = () => {
        const done = (rid: string) => addValues([rid]);
        if (record === 'person') onRequest({ kind: 'person', item, role: item.role, done });
        else if (record === 'incident') onRequest({ kind: 'incident', item, done });
        else onRequest({ kind: record, item, done });
      };
      body = (
        <div className="item-group" role="group" aria-labelledby={questionId} aria-describedby={helpId}>
          <p id={questionId} className="item-question">
            {question}
          </p>
          {help}
          {record === 'person'
            ? draft.values.length === 0
              ? <p className="muted item-empty">Nobody recorded yet.</p>
              : (
                <ul className="link-chips">
                  {draft.values.map((v) => (
                    <li key={v} className="link-chip" data-linked-id={v}>
                      <span className="link-chip-text">{personName(v)}</span>
                    </li>
                  ))}
                </ul>
              )
            : chips(record, `No ${RECORD_KIND_LABELS[record].toLowerCase()} recorded yet.`)}
          {!readOnly ? (
            <div className="button-row item-buttons">
              <button type="button" className="button button-secondary button-small" data-action={`record-${record}`} onClick={request}>
                {RECORD_ACTION_LABELS[record]}
              </button>
              {record === 'incident' ? (
                <button
                  type="button"
                  className="button button-quiet button-small"
                  data-action="link-incidents"
                  onClick={() => onRequest({ kind: 'linkIncidents', item, current: draftRef.current.values, done: (ids) => addValues(ids, true) })}
                >
                  Link existing…
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      );
      break;
    }
    default:
      body = (
        <div className="field">
          <label htmlFor={id} className="item-question">
            {question}
          </label>
          <textarea id={id} className="input" rows={2} value={draft.value} readOnly={readOnly} onChange={(e) => change({ value: e.target.value }, true)} onBlur={onBlur} />
        </div>
      );
  }

  const noteId = `${id}-note`;
  return (
    <div className={`protocol-item kind-${item.kind}`} data-item-id={item.id} data-kind={item.kind} data-answered={draft.value.trim() !== '' || draft.values.length > 0 ? 'true' : 'false'}>
      {body}
      <div className="item-foot">
        {noteOpen || draft.note ? (
          <div className="field item-note">
            <label htmlFor={noteId}>Note</label>
            <textarea
              id={noteId}
              ref={noteRef}
              className="input"
              rows={2}
              value={draft.note}
              readOnly={readOnly}
              onChange={(e) => change({ note: e.target.value }, true)}
              onBlur={onBlur}
            />
          </div>
        ) : !readOnly ? (
          <button
            type="button"
            className="button button-link button-small item-note-toggle"
            aria-controls={noteId}
            aria-expanded={false}
            onClick={() => {
              focusNote.current = true;
              setNoteOpen(true);
            }}
          >
            Add a note
          </button>
        ) : null}
        <span className={`item-save item-save-${state}`} data-save-state={state} aria-live="polite">
          {state === 'saving' ? (
            'Saving…'
          ) : state === 'saved' ? (
            <>
              <span aria-hidden="true">✓ </span>Saved
            </>
          ) : null}
        </span>
      </div>
      {state === 'error' && error ? (
        <p className="field-error item-error" role="alert">
          Not saved: {error}{' '}
          {!readOnly ? (
            <button type="button" className="button button-link button-small" onClick={flush}>
              Try again
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
