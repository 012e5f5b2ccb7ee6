import type { Command } from 'commander';
import { required } from '@base-shift/client';
import { CommandContext, type CliIo } from '../context';
import { asFields, asList, poolsTable } from '../output/resources';

export function poolsCommand(program: Command, io: CliIo): void {
  program
    .command('pools')
    .description('Executor pools with queue depth and pods (one pool with its name)')
    .argument('[name]', 'one pool')
    .action(async (name: string | undefined, _options: unknown, command: Command) => {
      const context = CommandContext.of(command, io);
      if (name) {
        const pool = asFields(required(await context.client.rest.GET('/pools/{name}', { params: { path: { name } } })));
        context.print(pool, () => poolsTable([pool], context.colors));
        return;
      }
      const answer = asFields(required(await context.client.rest.GET('/pools')));
      context.print(answer, () => poolsTable(asList(answer['pools']), context.colors));
    });
}
