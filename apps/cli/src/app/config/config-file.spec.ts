import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configPath, readConfig, writeConfig } from './config-file';
import { resolveConnection } from './connection';

describe('the config file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'bsctl-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lives at BSCTL_CONFIG, else under XDG_CONFIG_HOME, else under ~/.config', () => {
    expect(configPath({ BSCTL_CONFIG: '/etc/bs.json', XDG_CONFIG_HOME: '/x' })).toBe('/etc/bs.json');
    expect(configPath({ XDG_CONFIG_HOME: '/x', HOME: '/home/u' })).toBe('/x/bsctl/config.json');
    expect(configPath({ HOME: '/home/u' })).toBe('/home/u/.config/bsctl/config.json');
  });

  it('is written 0600 in a directory created 0700, and read back', () => {
    const file = path.join(dir, 'nested', 'bsctl', 'config.json');
    writeConfig(file, { server: 'http://cp:3000', token: 'bsk_secret' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(readConfig(file)).toEqual({ server: 'http://cp:3000', token: 'bsk_secret' });
    writeConfig(file, { server: 'http://other:3000' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ server: 'http://other:3000' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('leaves the mode of a directory that already existed alone', () => {
    const shared = path.join(dir, 'shared');
    mkdirSync(shared, { mode: 0o755 });
    writeConfig(path.join(shared, 'c.json'), {});
    expect(statSync(shared).mode & 0o777).toBe(0o755);
  });

  it('is empty when missing, and an error naming the file when it is not a JSON object', () => {
    expect(readConfig(path.join(dir, 'none.json'))).toEqual({});
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '[1]');
    expect(() => readConfig(bad)).toThrow(`${bad}: must be a JSON object`);
    writeFileSync(bad, '{');
    expect(() => readConfig(bad)).toThrow(`${bad}: not JSON`);
  });

  it('is overridden by --server, BSCTL_SERVER and BSCTL_TOKEN', () => {
    const file = path.join(dir, 'c.json');
    writeConfig(file, { server: 'http://stored:1/', token: 'stored-key' });
    expect(resolveConnection(undefined, { BSCTL_CONFIG: file })).toEqual({ server: 'http://stored:1', token: 'stored-key' });
    expect(resolveConnection(undefined, { BSCTL_CONFIG: file, BSCTL_SERVER: 'https://env:2', BSCTL_TOKEN: 'env-key' })).toEqual({
      server: 'https://env:2',
      token: 'env-key',
    });
    expect(resolveConnection('http://flag:3', { BSCTL_CONFIG: file, BSCTL_SERVER: 'https://env:2' }).server).toBe('http://flag:3');
    expect(() => resolveConnection(undefined, { BSCTL_CONFIG: path.join(dir, 'none.json') })).toThrow('run `bsctl login <url>` or set BSCTL_SERVER');
    expect(() => resolveConnection('ftp://x', { BSCTL_CONFIG: file })).toThrow('invalid server URL "ftp://x": expected http or https');
  });
});
