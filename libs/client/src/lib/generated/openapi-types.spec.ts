import { spawnSync } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../../../..');

describe('generated/openapi.d.ts', () => {
  it("is what openapi-typescript generates from the control plane's OpenAPI document now (else: npx nx run client:generate)", () => {
    const check = spawnSync(process.execPath, [path.join(REPO_ROOT, 'tools/openapi/generate-client-types.mjs'), '--check'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
