import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('passes on the value of a promise that settles in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000)).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('refused')), 1000)).rejects.toThrow('refused');
  });

  it('rejects a promise that never settles, naming the deadline', async () => {
    await expect(withTimeout(new Promise(() => undefined), 5)).rejects.toThrow('no answer within 5 ms');
    await expect(withTimeout(new Promise(() => undefined), 5, 'no PING reply within 5 ms')).rejects.toThrow('no PING reply within 5 ms');
  });
});
