import { useCallback, useEffect, useRef, useState } from 'react';
import {
  asCommandError,
  assessPassphrase,
  type PassphraseAssessment,
  type Profile,
} from '../ipc/commands';

export interface PassphraseAssessmentState {
  /** Latest assessment received (may be for an earlier value while typing). */
  assessment: PassphraseAssessment | null;
  /** True when `assessment` was made for exactly the current passphrase. */
  isCurrent: boolean;
  /** Message if the backend could not assess. */
  error: string | null;
  /** Assess the current value right now (e.g. on submit) and return the result. */
  assessNow(): Promise<PassphraseAssessment>;
}

/**
 * Ask the backend how strong `passphrase` is, debounced while typing. The
 * rules live in the backend; this only relays its verdict.
 */
export function usePassphraseAssessment(
  passphrase: string,
  profile: Profile | null,
  delayMs = 150,
): PassphraseAssessmentState {
  const [result, setResult] = useState<{ for: string; assessment: PassphraseAssessment } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const profileKey = profile ? JSON.stringify(profile) : '';
  const profileRef = useRef(profile);
  profileRef.current = profile;

  useEffect(() => {
    const id = ++seq.current;
    if (passphrase === '') {
      setResult(null);
      setError(null);
      return;
    }
    const timer = setTimeout(() => {
      assessPassphrase(passphrase, profileRef.current)
        .then((assessment) => {
          if (id !== seq.current) return;
          setResult({ for: passphrase, assessment });
          setError(null);
        })
        .catch((e: unknown) => {
          if (id !== seq.current) return;
          setError(asCommandError(e).message);
        });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [passphrase, profileKey, delayMs]);

  const assessNow = useCallback(async () => {
    const id = ++seq.current;
    const assessment = await assessPassphrase(passphrase, profileRef.current);
    if (id === seq.current) {
      setResult({ for: passphrase, assessment });
      setError(null);
    }
    return assessment;
  }, [passphrase]);

  return {
    assessment: result?.assessment ?? null,
    isCurrent: result !== null && result.for === passphrase,
    error,
    assessNow,
  };
}
