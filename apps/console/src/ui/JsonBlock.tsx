/** A JSON value, indented; `undefined` shows as a dash. */
export function JsonBlock({ value, testId }: { value: unknown; testId?: string }) {
  if (value === undefined) return <p className="muted">—</p>;
  return (
    <pre className="json" data-testid={testId} tabIndex={0}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
