/** Small indeterminate activity indicator; pair it with visible text. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
