import { ReviewNotesFor } from '../components/ReviewNotes';
import { useEffect, useRef, useState } from 'react';
import { ConfidentialValue } from '../components/ConfidentialValue';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { deletePerson, searchIdentifiers, type IdentifierHit, type Person, type PersonRole } from '../ipc/commands';
import { IDENTIFIER_KIND_LABELS, plural, RELATIONSHIP_LABELS, ROLE_HEADINGS, ROLE_LABELS, ROLE_ORDER } from '../lib/labels';
import { PersonDialog } from './PersonDialog';

interface PeopleTabProps {
  number: string;
  readOnly: boolean;
  people: Person[] | null;
  error: string | null;
  onChanged(): void;
  onRetry(): void;
  explain(e: unknown): string;
}

type Editing = null | { person: Person | null; role: PersonRole };

/** Victim, suspects, witnesses and third parties, with their identifiers. */
export function PeopleTab({ number, readOnly, people, error, onChanged, onRetry, explain }: PeopleTabProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Person | null>(null);
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim(), 200);
  const [hits, setHits] = useState<IdentifierHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const explainRef = useRef(explain);
  explainRef.current = explain;

  useEffect(() => {
    if (settled === '') {
      setHits(null);
      setSearchError(null);
      return;
    }
    let live = true;
    setSearching(true);
    (async () => {
      try {
        const h = await searchIdentifiers(number, settled);
        if (!live) return;
        setHits(Array.isArray(h) ? h : []);
        setSearchError(null);
      } catch (e) {
        if (live) setSearchError(explainRef.current(e));
      } finally {
        if (live) setSearching(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [number, settled]);

  return (
    <section className="people" aria-labelledby="people-title">
      <div className="timeline-toolbar">
        <h2 id="people-title" className="timeline-title">
          People
        </h2>
        {people ? <span className="incident-count">{plural(people.length, 'person', 'people')}</span> : null}
        {!readOnly ? (
          <div className="toolbar">
            <button
              type="button"
              id="add-person-button"
              className="button button-primary"
              onClick={() => setEditing({ person: null, role: people?.some((p) => p.role === 'victim') ? 'suspect' : 'victim' })}
            >
              <Icon name="plus" /> Add person
            </button>
          </div>
        ) : null}
      </div>

      <p className="hint block people-explain" id="confidential-explain">
        Values marked confidential (for example an address under an address-confidentiality programme) are masked here
        and will be kept out of discovery copies. Use “Reveal” to see one.
      </p>

      <div className="people-search">
        <label htmlFor="people-search">Find a phone number, account, vehicle or address</label>
        <input
          id="people-search"
          className="input"
          type="search"
          autoComplete="off"
          placeholder="e.g. 07700 or a plate"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div id="people-search-results" aria-live="polite">
          {searching ? (
            <p className="pane-note">
              <Spinner /> Searching…
            </p>
          ) : searchError ? (
            <p className="form-error">{searchError}</p>
          ) : hits && settled ? (
            hits.length === 0 ? (
              <p className="muted">No identifier matches “{settled}”.</p>
            ) : (
              <ul className="hit-list" aria-label="Matching identifiers">
                {hits.map((h) => (
                  <li key={`${h.personId}-${h.identifier.id}`} className="hit">
                    <span className="hit-person">
                      {h.personName} <span className="muted">({ROLE_LABELS[h.role].toLowerCase()})</span>
                    </span>
                    <span className="muted">{IDENTIFIER_KIND_LABELS[h.identifier.kind]}</span>
                    <ConfidentialValue
                      number={number}
                      personId={h.personId}
                      identifier={h.identifier}
                      what={IDENTIFIER_KIND_LABELS[h.identifier.kind].toLowerCase()}
                      className="mono"
                    />
                    {h.identifier.label ? <span className="muted">{h.identifier.label}</span> : null}
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </div>
      </div>

      {error ? (
        <div className="pane-note" role="alert">
          <p className="form-error">{error}</p>
          <button type="button" className="button button-secondary" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : null}

      {people === null && !error ? (
        <p className="pane-note" role="status">
          <Spinner /> Loading people…
        </p>
      ) : null}

      {people && people.length === 0 ? (
        <div className="empty-state" id="people-empty">
          <h3>No people recorded yet</h3>
          <p>
            Add the victim, the suspect, witnesses and anyone else involved, with their phone numbers, accounts, vehicles
            and addresses. They can then be linked to incidents.
          </p>
          {!readOnly ? (
            <button type="button" className="button button-primary" onClick={() => setEditing({ person: null, role: 'victim' })}>
              Add the victim
            </button>
          ) : null}
        </div>
      ) : null}

      {people && people.length > 0
        ? ROLE_ORDER.map((role) => {
            const group = people.filter((p) => p.role === role);
            if (group.length === 0) return null;
            return (
              <section key={role} className="people-group" aria-labelledby={`people-${role}`}>
                <h3 id={`people-${role}`} className="people-group-title">
                  {ROLE_HEADINGS[role]} <span className="muted">({group.length})</span>
                </h3>
                <ul className="person-list">
                  {group.map((p) => (
                    <li key={p.id} className="person-card panel" data-person-id={p.id}>
                      <div className="person-head">
                        <div>
                          <h4 className="person-name">{p.name}</h4>
                          <p className="muted person-rel">
                            {ROLE_LABELS[p.role]}
                            {p.role !== 'victim' || p.relationship !== 'self'
                              ? ` · ${RELATIONSHIP_LABELS[p.relationship]}`
                              : ''}
                          </p>
                        </div>
                        {!readOnly ? (
                          <div className="toolbar">
                            <button
                              type="button"
                              className="button button-secondary button-small"
                              aria-label={`Edit ${p.name}`}
                              onClick={() => setEditing({ person: p, role: p.role })}
                            >
                              Edit
                            </button>
                            <button
                              type="button"
                              className="button button-quiet button-small button-danger"
                              aria-label={`Delete ${p.name}`}
                              onClick={() => setDeleting(p)}
                            >
                              Delete…
                            </button>
                          </div>
                        ) : null}
                      </div>
                      <ReviewNotesFor kind="person" targets={[p.id]} />
                      {p.notes ? <p className="person-notes">{p.notes}</p> : null}
                      {p.identifiers.length > 0 ? (
                        <ul className="identifier-list">
                          {p.identifiers.map((i) => (
                            <li key={i.id} data-identifier-id={i.id}>
                              <span className="identifier-kind">{IDENTIFIER_KIND_LABELS[i.kind]}</span>
                              <span className="identifier-value">
                                <ConfidentialValue
                                  number={number}
                                  personId={p.id}
                                  identifier={i}
                                  what={IDENTIFIER_KIND_LABELS[i.kind].toLowerCase()}
                                  className="mono"
                                />
                                {i.label ? <span className="muted identifier-label">{i.label}</span> : null}
                              </span>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <p className="muted">No identifiers recorded.</p>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        : null}

      {editing ? (
        <PersonDialog
          number={number}
          person={editing.person}
          defaultRole={editing.role}
          explain={explain}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          id="delete-person-dialog"
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete person"
          busyLabel="Deleting…"
          explain={explain}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deletePerson(number, deleting.id);
            setDeleting(null);
            onChanged();
          }}
        >
          <p>
            {deleting.name} ({ROLE_LABELS[deleting.role].toLowerCase()}) and {plural(deleting.identifiers.length, 'identifier')}{' '}
            will be removed from this case.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
