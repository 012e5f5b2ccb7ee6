// One template version, readable: run settings, the steps in order with their
// configuration, and the input and output schemas as field tables.
import type { JobTemplate } from '@base-shift/client';
import { DataTable } from '../ui/DataTable';
import { JsonBlock } from '../ui/JsonBlock';
import { schemaFields } from './schema-fields';

export function TemplateView({ template }: { template: JobTemplate }) {
  return (
    <section aria-label={`Version ${template.version}`} className="card">
      <h2>
        Version <span className="mono">{template.version}</span> {template.deprecated && <span className="badge deprecated">deprecated</span>}
      </h2>
      {template.description && <p>{template.description}</p>}
      <dl className="facts">
        <dt>Pool</dt>
        <dd>{template.resourceClass}</dd>
        <dt>Priority</dt>
        <dd>{template.priority}</dd>
        <dt>Attempts</dt>
        <dd>{template.maxAttempts}</dd>
        <dt>Timeout</dt>
        <dd>{template.timeoutSeconds} s</dd>
        <dt>Secrets</dt>
        <dd className="mono">{template.requiredSecrets.length > 0 ? template.requiredSecrets.join(', ') : '—'}</dd>
      </dl>
      <h3>Steps</h3>
      <ol className="steps">
        {template.steps.map((step) => (
          <li key={step.name}>
            <div>
              <strong className="mono">{step.name}</strong> <span className="badge">{step.type}</span>
            </div>
            <JsonBlock value={step.config} />
          </li>
        ))}
      </ol>
      <div className="io">
        <SchemaTable title="Input schema" schema={template.inputSchema} />
        <SchemaTable title="Output schema" schema={template.outputSchema} />
      </div>
    </section>
  );
}

function SchemaTable({ title, schema }: { title: string; schema: unknown }) {
  const fields = schemaFields(schema);
  return (
    <div>
      <h3>{title}</h3>
      {fields.length === 0 ? (
        <p className="muted">No declared properties.</p>
      ) : (
        <DataTable label={title} columns={['Field', 'Type', 'Rules']}>
          {fields.map((field) => (
            <tr key={field.path}>
              <td className="mono">
                {field.path}
                {field.required && <span title="required"> *</span>}
              </td>
              <td className="mono">
                {field.type}
                {field.writeOnly && <span className="badge">writeOnly</span>}
              </td>
              <td>
                {field.rules.join('; ')}
                {field.description && <div className="muted small">{field.description}</div>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <details>
        <summary>JSON</summary>
        <JsonBlock value={schema} />
      </details>
    </div>
  );
}
