import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { Spinner } from '../components/Spinner';
import {
  savePerson,
  type IdentifierInput,
  type IdentifierKind,
  type Person,
  type PersonInput,
  type PersonRole,
  type Relationship,
} from '../ipc/commands';
import { IDENTIFIER_KIND_LABELS, optionsOf, RELATIONSHIP_LABELS, ROLE_LABELS } from '../lib/labels';

interface PersonDialogProps {
  number: string;
  /** null = a new person. */
  person: Person | null;
  /** Role preselected for a new person. */
  defaultRole?: PersonRole;
  onSaved(p: Person): void;
  onClose(): void;
  explain(e: unknown): string;
}

const ROLES = optionsOf(ROLE_LABELS);
const RELATIONSHIPS = optionsOf(RELATIONSHIP_LABELS);
const KINDS = optionsOf(IDENTIFIER_KIND_LABELS);

function blankIdentifier(): IdentifierInput {
  return { kind: 'phone', value: '', label: '', confidential: false };
}

export function cleanIdentifiers(list: IdentifierInput[]): IdentifierInput[] {
  return list
    .map((i) => {
      const value = i.value.trim();
      // A masked row keeps its stored value only while nothing new is typed.
      const keep = value === '' ? i.keep : undefined;
      return { ...i, value, label: i.label.trim(), keep };
    })
    .filter((i) => i.value !== '' || i.label !== '' || i.keep);
}

/** Add or edit a person: role, name, relationship, notes and identifiers. */
export function PersonDialog({ number, person, defaultRole = 'suspect', onSaved, onClose, explain }: PersonDialogProps) {
  const [v, setV] = useState<PersonInput>(() =>
    person
      ? {
          role: person.role,
          name: person.name,
          relationship: person.relationship,
          notes: person.notes,
          // A masked value never reaches the web view: the row asks the core to keep it.
          identifiers: person.identifiers.map(({ id, kind, value, label, confidential, masked }) =>
            masked ? { kind, value: '', label, confidential, keep: id } : { kind, value, label, confidential },
          ),
        }
      : {
          role: defaultRole,
          name: '',
          relationship: defaultRole === 'victim' ? 'self' : 'unknown',
          notes: '',
          identifiers: [],
        },
  );
  const [busy, setBusy] = useState(false);
  /** Rows whose confidential value is shown in clear. */
  const [shown, setShown] = useState<Set<number>>(() => new Set());
  const [error, setError] = useState<string | null>(null);

  const setIdent = (i: number, patch: Partial<IdentifierInput>) =>
    setV((prev) => ({ ...prev, identifiers: prev.identifiers.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await savePerson(number, person?.id ?? null, {
        ...v,
        name: v.name.trim(),
        notes: v.notes.trim(),
        identifiers: cleanIdentifiers(v.identifiers),
      });
      onSaved(saved);
    } catch (err) {
      setError(explain(err));
      setBusy(false);
    }
  };

  return (
    <Dialog id="person-dialog" title={person ? `Edit ${person.name}` : 'Add a person'} onClose={onClose} busy={busy} className="dialog-xwide">
      <form className="form" onSubmit={submit} noValidate aria-busy={busy ? 'true' : undefined}>
        <fieldset className="fieldset-plain" disabled={busy}>
          <div className="field-row">
            <div className="field">
              <label htmlFor="person-role">Role</label>
              <select
                id="person-role"
                className="input"
                value={v.role}
                onChange={(e) => {
                  const role = e.target.value as PersonRole;
                  setV((prev) => ({
                    ...prev,
                    role,
                    relationship: role === 'victim' ? 'self' : prev.relationship === 'self' ? 'unknown' : prev.relationship,
                  }));
                }}
              >
                {ROLES.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="person-relationship">Relationship to the victim</label>
              <select
                id="person-relationship"
                className="input"
                value={v.relationship}
                onChange={(e) => setV({ ...v, relationship: e.target.value as Relationship })}
              >
                {RELATIONSHIPS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="person-name">Name</label>
            <input
              id="person-name"
              className="input"
              type="text"
              autoComplete="off"
              required
              aria-required="true"
              data-autofocus=""
              value={v.name}
              onChange={(e) => setV({ ...v, name: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="person-notes">Notes</label>
            <textarea
              id="person-notes"
              className="input"
              rows={3}
              value={v.notes}
              onChange={(e) => setV({ ...v, notes: e.target.value })}
            />
          </div>

          <fieldset className="fieldset identifiers-editor" aria-describedby="person-identifiers-hint">
            <legend>Identifiers</legend>
            <p id="person-identifiers-hint" className="hint">
              Phone numbers, email and social media accounts, vehicles, addresses. Tick “Confidential” for a value that
              must not be disclosed (for example an address under an address-confidentiality programme): it is masked on
              screen and kept out of discovery copies.
            </p>
            {v.identifiers.length > 0 ? (
              <ul className="identifier-rows">
                {v.identifiers.map((ident, i) => (
                  <li key={i} className="identifier-row">
                    <div className="field">
                      <label htmlFor={`person-ident-kind-${i}`}>Kind</label>
                      <select
                        id={`person-ident-kind-${i}`}
                        className="input"
                        value={ident.kind}
                        onChange={(e) => setIdent(i, { kind: e.target.value as IdentifierKind })}
                      >
                        {KINDS.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`person-ident-value-${i}`}>Value</label>
                      <span className="passphrase-input">
                        <input
                          id={`person-ident-value-${i}`}
                          className="input"
                          // A confidential value stays hidden on screen unless asked for.
                          type={ident.confidential && !shown.has(i) ? 'password' : 'text'}
                          autoComplete="off"
                          spellCheck={false}
                          value={ident.value}
                          placeholder={ident.keep ? 'Unchanged (type to replace)' : undefined}
                          aria-describedby={ident.keep ? `person-ident-kept-${i}` : undefined}
                          onChange={(e) => setIdent(i, { value: e.target.value })}
                        />
                        {ident.keep ? (
                          <span id={`person-ident-kept-${i}`} className="visually-hidden">
                            The stored confidential value is kept unless you type a new one.
                          </span>
                        ) : null}
                        {ident.confidential ? (
                          <button
                            type="button"
                            className="button button-quiet button-small reveal-toggle"
                            aria-pressed={shown.has(i)}
                            aria-label={`Show confidential value ${i + 1}`}
                            onClick={() =>
                              setShown((prev) => {
                                const next = new Set(prev);
                                if (next.has(i)) next.delete(i);
                                else next.add(i);
                                return next;
                              })
                            }
                          >
                            {shown.has(i) ? 'Hide' : 'Show'}
                          </button>
                        ) : null}
                      </span>
                    </div>
                    <div className="field">
                      <label htmlFor={`person-ident-label-${i}`}>Label</label>
                      <input
                        id={`person-ident-label-${i}`}
                        className="input"
                        type="text"
                        autoComplete="off"
                        placeholder="e.g. work mobile"
                        value={ident.label}
                        onChange={(e) => setIdent(i, { label: e.target.value })}
                      />
                    </div>
                    <label className="checkbox identifier-confidential">
                      <input
                        type="checkbox"
                        checked={ident.confidential}
                        onChange={(e) => setIdent(i, { confidential: e.target.checked })}
                      />
                      Confidential
                    </label>
                    <button
                      type="button"
                      className="button button-quiet remove-row"
                      aria-label={`Remove identifier ${i + 1}${ident.value && !ident.confidential ? ` (${ident.value})` : ''}`}
                      onClick={() => setV((prev) => ({ ...prev, identifiers: prev.identifiers.filter((_, j) => j !== i) }))}
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <button
              type="button"
              id="person-add-identifier"
              className="button button-secondary"
              onClick={() => setV((prev) => ({ ...prev, identifiers: [...prev.identifiers, blankIdentifier()] }))}
            >
              Add identifier
            </button>
          </fieldset>
        </fieldset>

        <div id="person-error" role="alert" className="form-error">
          {error}
        </div>
        <div className="form-actions">
          <button id="person-save" type="submit" className="button button-primary" disabled={busy}>
            {busy ? (
              <>
                <Spinner /> Saving…
              </>
            ) : person ? (
              'Save changes'
            ) : (
              'Add person'
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
