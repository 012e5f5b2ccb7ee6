/** Colours only for a person at a terminal: never in a pipe or a file, never when NO_COLOR is set (https://no-color.org). */
export function colorEnabled(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): boolean {
  return stream.isTTY === true && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '') && env['TERM'] !== 'dumb';
}

export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  /** A workflow or job state in the colour of its outcome. */
  state(state: string): string;
}

const sgr = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const plain = (text: string) => text;

export function palette(enabled: boolean): Palette {
  const [bold, dim, red, green, yellow] = enabled ? [sgr(1), sgr(2), sgr(31), sgr(32), sgr(33)] : [plain, plain, plain, plain, plain];
  return {
    bold,
    dim,
    red,
    green,
    yellow,
    state(state) {
      if (state === 'COMPLETED' || state === 'SUCCEEDED') return green(state);
      if (state === 'FAILED' || state === 'CANCELLED' || state === 'DEAD') return red(state);
      if (state === 'RUNNING' || state === 'QUEUED' || state === 'RETRYING') return yellow(state);
      return state;
    },
  };
}
