/** The cheapest real template: one transform step, so what a run measures is the engine's own overhead. */
export function noopTemplate(id: string, resourceClass: string) {
  return {
    id,
    resourceClass,
    steps: [{ name: 'noop', type: 'transform', config: { output: { ok: true } } }],
    inputSchema: { type: 'object' },
    outputSchema: { type: 'object' },
  };
}

/** Publishes a job template through the control plane's GraphQL API (createJobTemplate); throws with the answer when refused. */
export async function createJobTemplate(base: string, adminKey: string, input: object): Promise<void> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
    body: JSON.stringify({ query: 'mutation($input: CreateJobTemplateInput!) { createJobTemplate(input: $input) { id } }', variables: { input } }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (!response.ok || body.errors) throw new Error(`publishing template failed (${response.status}): ${JSON.stringify(body)}`);
}
