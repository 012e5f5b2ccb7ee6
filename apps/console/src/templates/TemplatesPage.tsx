// Every job template (GraphQL jobTemplates), each at its highest
// non-deprecated version, ordered by templateId.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useClient } from '../auth/auth-context';
import { EmptyState, Loading } from '../ui/feedback';
import { formatTime } from '../ui/format';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useAsync } from '../ui/use-async';

const PAGE_SIZE = 50;

export function TemplatesPage() {
  const client = useClient();
  const [name, setName] = useState('');
  const [afters, setAfters] = useState<string[]>([]);
  const after = afters[afters.length - 1];
  const page = useAsync(
    () => client.templates.list({ first: PAGE_SIZE, ...(after && { after }), ...(name.trim() && { filter: { name: name.trim() } }) }),
    [client, after, name],
  );

  return (
    <>
      <div className="page-head">
        <h1>Templates</h1>
      </div>
      <form className="filters card" role="search" aria-label="Filter templates" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="template-name">Name contains</label>
          <input
            id="template-name"
            type="text"
            value={name}
            onChange={(event) => {
              setAfters([]);
              setName(event.target.value);
            }}
          />
        </div>
      </form>
      {page.error !== undefined && <ProblemMessage error={page.error} />}
      {page.loading && !page.data && <Loading what="templates" />}
      {page.data && page.data.items.length === 0 && <EmptyState title="No templates">Publish one with bsctl template apply or POST /templates.</EmptyState>}
      {page.data && page.data.items.length > 0 && (
        <div className="table-wrap card">
          <table aria-label="Templates">
            <thead>
              <tr>
                <th scope="col">Template</th>
                <th scope="col">Name</th>
                <th scope="col">Version</th>
                <th scope="col">Steps</th>
                <th scope="col">Pool</th>
                <th scope="col">Priority</th>
                <th scope="col">Published</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((template) => (
                <tr key={template.templateId}>
                  <td>
                    <Link to={`/templates/${encodeURIComponent(template.templateId)}`} className="mono">
                      {template.templateId}
                    </Link>
                  </td>
                  <td>
                    {template.name}
                    {template.description && <div className="muted small">{template.description}</div>}
                  </td>
                  <td className="mono">
                    {template.version}
                    {template.deprecated && <span className="badge deprecated">deprecated</span>}
                  </td>
                  <td>{template.steps.map((step) => step.type).join(' → ')}</td>
                  <td>{template.resourceClass}</td>
                  <td>{template.priority}</td>
                  <td>{formatTime(template.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="pager">
        {afters.length > 0 && (
          <button type="button" onClick={() => setAfters(afters.slice(0, -1))}>
            Previous page
          </button>
        )}
        {page.data?.nextCursor && (
          <button type="button" onClick={() => page.data?.nextCursor && setAfters([...afters, page.data.nextCursor])}>
            Next page
          </button>
        )}
      </div>
    </>
  );
}
