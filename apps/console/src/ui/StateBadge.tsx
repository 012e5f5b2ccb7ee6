/** A workflow or job state in its colour (styles.css, `.state-<STATE>`); the text is the state itself. */
export function StateBadge({ state, testId }: { state: string; testId?: string }) {
  return (
    <span className={`badge state-${state}`} data-testid={testId}>
      {state}
    </span>
  );
}
