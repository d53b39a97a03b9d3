import { useEffect, useState } from 'react';
import { removeSigner, trustedSigners, type TrustedSigner } from '../ipc/commands';
import { formatDate } from '../lib/format';

/**
 * The investigators' certificates this workspace trusts, each with its
 * fingerprint in groups, and a way to stop trusting one (a lost laptop, a
 * colleague who left). New signers are trusted from a packet under review.
 */
export function TrustedSigners({ explain }: { explain(e: unknown): string }) {
  const [list, setList] = useState<TrustedSigner[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => {
    Promise.resolve()
      .then(() => trustedSigners())
      .then((l) => setList(Array.isArray(l) ? l : []))
      .catch((e) => setError(explain(e)));
  }, [explain]);

  const remove = async (fingerprint: string) => {
    setError(null);
    try {
      setList(await removeSigner(fingerprint));
      setConfirming(null);
    } catch (e) {
      setError(explain(e));
    }
  };

  return (
    <div id="trusted-signers">
      {list !== null && list.length === 0 ? (
        <p className="muted">No signer is trusted yet. Open a packet with “Review a packet…” to trust its signer.</p>
      ) : null}
      <ul className="plain-list">
        {(list ?? []).map((t) => (
          <li key={t.fingerprint} className="trusted-signer" data-fingerprint={t.fingerprint}>
            <strong>{t.named.name}</strong> — badge {t.named.badge}, {t.named.unit}, {t.named.agency}
            <span className="muted"> (trusted {formatDate(t.trustedAt)})</span>
            <code className="hash-inline fingerprint">{t.grouped}</code>
            {confirming === t.fingerprint ? (
              <span className="toolbar">
                <button type="button" className="button button-danger button-small" onClick={() => void remove(t.fingerprint)}>
                  Stop trusting {t.named.name}
                </button>
                <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(null)}>
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" className="button button-quiet button-small" onClick={() => setConfirming(t.fingerprint)}>
                Remove…
              </button>
            )}
          </li>
        ))}
      </ul>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
