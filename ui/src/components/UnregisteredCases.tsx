import { useCallback, useEffect, useState } from 'react';
import { Spinner } from './Spinner';
import { adoptCase, asCommandError, listUnregisteredCases, type CaseSummary, type UnregisteredCase } from '../ipc/commands';

interface UnregisteredCasesProps {
  /** Changes when the case list is reloaded, so this list follows. */
  refreshKey: unknown;
  /** A file was checked and taken back. */
  onAdopted(summary: CaseSummary): void;
}

/**
 * Case files in the cases folder that the workspace's list does not hold
 * (after an older list was restored): each can be checked and taken back.
 * The checks and the reasons are the core's; this only shows them.
 */
export function UnregisteredCases({ refreshKey, onAdopted }: UnregisteredCasesProps) {
  const [files, setFiles] = useState<UnregisteredCase[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await listUnregisteredCases();
      setFiles(Array.isArray(list) ? list : []);
    } catch {
      // Listing is advisory: the case list itself reports real failures.
      setFiles([]);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  if (files.length === 0) return null;

  const adopt = async (fileName: string) => {
    setBusy(fileName);
    setError(null);
    try {
      const s = await adoptCase(fileName);
      await load();
      onAdopted(s);
    } catch (e) {
      setError(asCommandError(e).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="sidebar-note unregistered" id="unregistered-cases" aria-labelledby="unregistered-title">
      <h2 id="unregistered-title" className="sidebar-heading">
        {files.length === 1 ? '1 case file is not in the list' : `${files.length} case files are not in the list`}
      </h2>
      <p className="hint">Found in the cases folder but not in this workspace’s list, for example after an older copy was restored.</p>
      <ul className="plain-list">
        {files.map((f) => (
          <li key={f.fileName} className="unregistered-item">
            <span className="mono">{f.fileName}</span>
            {f.adoptable ? (
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={busy !== null}
                aria-label={`Check and restore ${f.fileName}`}
                onClick={() => void adopt(f.fileName)}
              >
                {busy === f.fileName ? (
                  <>
                    <Spinner /> Checking…
                  </>
                ) : (
                  'Check and restore'
                )}
              </button>
            ) : (
              <p className="hint">{f.reason}</p>
            )}
          </li>
        ))}
      </ul>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
