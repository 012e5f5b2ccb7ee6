import type { Command } from 'commander';
import { required } from '@base-shift/client';
import { CommandContext, type CliIo } from '../context';
import { asFields, asList, deadLettersTable } from '../output/resources';
import { positiveInt } from './option-parsers';

export function dlqCommand(program: Command, io: CliIo): void {
  const dlq = program.command('dlq').description("A pool's dead letter: jobs that used up their attempts (admin)");

  dlq
    .command('list')
    .description('Dead-lettered jobs of a pool, newest first, with their last error')
    .argument('<pool>')
    .option('--limit <n>', 'page size', positiveInt, 20)
    .option('--cursor <cursor>', 'the cursor printed with the previous page')
    .action(async (pool: string, options: { limit: number; cursor?: string }, command: Command) => {
      const context = CommandContext.of(command, io);
      const query = { limit: options.limit, ...(options.cursor && { cursor: options.cursor }) };
      const page = asFields(required(await context.client.rest.GET('/pools/{pool}/dead-letters', { params: { path: { pool }, query } })));
      context.print(page, () => deadLettersTable(asList(page['items']), context.colors));
      if (context.format === 'table' && page['nextCursor']) io.stderr.write(`more: bsctl dlq list ${pool} --cursor ${String(page['nextCursor'])}\n`);
    });

  dlq
    .command('requeue')
    .description('Put a dead-lettered job back in the queue with its failure count reset')
    .argument('<pool>')
    .argument('<jobId>')
    .action(async (pool: string, jobId: string, _options: unknown, command: Command) => {
      const context = CommandContext.of(command, io);
      const requeued = required(await context.client.rest.POST('/pools/{pool}/dead-letters/{jobId}/requeue', { params: { path: { pool, jobId } } }));
      context.print(requeued, () => `job ${jobId} requeued in pool ${pool}\n`);
    });
}
