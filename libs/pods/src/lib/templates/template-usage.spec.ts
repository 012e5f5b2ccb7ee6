import { parsePoolConfig } from '../pools/parse-pool-config';
import { templateUsage } from './template-usage';

const pools = parsePoolConfig({
  pools: [
    { name: 'small', resources: { limits: { memory: '128Mi' } } },
    { name: 'huge', resources: { requests: { memory: '1Gi' }, limits: { memory: '4Gi' } } },
    { name: 'medium', resources: { requests: { memory: '256Mi' }, limits: { memory: '512Mi' } } },
  ],
});

describe('which pool a template needs', () => {
  it('keeps a template where it runs when nothing was OOMKilled, with its mean and longest run', () => {
    const [usage] = templateUsage([{ pool: 'small', templateId: 'order_validation', runs: 4, totalMs: 2000, maxMs: 900, oomKills: 0 }], pools);
    expect(usage).toMatchObject({ templateId: 'order_validation', pool: 'small', runs: 4, meanSeconds: 0.5, maxSeconds: 0.9, recommendedPool: 'small' });
  });

  it('recommends the next larger pool by memory limit after OOM kills', () => {
    const [usage] = templateUsage([{ pool: 'small', templateId: 'report', runs: 1, totalMs: 1000, maxMs: 1000, oomKills: 2 }], pools);
    expect(usage.recommendedPool).toBe('medium');
    expect(usage.reason).toContain('2 OOM kill(s) in small');
  });

  it('says so when no pool is larger', () => {
    const [usage] = templateUsage([{ pool: 'huge', templateId: 'report', runs: 0, totalMs: 0, maxMs: 0, oomKills: 1 }], pools);
    expect(usage.recommendedPool).toBe('huge');
    expect(usage.reason).toContain('no pool has a larger memory limit');
  });
});
