// A JSON Schema's properties as rows a person reads (name, type, required,
// constraints, description) — nested objects and arrays of objects flattened
// with dotted paths — instead of raw JSON.

export interface SchemaField {
  path: string;
  type: string;
  required: boolean;
  rules: string[];
  description?: string;
  writeOnly: boolean;
}

type Schema = Record<string, unknown>;

const RULES = [
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'const',
] as const;

export function schemaFields(schema: unknown, prefix = '', depth = 0): SchemaField[] {
  if (!isSchema(schema) || depth > 5) return [];
  const properties = isSchema(schema['properties']) ? schema['properties'] : {};
  const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
  return Object.entries(properties).flatMap(([name, raw]) => {
    const property = isSchema(raw) ? raw : {};
    const path = prefix ? `${prefix}.${name}` : name;
    const rules = RULES.filter((rule) => property[rule] !== undefined).map((rule) => `${rule} ${JSON.stringify(property[rule])}`);
    if (Array.isArray(property['enum'])) rules.push(`one of ${(property['enum'] as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`);
    const field: SchemaField = {
      path,
      type: typeOf(property),
      required: required.has(name),
      rules,
      writeOnly: property['writeOnly'] === true,
      ...(typeof property['description'] === 'string' && { description: property['description'] }),
    };
    const items = isSchema(property['items']) ? property['items'] : undefined;
    const nested = isSchema(property['properties'])
      ? schemaFields(property, path, depth + 1)
      : items && isSchema(items['properties'])
        ? schemaFields(items, `${path}[]`, depth + 1)
        : [];
    return [field, ...nested];
  });
}

function typeOf(property: Schema): string {
  const type = property['type'];
  const base = Array.isArray(type) ? type.join(' | ') : typeof type === 'string' ? type : property['$ref'] ? String(property['$ref']) : 'any';
  if (base === 'array' && isSchema(property['items']) && typeof property['items']['type'] === 'string') return `${property['items']['type']}[]`;
  return base;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
