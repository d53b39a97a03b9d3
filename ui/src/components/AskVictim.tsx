import { useState } from 'react';
import type { ScriptedAnswer } from '../ipc/commands';

/**
 * In a training scenario's case: "Ask the victim" shows what the victim
 * says to this question, only once the trainee asks it.
 */
export function AskVictim({ answer }: { answer: ScriptedAnswer | undefined }) {
  const [asked, setAsked] = useState(false);
  if (!answer) return null;
  return (
    <div className="ask-victim" data-item={answer.item}>
      {asked ? (
        <p className="ask-victim-says" role="status">
          <strong>The victim says:</strong> “{answer.says}”
        </p>
      ) : (
        <button type="button" className="button button-secondary button-small" onClick={() => setAsked(true)}>
          Ask the victim (training)
        </button>
      )}
    </div>
  );
}
