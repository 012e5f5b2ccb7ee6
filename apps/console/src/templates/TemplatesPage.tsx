// Every job template (GraphQL jobTemplates), each at its highest
// non-deprecated version, ordered by templateId.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useClient } from '../auth/auth-context';
import { AsyncSection } from '../ui/AsyncSection';
import { DataTable } from '../ui/DataTable';
import { EmptyState } from '../ui/feedback';
import { formatTime } from '../ui/format';
import { Pager } from '../ui/Pager';
import { useAsync } from '../ui/use-async';
import { useCursorPages } from '../ui/use-cursor-pages';

const PAGE_SIZE = 50;

export function TemplatesPage() {
  const client = useClient();
  const [name, setName] = useState('');
  const pages = useCursorPages();
  const after = pages.cursor;
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
              pages.reset();
              setName(event.target.value);
            }}
          />
        </div>
      </form>
      <AsyncSection
        state={page}
        what="templates"
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title="No templates">Publish one with bsctl template apply or POST /templates.</EmptyState>}
      >
        {(data) => (
          <DataTable label="Templates" card columns={['Template', 'Name', 'Version', 'Steps', 'Pool', 'Priority', 'Published']}>
            {data.items.map((template) => (
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
          </DataTable>
        )}
      </AsyncSection>
      <Pager pages={pages} nextCursor={page.data?.nextCursor} />
    </>
  );
}
