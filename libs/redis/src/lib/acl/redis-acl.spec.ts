import fs from 'node:fs';
import path from 'node:path';
import { REDIS_USERS, redisAclRules, redisAclSetUserArgs, redisPasswordHash, renderRedisAclFile } from './redis-acl';

// The rules against a real Redis: libs/workflow/src/test/redis-acl.spec.ts (it needs the queue and the engine).

const REPO_ROOT = path.resolve(__dirname, '../../../../..');
const DEV = path.join(REPO_ROOT, 'k8s/overlays/dev');

describe('Redis ACL rules', () => {
  it('put the key prefix in front of every key and channel pattern, glob characters escaped', () => {
    const rules = redisAclRules('executor', 'run[1]*:');
    expect(rules.filter((rule) => /^(%R)?~|^&/.test(rule))).toEqual(['~run\\[1\\]\\*:queue:*', '%R~run\\[1\\]\\*:workflow:{*}:templates']);
    expect(redisAclRules('control-plane', 't:').filter((rule) => /^~|^&/.test(rule))).toEqual([
      '~t:queue:*',
      '~t:workflow:*',
      '~t:workflow-index',
      '~t:workflow-index:*',
      '~t:workflow-timers',
      '~t:workflow-retention-backfilled',
      '~t:pods:*',
      '~t:auth:*',
      '~t:template-cache:generation',
      '&t:workflow:{*}:events',
      '&t:template-cache:changed',
    ]);
  });

  it('make ACL SETUSER arguments that reset the user first', () => {
    expect(redisAclSetUserArgs('executor', { password: 'pw' }).slice(0, 8)).toEqual([
      'SETUSER',
      'base-shift-executor',
      'reset',
      'on',
      '>pw',
      'resetkeys',
      'resetchannels',
      '-@all',
    ]);
  });

  it('are what the dev overlay loads, with the passwords of the URLs in its Secrets', () => {
    const kustomization = fs.readFileSync(path.join(DEV, 'kustomization.yaml'), 'utf8');
    const password = (variable: string, user: string) => {
      const match = new RegExp(`${variable}=redis://${user}:([^@]+)@`).exec(kustomization);
      if (!match) throw new Error(`${variable} with user ${user} not found in the dev kustomization`);
      return decodeURIComponent(match[1]);
    };
    const expected = renderRedisAclFile({
      passwordHashes: {
        'control-plane': redisPasswordHash(password('REDIS_URL', REDIS_USERS['control-plane'])),
        executor: redisPasswordHash(password('JOB_QUEUE_URL', REDIS_USERS.executor)),
      },
    });
    // Regenerate: see k8s/README.md ("Redis users").
    expect(fs.readFileSync(path.join(DEV, 'redis-users.acl'), 'utf8')).toBe(expected);
  });

  it('refuse a password hash that is not SHA-256 hex', () => {
    expect(() => renderRedisAclFile({ passwordHashes: { 'control-plane': 'secret', executor: redisPasswordHash('x') } })).toThrow(/SHA-256/);
  });
});
