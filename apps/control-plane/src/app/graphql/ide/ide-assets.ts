import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import graphiqlPackage from 'graphiql/package.json';
import reactDomPackage from 'react-dom/package.json';
import reactPackage from 'react/package.json';
import { IDE_BOOTSTRAP_SCRIPT, IDE_STYLESHEET } from './ide-page';

/** Where the IDE's files are served, under the GraphQL path so the IDE is one self-contained thing. */
export const IDE_ASSET_PATH = '/graphql/ide';

export interface IdeAsset {
  contentType: string;
  body: Buffer;
  etag: string;
}

interface PackageInfo {
  name: string;
  version: string;
}

/**
 * A file of an npm package, or text of our own. The packages are imported
 * statically (their package.json) so that the build lists them among the
 * app's dependencies, and the image installs them; their versions name the files' ETags.
 */
type AssetSource = { contentType: string } & ({ package: PackageInfo; file: string } | { text: string });

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * Every file the IDE page loads, by the name it is served under; nothing else
 * is served (no path from the URL ever reaches the file system). The UMD
 * builds come from our own node_modules, so the IDE works offline and loads
 * nothing from a CDN; GraphiQL's fonts are inlined in its CSS as data: URLs.
 */
const SOURCES: Record<string, AssetSource> = {
  'react.production.min.js': { contentType: JS, package: reactPackage, file: 'umd/react.production.min.js' },
  'react-dom.production.min.js': { contentType: JS, package: reactDomPackage, file: 'umd/react-dom.production.min.js' },
  'graphiql.min.js': { contentType: JS, package: graphiqlPackage, file: 'graphiql.min.js' },
  'graphiql.min.css': { contentType: CSS, package: graphiqlPackage, file: 'graphiql.min.css' },
  'ide.js': { contentType: JS, text: IDE_BOOTSTRAP_SCRIPT },
  'ide.css': { contentType: CSS, text: IDE_STYLESHEET },
};

export const IDE_ASSET_NAMES: readonly string[] = Object.keys(SOURCES);

// Resolved from the working directory, like the schema file: the repository root in development and
// tests, /app (with its node_modules) in the image. The app bundle keeps npm packages external.
const nodeRequire = createRequire(join(process.cwd(), 'package.json'));
const loaded = new Map<string, IdeAsset>();

/** Through package.json, which every package exports: react's `exports` map does not list its UMD files. */
function packageDirectory(name: string): string {
  return dirname(nodeRequire.resolve(`${name}/package.json`));
}

/** The asset served as `name`, read once and kept in memory (about 4 MB, only once the IDE is opened); undefined for any other name. */
export function ideAsset(name: string): IdeAsset | undefined {
  const source = Object.hasOwn(SOURCES, name) ? SOURCES[name] : undefined;
  if (!source) return undefined;
  let asset = loaded.get(name);
  if (!asset) {
    if ('package' in source) {
      const { name: packageName, version } = source.package;
      const body = readFileSync(join(packageDirectory(packageName), source.file));
      asset = { contentType: source.contentType, body, etag: `"${packageName}@${version}/${source.file}"` };
    } else {
      const body = Buffer.from(source.text, 'utf8');
      asset = { contentType: source.contentType, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    }
    loaded.set(name, asset);
  }
  return asset;
}
