import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './app-process';

/**
 * promtool and prometheus come from Debian's `prometheus` package. Installed on
 * first use when missing (tests run as root on the CI machines), so a fresh
 * machine needs no manual step.
 */
export function ensurePrometheusInstalled(): void {
  if (onPath('promtool') && onPath('prometheus')) return;
  if (!onPath('apt-get') || process.getuid?.() !== 0) {
    throw new Error("promtool/prometheus are missing: install Debian's `prometheus` package");
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '-qq', '--no-install-recommends', 'prometheus'], { env, encoding: 'utf8' });
  let result = install();
  if (result.status !== 0) {
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update', '-qq'], { env, encoding: 'utf8' });
    result = install();
  }
  if (result.status !== 0) throw new Error(`apt-get install prometheus failed:\n${result.stderr}`);
}

/** `promtool check metrics` on an exposition text; resolves to its complaints (empty when clean). */
export function promtoolCheckMetrics(exposition: string): string {
  ensurePrometheusInstalled();
  const result = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.trim();
}

export interface ScrapeTarget {
  job: string;
  /** host:port serving /metrics */
  address: string;
}

export interface PrometheusServer {
  url: string;
  /** GET /api/v1/query?query=… → the `data.result` array. */
  query(promql: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  stop(): Promise<void>;
}

/** A real Prometheus on loopback scraping `targets` every second, data in a temp dir. */
export async function startPrometheus(targets: ScrapeTarget[]): Promise<PrometheusServer> {
  ensurePrometheusInstalled();
  const dir = mkdtempSync(path.join(tmpdir(), 'bs-prometheus-'));
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    ...targets.flatMap((target) => [
      `  - job_name: ${JSON.stringify(target.job)}`,
      '    static_configs:',
      `      - targets: [${JSON.stringify(target.address)}]`,
    ]),
  ].join('\n');
  writeFileSync(path.join(dir, 'prometheus.yml'), `${config}\n`);
  const port = await freePort();
  const child = spawn(
    'prometheus',
    [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`prometheus exited early:\n${log}`);
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300) throw new Error(`prometheus not ready within 30 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    async query(promql) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await response.json()) as { status: string; error?: string; data: { result: never[] } };
      if (body.status !== 'success') throw new Error(`query ${promql} failed: ${body.error}`);
      return body.data.result;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}
