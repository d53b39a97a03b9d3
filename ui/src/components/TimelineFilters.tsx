import type { IncidentFilter, Person } from '../ipc/commands';
import { ROLE_LABELS } from '../lib/labels';
import { isFilterEmpty, type TaxonomyIndex } from '../lib/timeline';

interface TimelineFiltersProps {
  filter: IncidentFilter;
  /** The search text as typed (applied to `filter` after a pause). */
  text: string;
  onTextChange(text: string): void;
  onChange(next: IncidentFilter): void;
  onClear(): void;
  tx: TaxonomyIndex | null;
  people: Person[] | null;
  tags: string[];
}

/** Group chips, category, person, dates, tag and text. Empty = everything. */
export function TimelineFilters({ filter, text, onTextChange, onChange, onClear, tx, people, tags }: TimelineFiltersProps) {
  const toggleGroup = (id: string) => {
    const on = filter.groups.includes(id);
    onChange({ ...filter, groups: on ? filter.groups.filter((g) => g !== id) : [...filter.groups, id] });
  };
  const empty = isFilterEmpty(filter) && text.trim() === '';

  return (
    <div className="filters" role="search" aria-label="Filter incidents">
      <div className="filter-row">
        <div className="chips" role="group" aria-label="Groups (none pressed shows all)">
          {tx?.taxonomy.groups.map((g) => {
            const pressed = filter.groups.includes(g.id);
            return (
              <button
                key={g.id}
                type="button"
                className="chip"
                data-group-chip={g.id}
                aria-pressed={pressed}
                title={g.system ? 'Court and police events: orders, warnings, arrests' : undefined}
                onClick={() => toggleGroup(g.id)}
              >
                <span className="swatch" style={{ background: g.color }} aria-hidden="true" />
                {g.label}
                {pressed ? (
                  <span className="chip-check" aria-hidden="true">
                    ✓
                  </span>
                ) : null}
              </button>
            );
          })}
        </div>
        <div className="filter-field filter-text">
          <label htmlFor="filter-text" className="visually-hidden">
            Search incidents
          </label>
          <input
            id="filter-text"
            className="input"
            type="search"
            placeholder="Search narrative, words, location…"
            value={text}
            onChange={(e) => onTextChange(e.target.value)}
          />
        </div>
      </div>
      <div className="filter-fields">
        <div className="filter-field">
          <label htmlFor="filter-category" className="visually-hidden">
            Category
          </label>
          <select
            id="filter-category"
            className="input"
            value={filter.categories[0] ?? ''}
            onChange={(e) => onChange({ ...filter, categories: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">All categories</option>
            {tx?.taxonomy.groups.map((g) => (
              <optgroup key={g.id} label={g.label}>
                {(tx.byGroup.get(g.id) ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="filter-person" className="visually-hidden">
            Person
          </label>
          <select
            id="filter-person"
            className="input"
            value={filter.personId ?? ''}
            onChange={(e) => onChange({ ...filter, personId: e.target.value || null })}
          >
            <option value="">Anyone</option>
            {(people ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({ROLE_LABELS[p.role].toLowerCase()})
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field filter-dates">
          <label htmlFor="filter-from">From</label>
          <input
            id="filter-from"
            className="input"
            type="date"
            value={filter.from ?? ''}
            max={filter.to ?? undefined}
            onChange={(e) => onChange({ ...filter, from: e.target.value || null })}
          />
          <label htmlFor="filter-to">to</label>
          <input
            id="filter-to"
            className="input"
            type="date"
            value={filter.to ?? ''}
            min={filter.from ?? undefined}
            onChange={(e) => onChange({ ...filter, to: e.target.value || null })}
          />
        </div>
        <div className="filter-field">
          <label htmlFor="filter-tag" className="visually-hidden">
            Tag
          </label>
          <select
            id="filter-tag"
            className="input"
            value={filter.tag ?? ''}
            onChange={(e) => onChange({ ...filter, tag: e.target.value || null })}
          >
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        {!empty ? (
          <button type="button" id="clear-filters" className="button button-quiet button-small" onClick={onClear}>
            Clear filters
          </button>
        ) : null}
      </div>
    </div>
  );
}
