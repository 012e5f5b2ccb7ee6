import { problemView } from './problem-view';

/** A failed call, as the problem details tell it: title, detail, each `pointer: message`, and what to do. */
export function ProblemMessage({ error }: { error: unknown }) {
  const view = problemView(error);
  return (
    <div role="alert" className="problem card">
      <strong>{view.title}</strong>
      {view.detail && <p>{view.detail}</p>}
      {view.entries.length > 0 && (
        <ul>
          {view.entries.map((entry) => (
            <li key={entry}>
              <code>{entry}</code>
            </li>
          ))}
        </ul>
      )}
      {view.hint && <p className="muted">{view.hint}</p>}
    </div>
  );
}
