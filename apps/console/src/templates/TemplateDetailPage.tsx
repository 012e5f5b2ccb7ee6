// One template: its versions with their deprecation state, any version shown
// readably, and two versions compared side by side.
import type { JobTemplate } from '@base-shift/client';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useClient } from '../auth/auth-context';
import { DataTable } from '../ui/DataTable';
import { EmptyState, Loading } from '../ui/feedback';
import { formatTime } from '../ui/format';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useAsync } from '../ui/use-async';
import { comparableDocument, diffLines, stableJson } from './template-diff';
import { TemplateView } from './TemplateView';

export function TemplateDetailPage() {
  const { templateId = '' } = useParams();
  const client = useClient();
  const latest = useAsync(() => client.templates.get(templateId), [client, templateId]);
  const versionList = useAsync(() => client.templates.versions(templateId), [client, templateId]);
  const versions = useMemo(() => versionList.data ?? [], [versionList.data]);
  const [shown, setShown] = useState<string | undefined>();
  const [fromVersion, setFromVersion] = useState('');
  const [toVersion, setToVersion] = useState('');
  // Once asked, the comparison follows the two selects.
  const [compareAsked, setCompareAsked] = useState(false);

  useEffect(() => {
    const [newest, previous = newest] = versions;
    if (!newest || !previous) return;
    setToVersion((current) => current || newest.version);
    setFromVersion((current) => current || previous.version);
  }, [versions]);

  const shownVersion = useAsync(
    async () => (shown && shown !== latest.data?.version ? client.templates.get(templateId, shown) : latest.data),
    [client, templateId, shown, latest.data],
  );

  const comparison = useAsync(async (): Promise<{ from: JobTemplate; to: JobTemplate } | undefined> => {
    if (!compareAsked || !fromVersion || !toVersion) return undefined;
    const [from, to] = await Promise.all([client.templates.get(templateId, fromVersion), client.templates.get(templateId, toVersion)]);
    if (!from || !to) throw new Error(`version ${!from ? fromVersion : toVersion} was not found`);
    return { from, to };
  }, [client, templateId, compareAsked, fromVersion, toVersion]);

  function compare(event: FormEvent) {
    event.preventDefault();
    setCompareAsked(true);
  }

  if (latest.error !== undefined) return <ProblemMessage error={latest.error} />;
  if (versionList.error !== undefined) return <ProblemMessage error={versionList.error} />;
  if (latest.loading && !latest.data) return <Loading what="the template" />;
  if (!latest.data)
    return (
      <EmptyState title={`No template ${templateId}`}>
        It has no version that resolves (or every version is deprecated: open one by its exact version).
      </EmptyState>
    );

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{latest.data.name}</h1>
          <p className="muted mono small">{latest.data.templateId}</p>
        </div>
      </div>

      <DataTable label="Versions" card columns={['Version', 'State', 'Published', { label: 'Actions', visuallyHidden: true }]}>
        {versions.map((version) => (
          <tr key={version.version} aria-current={(shown ?? latest.data?.version) === version.version ? 'true' : undefined}>
            <td className="mono">{version.version}</td>
            <td>{version.deprecated ? <span className="badge deprecated">Deprecated</span> : <span className="badge state-SUCCEEDED">Active</span>}</td>
            <td>{formatTime(version.createdAt)}</td>
            <td>
              <button type="button" className="ghost" onClick={() => setShown(version.version)} aria-label={`Show version ${version.version}`}>
                Show
              </button>
            </td>
          </tr>
        ))}
      </DataTable>

      <form className="filters card" onSubmit={compare} aria-label="Compare versions">
        <VersionSelect id="from-version" label="From version" versions={versions} value={fromVersion} onChange={setFromVersion} />
        <VersionSelect id="to-version" label="To version" versions={versions} value={toVersion} onChange={setToVersion} />
        <button type="submit" className="primary">
          Compare
        </button>
      </form>
      {comparison.error !== undefined && <ProblemMessage error={comparison.error} />}
      {comparison.data && <TemplateDiff from={comparison.data.from} to={comparison.data.to} />}

      {shownVersion.error !== undefined && <ProblemMessage error={shownVersion.error} />}
      {shownVersion.data && <TemplateView template={shownVersion.data} />}
    </>
  );
}

/** One side of the comparison: every version, deprecated ones marked. */
function VersionSelect({
  id,
  label,
  versions,
  value,
  onChange,
}: {
  id: string;
  label: string;
  versions: readonly { version: string; deprecated: boolean }[];
  value: string;
  onChange: (version: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {versions.map((version) => (
          <option key={version.version} value={version.version}>
            {version.version}
            {version.deprecated ? ' (deprecated)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

function TemplateDiff({ from, to }: { from: JobTemplate; to: JobTemplate }) {
  const rows = useMemo(
    () =>
      diffLines(
        stableJson(comparableDocument(from as unknown as Record<string, unknown>)),
        stableJson(comparableDocument(to as unknown as Record<string, unknown>)),
      ),
    [from, to],
  );
  const changes = rows.filter((row) => row.kind !== 'same').length;
  return (
    <section role="region" aria-label="Diff" className="card">
      <h2>
        <span className="mono">{from.version}</span> → <span className="mono">{to.version}</span>
      </h2>
      <p className="muted">{changes === 0 ? 'The two versions have the same content.' : `${changes} changed line${changes === 1 ? '' : 's'}.`}</p>
      <div className="diff" tabIndex={0}>
        <div className="diff-head">{from.version}</div>
        <div className="diff-head">{to.version}</div>
        {rows.map((row, index) => (
          <div className={`diff-row ${row.kind}`} key={index}>
            <pre className="diff-cell left">
              <span className="diff-line" aria-hidden="true">
                {row.left?.line ?? ''}
              </span>
              {row.kind === 'removed' || row.kind === 'changed' ? <del>{row.left?.text}</del> : row.left?.text}
            </pre>
            <pre className="diff-cell right">
              <span className="diff-line" aria-hidden="true">
                {row.right?.line ?? ''}
              </span>
              {row.kind === 'added' || row.kind === 'changed' ? <ins>{row.right?.text}</ins> : row.right?.text}
            </pre>
          </div>
        ))}
      </div>
    </section>
  );
}
