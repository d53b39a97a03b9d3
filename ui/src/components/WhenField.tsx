import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { parseWhen, type WhenParse } from '../ipc/commands';

interface WhenFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(text: string): void;
  tz: string | null;
  required?: boolean;
  /** Shown under the field while it is empty. */
  emptyHint: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
}

/**
 * A free-text date ("3/14/2026 9:30pm", "early March 2026") with the
 * backend's reading of it shown live underneath (`${id}-parsed`).
 */
export function WhenField({ id, label, value, onChange, tz, required = false, emptyHint, autoFocus, inputRef, disabled }: WhenFieldProps) {
  const [parsed, setParsed] = useState<{ for: string; result: WhenParse } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const n = ++seq.current;
    const text = value.trim();
    if (text === '') {
      setParsed(null);
      setFailed(null);
      return;
    }
    const t = setTimeout(async () => {
      try {
        const result = await parseWhen(text, tz);
        if (n !== seq.current || !result) return;
        setParsed({ for: text, result });
        setFailed(null);
      } catch {
        if (n === seq.current) setFailed('Vigil could not check this date just now.');
      }
    }, 150);
    return () => clearTimeout(t);
  }, [value, tz]);

  const text = value.trim();
  const current = parsed && parsed.for === text ? parsed.result : null;
  const problem = text !== '' ? (current?.problem ?? (current && !current.when ? 'Vigil cannot read this date.' : null)) : null;
  let shown: ReactNode;
  let cls = 'when-parsed';
  if (text === '') {
    shown = emptyHint;
    cls += ' muted';
  } else if (failed) {
    shown = failed;
    cls += ' when-problem';
  } else if (problem) {
    shown = problem;
    cls += ' when-problem';
  } else if (current?.when) {
    shown = (
      <>
        <span aria-hidden="true">→ </span>
        <span className="visually-hidden">Read as </span>
        {current.when.display}
      </>
    );
    cls += ' when-ok';
  } else {
    shown = parsed ? (
      <span className="stale">
        <span aria-hidden="true">→ </span>
        {parsed.result.when?.display ?? '…'}
      </span>
    ) : (
      '…'
    );
    cls += ' muted';
  }

  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span className="required-mark" aria-hidden="true"> *</span> : null}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={value}
        required={required}
        aria-required={required ? 'true' : undefined}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={`${id}-parsed`}
        data-autofocus={autoFocus ? '' : undefined}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-parsed`} className={cls} aria-live="polite">
        {shown}
      </p>
    </div>
  );
}
