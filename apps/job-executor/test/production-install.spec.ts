import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, requireTestEnv } from '@base-shift/testing';
import { ExecutorHarness } from './support/executor-harness';

const ROOT = path.resolve(__dirname, '../../..');

/** The parts of a Dockerfile this test acts on. */
function readDockerfile(app: 'job-executor' | 'control-plane') {
  const text = readFileSync(path.join(ROOT, 'docker', `${app}.Dockerfile`), 'utf8');
  const stages = text.split(/^FROM /m).slice(1);
  const deps = stages.find((stage) => / AS deps\b/.test(stage.split('\n')[0])) ?? '';
  const runtime = stages[stages.length - 1];
  return {
    froms: text.match(/^FROM .*$/gm) ?? [],
    /** The production install of the deps stage, e.g. `npm ci --omit=dev --ignore-scripts …`. */
    install: /^RUN (npm ci [^&\n]*?)\s*(&&|$)/m.exec(deps)?.[1].trim().split(/\s+/) ?? [],
    user: /^USER (\S+)/m.exec(runtime)?.[1],
    env: /^ENV (.*)$/m.exec(runtime)?.[1] ?? '',
    cmd: JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)?.[1] ?? 'null') as string[] | null,
  };
}

/** npm itself, run on the project's Node 24 (the machine's npm may sit on an older Node), like tools/lib/bootstrap.sh. */
function npmCli(): string {
  const npm = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
  return path.join(path.dirname(realpathSync(npm)), 'npm-cli.js');
}

describe('container images', () => {
  it.each(['job-executor', 'control-plane'] as const)(
    '%s: multi-stage on node:24-slim, production-only install, non-root, exec-form node entrypoint',
    (app) => {
      const dockerfile = readDockerfile(app);
      expect(dockerfile.froms.length).toBeGreaterThanOrEqual(3);
      expect(readFileSync(path.join(ROOT, 'docker', `${app}.Dockerfile`), 'utf8')).toContain('ARG NODE_IMAGE=node:24-slim');
      expect(dockerfile.install).toEqual(expect.arrayContaining(['npm', 'ci', '--omit=dev']));
      expect(dockerfile.user).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
      expect(dockerfile.env).toContain('NODE_ENV=production');
      expect(dockerfile.cmd).toEqual(['node', `dist/apps/${app}/main.js`]);
    },
  );

  it('control-plane: builds the operator console and copies it next to the bundle, where the control plane looks for it (/ui)', () => {
    const text = readFileSync(path.join(ROOT, 'docker', 'control-plane.Dockerfile'), 'utf8');
    expect(text).toMatch(/^RUN npx nx run-many -t build -p console control-plane\b/m);
    expect(text).toContain('COPY --from=build /workspace/dist/apps/console ./dist/apps/console\n');
  });

  describe('job-executor installed exactly as its image is built', () => {
    let dir: string;
    let harness: ExecutorHarness;

    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'bs-image-'));
      harness = new ExecutorHarness('image');
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await harness.cleanup();
    });

    it('installs only the generated production dependencies and runs a job against the real Redis', async () => {
      const dockerfile = readDockerfile('job-executor');
      const dist = path.join(ROOT, 'dist/apps/job-executor');
      // deps stage: WORKDIR /app, the generated package.json + lock, then its RUN npm ci … (one registry install).
      cpSync(path.join(dist, 'package.json'), path.join(dir, 'package.json'));
      cpSync(path.join(dist, 'package-lock.json'), path.join(dir, 'package-lock.json'));
      execFileSync(process.execPath, [npmCli(), ...dockerfile.install.slice(1)], {
        cwd: dir,
        env: npmEnvironment(),
        stdio: 'pipe',
        timeout: 170_000,
      });
      for (const devOnly of ['typescript', 'jest', '@nx/js', 'webpack', 'bullmq']) expect(existsSync(path.join(dir, 'node_modules', devOnly))).toBe(false);
      expect(existsSync(path.join(dir, 'node_modules/ioredis'))).toBe(true);

      // runtime stage: node_modules + the bundle, NODE_ENV=production, CMD from the image. Nothing of the workspace is reachable from /tmp.
      cpSync(dist, path.join(dir, 'dist/apps/job-executor'), { recursive: true });
      const port = await freePort();
      const [, ...args] = dockerfile.cmd as string[];
      const child = spawn(process.execPath, args, {
        cwd: dir,
        env: {
          NODE_ENV: 'production',
          JOB_QUEUE_URL: requireTestEnv('REDIS_URL'),
          REDIS_KEY_PREFIX: harness.prefix,
          METRICS_PORT: String(port),
          EXECUTOR_ID: 'image-test',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await waitForHealth(`http://127.0.0.1:${port}/healthz`, () => output);
        const template = {
          templateId: 'shape_order',
          version: '1.0.0',
          steps: [{ name: 'shape', type: 'transform', config: { output: { orderId: { $from: 'input.id' }, ok: true } } }],
          inputSchema: {},
          outputSchema: { type: 'object', required: ['orderId'] },
        };
        const id = await harness.enqueue({ template, input: { id: 'o-7' } });
        expect(await harness.waitForResult(id)).toMatchObject({ outcome: 'succeeded', output: { orderId: 'o-7', ok: true } });
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"stopped"');
    }, 240_000);
  });
});

/**
 * The caller's environment (proxy and CA settings reach the registry) minus what
 * npx/jest put there (npm_config_*, NODE_ENV), which would change the install.
 */
function npmEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE_ENV'));
  return { ...env, PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}` };
}

async function waitForHealth(url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer 200; output:\n${output()}`);
}
