import type { CliIo } from '../context';

/**
 * A secret typed on the terminal without echoing it, or the first line of a
 * piped stdin (`echo $KEY | bsctl login URL`). Empty when there is neither.
 */
export async function readSecret(prompt: string, io: CliIo, stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
    return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
  }
  io.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (text: string) => {
        for (const character of text) {
          if (character === '\r' || character === '\n') {
            stdin.off('data', onData);
            resolve(typed.trim());
            return;
          }
          if (character === '\u0003') {
            stdin.off('data', onData);
            reject(new Error('interrupted'));
            return;
          }
          typed = character === '\u007f' ? typed.slice(0, -1) : typed + character;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    io.stderr.write('\n');
  }
}
