import semver from 'semver';
import type { ValidationProblem } from '@base-shift/core';
import { InvalidTemplateError } from '../errors/template-errors';

export type VersionBump = 'major' | 'minor' | 'patch';
export const VERSION_BUMPS: readonly VersionBump[] = ['major', 'minor', 'patch'];
export const FIRST_VERSION = '1.0.0';

/** What a reader asked for: one exact version, a range, or "the default" (no version). */
export type VersionSelector = { kind: 'exact'; version: string } | { kind: 'range'; range: string } | { kind: 'default' };

/**
 * A stored version string: canonical semver (`1.2.0`, `2.0.0-rc.1`), no `v`
 * prefix, no build metadata — `1.0.0+a` and `1.0.0+b` have equal precedence,
 * so the unique index could not tell them apart.
 */
export function versionProblem(version: string, pointer: string): ValidationProblem | undefined {
  if (version.includes('+')) return { pointer, message: 'must not carry build metadata (+...): it does not order versions' };
  if (semver.valid(version) !== version) return { pointer, message: 'must be a semantic version such as 1.2.0 or 2.0.0-rc.1' };
  return undefined;
}

/** Highest by semver precedence, prereleases and deprecated versions included. */
export function highestVersion(versions: readonly string[]): string | undefined {
  return versions.length === 0 ? undefined : semver.rsort([...versions])[0];
}

/** The seed's update_template_version: `1.2.0` + minor → `1.3.0`. */
export function bumpVersion(current: string, bump: VersionBump): string {
  const next = semver.inc(current, bump);
  if (!next) throw new Error(`cannot bump ${current}`);
  return next;
}

export function isGreaterVersion(candidate: string, than: string): boolean {
  return semver.gt(candidate, than);
}

/**
 * Reads a `version` argument. An exact version is a canonical semver string;
 * anything else semver accepts as a range (`^1.2`, `~1.2.3`, `>=2 <3`, `1.x`)
 * is a range; empty or absent is the default.
 */
export function parseVersionSelector(input: string | null | undefined, pointer = '/version'): VersionSelector {
  const text = input?.trim() ?? '';
  if (text === '') return { kind: 'default' };
  if (semver.valid(text) === text) return { kind: 'exact', version: text };
  if (semver.validRange(text) !== null) return { kind: 'range', range: text };
  throw new InvalidTemplateError([{ pointer, message: 'must be an exact version (1.2.0) or a semver range (^1.2, ~1.2.3, >=2 <3)' }]);
}

/**
 * Picks the version a selector resolves to:
 * - exact: that version if it exists, deprecated or not (pinned workflows keep working);
 * - range: the highest satisfying, non-deprecated version (prereleases only when
 *   the range names a prerelease of the same major.minor.patch, as npm does);
 * - default: the highest non-deprecated, non-prerelease version.
 * Undefined when nothing qualifies.
 */
export function selectVersion(available: readonly { version: string; deprecated: boolean }[], selector: VersionSelector): string | undefined {
  if (selector.kind === 'exact') return available.find((v) => v.version === selector.version)?.version;
  const candidates = available.filter((v) => !v.deprecated).map((v) => v.version);
  if (selector.kind === 'range') return semver.maxSatisfying(candidates, selector.range) ?? undefined;
  return highestVersion(candidates.filter((v) => semver.prerelease(v) === null));
}

/** Newest first. */
export function sortNewestFirst<T extends { version: string }>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => semver.rcompare(a.version, b.version));
}
