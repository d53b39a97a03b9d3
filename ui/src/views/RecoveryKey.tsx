import { useRef, useState } from 'react';
import { Banner } from '../components/Banner';

interface RecoveryKeyProps {
  recoveryKey: string;
  onContinue(): void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** The key itself, with Copy and Print: used after set-up and after a key rotation. */
export function RecoveryKeyBox({ recoveryKey, id = 'recovery-key' }: { recoveryKey: string; id?: string }) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const keyRef = useRef<HTMLPreElement>(null);

  const selectKey = () => {
    const el = keyRef.current;
    const sel = window.getSelection?.();
    if (!el || !sel) return;
    const range = document.createRange();
    range.selectNodeContents(el);
    sel.removeAllRanges();
    sel.addRange(range);
  };

  const copyKey = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(recoveryKey);
      setCopy('copied');
    } catch {
      selectKey();
      let ok = false;
      try {
        ok = typeof document.execCommand === 'function' && document.execCommand('copy');
      } catch {
        ok = false;
      }
      setCopy(ok ? 'copied' : 'failed');
    }
  };

  return (
    <>
      <pre id={id} ref={keyRef} className="recovery-key mono" aria-label="Recovery key" tabIndex={0}>
        {recoveryKey}
      </pre>
      <div className="button-row no-print">
        <button type="button" className="button button-secondary" onClick={copyKey}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          Print
        </button>
        <span role="status" className="copy-status">
          {copy === 'copied'
            ? 'Copied. Paste it where it belongs, then copy something else so it does not stay on the clipboard.'
            : copy === 'failed'
              ? 'Could not copy automatically: the key is selected, press Ctrl+C.'
              : ''}
        </span>
      </div>
    </>
  );
}

/** Shown once after setup: the recovery key, to copy, print or write down. */
export function RecoveryKey({ recoveryKey, onContinue }: RecoveryKeyProps) {
  const [ack, setAck] = useState(false);

  return (
    <div className="screen screen-centered">
      <main className="card card-wide recovery" id="main-content">
        <p className="app-mark no-print">Vigil</p>
        <h1>Your recovery key</h1>
        <div className="no-print">
          <Banner tone="warning" title="Shown only this once">
            If you forget your passphrase, this key is the only way to open your cases. Vigil cannot show it again.
          </Banner>
        </div>
        <p className="print-explanation">
          This is the recovery key of a Vigil workspace. It opens every case stored in that workspace if the
          passphrase is forgotten. Keep it locked away, separate from the computer.
        </p>
        <RecoveryKeyBox recoveryKey={recoveryKey} />
        <p className="hint no-print">
          Store it on paper or in your agency's password safe, away from this laptop. Anyone who has the key and this
          laptop can read the cases.
        </p>
        <div className="no-print">
          <label className="checkbox">
            <input id="recovery-ack" type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} />
            <span>I have stored the recovery key somewhere safe, away from this laptop</span>
          </label>
          <div className="form-actions">
            <button
              id="recovery-continue"
              type="button"
              className="button button-primary"
              disabled={!ack}
              onClick={onContinue}
            >
              Continue
            </button>
          </div>
        </div>
      </main>
    </div>
  );
}
