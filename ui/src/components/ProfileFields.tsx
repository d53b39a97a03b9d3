import type { Profile } from '../ipc/commands';

interface ProfileFieldsProps {
  /** id prefix: fields get ids `${prefix}-name`, `-badge`, `-unit`, `-agency`. */
  prefix: string;
  value: Profile;
  onChange(next: Profile): void;
  disabled?: boolean;
  autoFocusFirst?: boolean;
}

const FIELDS: { key: keyof Profile; label: string; autoComplete: string; hint?: string }[] = [
  { key: 'name', label: 'Full name', autoComplete: 'name' },
  { key: 'badge', label: 'Badge or ID number', autoComplete: 'off' },
  { key: 'unit', label: 'Unit', autoComplete: 'organization-title' },
  { key: 'agency', label: 'Agency', autoComplete: 'organization' },
];

export const EMPTY_PROFILE: Profile = { name: '', badge: '', unit: '', agency: '' };

export function ProfileFields({ prefix, value, onChange, disabled = false, autoFocusFirst = false }: ProfileFieldsProps) {
  return (
    <div className="field-grid">
      {FIELDS.map((f, i) => (
        <div className="field" key={f.key}>
          <label htmlFor={`${prefix}-${f.key}`}>{f.label}</label>
          <input
            id={`${prefix}-${f.key}`}
            className="input"
            type="text"
            required
            aria-required="true"
            autoComplete={f.autoComplete}
            value={value[f.key]}
            disabled={disabled}
            autoFocus={autoFocusFirst && i === 0}
            data-autofocus={autoFocusFirst && i === 0 ? '' : undefined}
            onChange={(e) => onChange({ ...value, [f.key]: e.target.value })}
          />
        </div>
      ))}
    </div>
  );
}

/** Trim every field before sending it. */
export function trimProfile(p: Profile): Profile {
  return { name: p.name.trim(), badge: p.badge.trim(), unit: p.unit.trim(), agency: p.agency.trim() };
}

export function profileComplete(p: Profile): boolean {
  return p.name.trim() !== '' && p.badge.trim() !== '' && p.unit.trim() !== '' && p.agency.trim() !== '';
}
