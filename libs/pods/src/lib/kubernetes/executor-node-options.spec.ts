import { executorNodeOptions } from './executor-node-options';

describe('executorNodeOptions', () => {
  it('gives the old generation half of the memory limit', () => {
    expect(executorNodeOptions('128Mi')).toBe('--max-semi-space-size=2 --max-old-space-size=64');
    expect(executorNodeOptions('1Gi')).toBe('--max-semi-space-size=2 --max-old-space-size=512');
  });

  it('never goes below 32 MiB of old space, which the agent needs to start', () => {
    expect(executorNodeOptions('32Mi')).toBe('--max-semi-space-size=2 --max-old-space-size=32');
  });

  it('sets only the nursery without a (readable) limit: V8 then sizes the heap from the cgroup', () => {
    expect(executorNodeOptions(undefined)).toBe('--max-semi-space-size=2');
    expect(executorNodeOptions('lots')).toBe('--max-semi-space-size=2');
  });
});
