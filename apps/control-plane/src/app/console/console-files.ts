import { statSync } from 'node:fs';
import path from 'node:path';

/** The console's built files (`npx nx build console`): index.html and hashed assets/*. */
export class ConsoleFiles {
  readonly root: string;

  constructor(directory: string) {
    this.root = path.resolve(directory);
  }

  get indexHtml(): string {
    return path.join(this.root, 'index.html');
  }

  /** Whether the console was built into the directory (its index.html exists). */
  isBuilt(): boolean {
    return isFile(this.indexHtml);
  }

  /**
   * The absolute path of the file a URL under /ui names (its decoded path segments), or undefined when
   * there is no such file. Segments that could leave the directory or reach a hidden file ('..', '.',
   * '.env', a '/' or '\' smuggled in encoded, a NUL byte) name nothing: the path never leaves `root`.
   */
  file(segments: readonly string[]): string | undefined {
    if (segments.length === 0 || !segments.every(isPlainSegment)) return undefined;
    const resolved = path.join(this.root, ...segments);
    if (!resolved.startsWith(this.root + path.sep)) return undefined;
    return isFile(resolved) ? resolved : undefined;
  }
}

/** Whether the request is for a file of the build's assets/ folder, which a missing file must not answer with index.html. */
export function isAssetPath(segments: readonly string[]): boolean {
  return segments[0] === 'assets';
}

/** A safe file name (no traversal or hidden file) for a URL path segment. */
export function isPlainSegment(segment: string): boolean {
  return segment.length > 0 && !segment.startsWith('.') && !/[/\\\0]/.test(segment);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
