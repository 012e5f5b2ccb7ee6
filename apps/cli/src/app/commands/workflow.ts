import { Command, Option } from 'commander';
import { required } from '@base-shift/client';
import { CommandContext, type CliIo } from '../context';
import { serialize } from '../output/output-format';
import { asFields, asList, workflowDetails, workflowsTable } from '../output/resources';
import { transitionLine } from '../watch/transition-line';
import { positiveInt } from './option-parsers';

const STATES = ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'];

export function workflowCommand(program: Command, io: CliIo): void {
  const workflow = program.command('workflow').description('Workflows: get, list, cancel, retry, events');

  workflow
    .command('get')
    .description('State, jobs (state, attempts, duration, error) of one workflow')
    .argument('<id>')
    .action(async (id: string, _options: unknown, command: Command) => {
      const context = CommandContext.of(command, io);
      const found = asFields(required(await context.client.rest.GET('/workflows/{id}', { params: { path: { id } } })));
      context.print(found, () => workflowDetails(found, context.colors));
    });

  workflow
    .command('list')
    .description('Workflows, newest first')
    .addOption(new Option('--state <state>', 'only workflows in this state').choices(STATES))
    .option('--limit <n>', 'page size', positiveInt, 20)
    .option('--cursor <cursor>', 'the cursor printed with the previous page')
    .action(async (options: { state?: string; limit: number; cursor?: string }, command: Command) => {
      const context = CommandContext.of(command, io);
      const query = { limit: options.limit, ...(options.state && { state: options.state }), ...(options.cursor && { cursor: options.cursor }) };
      const page = asFields(required(await context.client.rest.GET('/workflows', { params: { query: query as never } })));
      context.print(page, () => workflowsTable(asList(page['items']), context.colors));
      if (context.format === 'table' && page['nextCursor']) io.stderr.write(`more: bsctl workflow list --cursor ${String(page['nextCursor'])}\n`);
    });

  workflow
    .command('cancel')
    .description('Cancel a workflow: queued jobs are removed, running ones told to stop')
    .argument('<id>')
    .option('--reason <text>', 'why (recorded in its history)')
    .action(async (id: string, options: { reason?: string }, command: Command) => {
      const context = CommandContext.of(command, io);
      const body = (options.reason ? { reason: options.reason } : {}) as never;
      const cancelled = asFields(required(await context.client.rest.POST('/workflows/{id}/cancel', { params: { path: { id } }, body })));
      context.print(cancelled, () => `workflow ${id} ${context.colors.state(String(cancelled['state']))}\n`);
    });

  workflow
    .command('retry')
    .description('Re-run a FAILED workflow from its failed jobs')
    .argument('<id>')
    .action(async (id: string, _options: unknown, command: Command) => {
      const context = CommandContext.of(command, io);
      const retried = asFields(required(await context.client.rest.POST('/workflows/{id}/retry', { params: { path: { id } } })));
      context.print(retried, () => `workflow ${id} ${context.colors.state(String(retried['state']))}\n`);
    });

  workflow
    .command('events')
    .description('Every transition of a workflow, recorded ones first, then live until it is finished (JSON lines with -o json)')
    .argument('<id>')
    .option('--after <seq>', 'start after this event (its seq)')
    .action(async (id: string, options: { after?: string }, command: Command) => {
      const context = CommandContext.of(command, io);
      for await (const { event: _event, ...transition } of context.client.workflowEvents(id, options.after ? { lastEventId: options.after } : {})) {
        if (context.format === 'table') context.out(`${transitionLine(transition, context.colors)}\n`);
        else if (context.format === 'json') context.out(`${JSON.stringify(transition)}\n`);
        else context.out(`---\n${serialize(transition, 'yaml')}`);
      }
    });
}
