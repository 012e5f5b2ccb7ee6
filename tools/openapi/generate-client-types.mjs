#!/usr/bin/env node
// Writes libs/client/src/lib/generated/openapi.d.ts from the control plane's
// OpenAPI document with openapi-typescript, formatted by Prettier (format:check
// covers the file). `--check` writes nothing and exits 1 when the committed file
// differs from what the document generates now (the client lib's test runs it).
//
// The document is apps/control-plane/openapi.json. A checkout where that file
// does not exist yet reads OPENAPI_DOCUMENT or tmp/openapi.json (gitignored: a
// copy of a running control plane's /docs-json) instead.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET = path.join(ROOT, 'libs/client/src/lib/generated/openapi.d.ts');
const HEADER =
  "// Generated from the control plane's OpenAPI document by tools/openapi/generate-client-types.mjs\n// (`npx nx run client:generate`). Do not edit: regenerate.\n\n";

function documentPath() {
  const candidates = [path.join(ROOT, 'apps/control-plane/openapi.json'), process.env.OPENAPI_DOCUMENT, path.join(ROOT, 'tmp/openapi.json')];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) throw new Error(`no OpenAPI document: looked for ${candidates.filter(Boolean).join(', ')}`);
  return found;
}

async function generate(source) {
  const ast = await openapiTS(pathToFileURL(source), { alphabetize: false });
  const options = { ...(await prettier.resolveConfig(TARGET)), filepath: TARGET };
  return prettier.format(HEADER + astToString(ast), options);
}

const source = documentPath();
const generated = await generate(source);
const relative = path.relative(ROOT, source);
if (process.argv.includes('--check')) {
  const current = existsSync(TARGET) ? readFileSync(TARGET, 'utf8') : '';
  if (current !== generated) {
    process.stderr.write(`${path.relative(ROOT, TARGET)} is stale: it differs from what ${relative} generates. Run: npx nx run client:generate\n`);
    process.exit(1);
  }
  process.stdout.write(`${path.relative(ROOT, TARGET)} is up to date with ${relative}\n`);
} else {
  writeFileSync(TARGET, generated);
  process.stdout.write(`${path.relative(ROOT, TARGET)} generated from ${relative}\n`);
}
