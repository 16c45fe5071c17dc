/** A labelled busy indicator: screen readers hear the label, everyone sees the motion. */
export function Spinner({ label }: { label: string }) {
  return (
    <div className="spinner-block" role="progressbar" aria-busy="true" aria-label={label}>
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}
