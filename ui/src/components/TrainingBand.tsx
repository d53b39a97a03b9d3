/** The band on every screen of a training workspace: nobody mistakes it for real work. */
export function TrainingBand() {
  return (
    <div className="training-band" id="training-band" role="note" aria-label="Training workspace">
      <strong>TRAINING</strong> — fictional cases for class, not evidence. Nothing here is real.
    </div>
  );
}
