import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { LuaScript } from '@base-shift/redis';

const GENERATOR = path.resolve(__dirname, '../../../../tools/lua/embed-lua.mjs');

export interface EmbeddedLuaReport {
  /** Empty when `lua-sources.generated.ts` matches the .lua files; otherwise the generator's complaint. */
  staleness: string;
  /** The `<name>-<numKeys>.lua` files of the folder. */
  files: string[];
  /** The same names, as the lib registered its scripts. */
  registered: string[];
}

/**
 * What every lib's Lua spec checks: the embedded copy is up to date with the
 * .lua files (tools/lua/embed-lua.mjs --check, `keep` as the lib's embed target
 * passes it), and each file is registered under its name with its key count.
 */
export function embeddedLuaReport(luaDir: string, scripts: Readonly<Record<string, LuaScript>>, keep: readonly string[] = []): EmbeddedLuaReport {
  let staleness = '';
  try {
    execFileSync(process.execPath, [GENERATOR, luaDir, ...keep.flatMap((name) => ['--keep', name]), '--check'], { stdio: 'pipe' });
  } catch (error) {
    staleness = String((error as { stderr?: Buffer }).stderr ?? error) || 'stale';
  }
  return {
    staleness,
    files: readdirSync(luaDir)
      .filter((file) => file.endsWith('.lua'))
      .sort(),
    registered: Object.values(scripts)
      .map((script) => `${script.name}-${script.numKeys}.lua`)
      .sort(),
  };
}
