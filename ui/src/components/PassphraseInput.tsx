import { forwardRef, useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { id: string };

/** Password field with a Show/Hide toggle (long passphrases are easy to mistype). */
export const PassphraseInput = forwardRef<HTMLInputElement, Props>(function PassphraseInput(
  { className, ...rest },
  ref,
) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="passphrase-input">
      <input
        ref={ref}
        type={visible ? 'text' : 'password'}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        className={className ? `input ${className}` : 'input'}
        {...rest}
      />
      <button
        type="button"
        className="button button-quiet reveal-button"
        aria-pressed={visible}
        aria-controls={rest.id}
        onClick={() => setVisible((v) => !v)}
      >
        {visible ? 'Hide' : 'Show'}
      </button>
    </div>
  );
});
