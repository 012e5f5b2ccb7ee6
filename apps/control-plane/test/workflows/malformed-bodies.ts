/**
 * 500 malformed `POST /workflows` bodies, the same every run (seeded): wrong
 * JSON, wrong shapes and types, broken references and graphs, unknown
 * templates, hostile keys and sizes. Each is [body text, content type].
 */
export function malformedBodies(count = 500, seed = 20241129): Array<[string, string]> {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const job = (id: unknown = 'a', extra: Record<string, unknown> = {}) => ({ id, templateId: 'order_validation', ...extra });
  const weird: unknown[] = [null, true, 0, -1, 1e308, -1e308, 1.5, '', ' ', 'x'.repeat(300), [], {}, [1, 2], { a: 1 }, '\u0000', '🙂', '__proto__'];
  // Raw text: as deep as the body limit allows, which no recursive walker survives.
  const deep = (levels: number): string => (random() < 0.5 ? '['.repeat(levels) + ']'.repeat(levels) : '{"k":'.repeat(levels) + '1' + '}'.repeat(levels));

  const generators: Array<() => [unknown, string?]> = [
    () => [pick(weird)],
    () => [{}],
    () => [{ jobs: pick(weird) }],
    () => [{ jobs: [pick(weird)] }],
    () => [{ jobs: [job(pick(weird))] }],
    () => [{ jobs: [{ id: 'a', templateId: pick(weird) }] }],
    () => [{ jobs: [job('a', { version: pick(weird) })] }],
    () => [{ jobs: [job('a', { version: pick(['not-a-range', '>>1', '1.0.0.0', '^99']) })] }],
    () => [{ jobs: [job('a', { input: pick(weird.filter((w) => typeof w !== 'object' || w === null || Array.isArray(w))) })] }],
    () => [{ jobs: [job('a', { priority: pick(['1', 1001, -1001, null, [], {}]) })] }],
    () => [{ jobs: [job('a', { dependsOn: pick(weird) })] }],
    () => [{ jobs: [job('a'), job('a')] }],
    () => [{ jobs: [job('a', { dependsOn: ['b'] }), job('b', { dependsOn: ['a'] })] }],
    () => [{ jobs: [job('a', { dependsOn: ['zzz'] })] }],
    () => [{ jobs: [job('a', { dependsOn: ['a'] })] }],
    () => [{ jobs: [job('a', { input: { x: { $from: pick(['', 'output.x', 'jobs.a.output', 'jobs..output', 'jobs.b.output.x', 'input..x']) } } })] }],
    () => [{ jobs: [job('a', { input: { x: { $from: 'input.orderId', extra: 1 } } })] }],
    () => [{ jobs: [{ id: 'a', templateId: `missing_${Math.floor(random() * 1e6)}` }] }],
    () => [{ jobs: [job('a', { color: 'red' })] }],
    () => [{ jobs: [job('a')], [pick(['extra', 'state', 'id', 'constructor', 'prototype'])]: 1 }],
    () => [{ name: pick(weird), jobs: [job('a')] }],
    () => [{ priority: pick(['high', 5000, null, {}]), jobs: [job('a')] }],
    () => [{ timeoutSeconds: pick([0, -5, 1.5, 'soon', 1e12]), jobs: [job('a')] }],
    () => [{ input: pick(weird.filter((w) => typeof w !== 'object' || w === null || Array.isArray(w))), jobs: [job('a')] }],
    () => [`{"input": {"deep": ${deep(40 + Math.floor(random() * 9000))}}, "jobs": [{"id": "a", "templateId": "order_validation"}]}`, 'application/json'],
    () => [`{"jobs": [{"id": "a", "templateId": "order_validation", "input": {"deep": ${deep(40 + Math.floor(random() * 9000))}}}]}`, 'application/json'],
    () => [{ jobs: Array.from({ length: 201 }, (_, i) => job(`j${i}`)) }],
    () => [{ jobs: [job('a', { input: { orderId: 1, amount: 'x', currency: [], items: {} } })] }],
    () => [JSON.parse('{"__proto__": {"jobs": [{"id": "a", "templateId": "order_validation"}]}}')],
    () => [JSON.parse('{"jobs": [{"id": "a", "templateId": "order_validation", "__proto__": {"admin": true}}]}')],
    () => ['{"jobs": [', 'application/json'],
    () => ['{"jobs": [{"id": "a",}]}', 'application/json'],
    () => ['jobs=1&name=x', 'application/x-www-form-urlencoded'],
    () => ['<workflow/>', pick(['application/xml', 'text/plain', 'text/html'])],
    () => [{ jobs: [job('a')] }, pick(['text/plain', 'application/octet-stream', 'multipart/form-data; boundary=x'])],
    () => [{ jobs: [job('a', { input: { blob: 'x'.repeat(120_000) } })] }],
  ];

  const bodies: Array<[string, string]> = [];
  for (let i = 0; i < count; i++) {
    const [value, contentType] = generators[i % generators.length]();
    bodies.push([typeof value === 'string' && contentType ? value : JSON.stringify(value), contentType ?? 'application/json']);
  }
  return bodies;
}
