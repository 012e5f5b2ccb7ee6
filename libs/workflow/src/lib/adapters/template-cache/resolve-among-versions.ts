import { InvalidTemplateError, parseVersionSelector, selectVersion, type VersionSelector, type VersionSummary } from '@base-shift/templates';
import type { PinnedTemplate, TemplateResolution } from '../../engine/engine-ports';

/** Any released, non-deprecated version: its existence tells "no version qualifies" from "no such template". */
const ANY_RELEASED: VersionSelector = { kind: 'range', range: '>=0.0.0-0' };

/** Where one template's versions and snapshots come from: the store itself, or a cache of it. */
export interface TemplateVersionReader {
  /** Every version of the template, in no particular order; empty when it does not exist. */
  versions(): Promise<readonly VersionSummary[]>;
  /** The chosen version's snapshot (its summary lets a cache tell a version re-created after a delete: another createdAt). */
  snapshot(chosen: VersionSummary): Promise<PinnedTemplate | undefined>;
}

/**
 * The resolution rule, shared by the cached and the uncached resolver: an
 * invalid selector is refused before anything is read; otherwise the version
 * `versionOrRange` selects among the template's versions (selectVersion) is
 * loaded.
 */
export async function resolveAmongVersions(versionOrRange: string | undefined, reader: TemplateVersionReader): Promise<TemplateResolution> {
  let selector: VersionSelector;
  try {
    selector = parseVersionSelector(versionOrRange);
  } catch (error) {
    if (error instanceof InvalidTemplateError) return { problem: 'invalid-version' };
    throw error;
  }
  const versions = await reader.versions();
  const chosen = selectVersion(versions, selector);
  const summary = chosen === undefined ? undefined : versions.find((v) => v.version === chosen);
  // A version deleted between the list and the read counts as absent, like TemplateService.getTemplate.
  const template = summary ? await reader.snapshot(summary) : undefined;
  if (template) return { template };
  return { problem: selectVersion(versions, ANY_RELEASED) === undefined ? 'unknown-template' : 'no-matching-version' };
}
