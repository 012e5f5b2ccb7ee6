import type { Command } from 'commander';
import { required, type paths } from '@base-shift/client';
import { CommandContext, type CliIo } from '../context';
import { loadDocument } from '../documents/load-document';
import { CliError } from '../errors';
import { asFields, workflowDetails } from '../output/resources';
import { transitionPrinter, watchWorkflow } from '../watch/watch-workflow';

type CreateWorkflowBody = NonNullable<paths['/workflows']['post']['requestBody']>['content']['application/json'];

export function runCommand(program: Command, io: CliIo): void {
  program
    .command('run')
    .description('Create a workflow from a file; with --watch, follow each job until the end (exit code 0 only when COMPLETED)')
    .requiredOption(
      '-f, --file <file>',
      'the workflow request, YAML or JSON (- for stdin): {name?, input?, jobs: [{id, templateId, version?, input?, dependsOn?}]}',
    )
    .option('-w, --watch', 'print every transition until the workflow is finished')
    .option('--idempotency-key <key>', 'a repeat with the same key and file returns the first workflow')
    .action(async (options: { file: string; watch?: boolean; idempotencyKey?: string }, command: Command) => {
      const context = CommandContext.of(command, io);
      const body = loadDocument(options.file) as CreateWorkflowBody;
      const created = asFields(
        required(
          await context.client.rest.POST('/workflows', {
            body,
            ...(options.idempotencyKey && { headers: { 'Idempotency-Key': options.idempotencyKey } }),
          }),
        ),
      );
      const id = String(created['id']);
      if (!options.watch) {
        context.print(created, () => `workflow ${id} created (${context.colors.state(String(created['state']))})\n`);
        return;
      }
      context.note(`workflow ${id} created`);
      const finished = await watchWorkflow(context, id, transitionPrinter(context));
      context.print(finished, () => `\n${workflowDetails(finished, context.colors)}`);
      if (finished['state'] !== 'COMPLETED')
        throw new CliError(`workflow ${id} ${String(finished['state'])}${finished['reason'] ? `: ${String(finished['reason'])}` : ''}`);
    });
}
