import { Command, Option } from 'commander';
import { parseTemplateDocument, type TemplateDocument, type VersionBump } from '@base-shift/client';
import { CommandContext, type CliIo } from '../context';
import { loadDocument } from '../documents/load-document';
import { CliError } from '../errors';
import { templateDetails, templatesTable, versionsTable } from '../output/resources';
import { positiveInt } from './option-parsers';

export function templateCommand(program: Command, io: CliIo): void {
  const template = program.command('template').description('Job templates: apply, get, list, versions, deprecate');

  template
    .command('apply')
    .description('Create a template or publish a new version of it, only when the content differs from its highest version')
    .requiredOption('-f, --file <file>', 'the template document, YAML or JSON (- for stdin): {templateId, version?, steps, inputSchema, outputSchema, …}')
    .addOption(
      new Option('--bump <part>', 'the part of the highest version to increase when the document names no version')
        .choices(['patch', 'minor', 'major'])
        .default('patch'),
    )
    .action(async (options: { file: string; bump: string }, command: Command) => {
      const context = CommandContext.of(command, io);
      const document = templateDocument(options.file);
      const applied = await context.client.templates.apply(document, options.bump.toUpperCase() as VersionBump);
      context.print(applied, () => `template ${applied.template.id} ${applied.template.version} ${applied.action}\n`);
    });

  template
    .command('get')
    .description('One template version: the highest released one, or --version (exact or a semver range)')
    .argument('<templateId>')
    .option('--version <version>', 'exact version (1.2.0) or range (^1.2)')
    .action(async (id: string, options: { version?: string }, command: Command) => {
      const context = CommandContext.of(command, io);
      const found = await context.client.templates.get(id, options.version);
      if (!found) throw new CliError(`template ${id} not found${options.version ? ` (version ${options.version})` : ''}`);
      context.print(found, () => templateDetails(found, context.colors));
    });

  template
    .command('list')
    .description('Templates ordered by id, each at its highest released version (or --version)')
    .option('--name <text>', 'case-insensitive part of the name')
    .option('--type <stepType>', 'a step type the template uses')
    .option('--version <version>', 'exact version or range each template is resolved with')
    .option('--limit <n>', 'page size, 1 to 100', positiveInt, 20)
    .option('--after <cursor>', 'the cursor printed with the previous page')
    .action(async (options: { name?: string; type?: string; version?: string; limit: number; after?: string }, command: Command) => {
      const context = CommandContext.of(command, io);
      const filter = {
        ...(options.name && { name: options.name }),
        ...(options.type && { type: options.type }),
        ...(options.version && { version: options.version }),
      };
      const page = await context.client.templates.list({ filter, first: options.limit, ...(options.after && { after: options.after }) });
      context.print(page, () => templatesTable(page.items, context.colors));
      if (context.format === 'table' && page.nextCursor) io.stderr.write(`more: bsctl template list --after ${page.nextCursor}\n`);
    });

  template
    .command('versions')
    .description('Every version of a template, newest first')
    .argument('<templateId>')
    .action(async (id: string, _options: unknown, command: Command) => {
      const context = CommandContext.of(command, io);
      const versions = await context.client.templates.versions(id);
      if (!versions) throw new CliError(`template ${id} not found`);
      context.print(versions, () => versionsTable(versions, context.colors));
    });

  template
    .command('deprecate')
    .description('Deprecate a version (it then resolves only by its exact version), or restore it with --undo')
    .argument('<templateId>')
    .argument('<version>')
    .option('--undo', 'restore the version')
    .action(async (id: string, version: string, options: { undo?: boolean }, command: Command) => {
      const context = CommandContext.of(command, io);
      const updated = await context.client.templates.deprecate(id, version, !options.undo);
      context.print(updated, () => `template ${updated.id} ${updated.version} ${updated.deprecated ? 'deprecated' : 'restored'}\n`);
    });
}

function templateDocument(file: string): TemplateDocument {
  try {
    return parseTemplateDocument(loadDocument(file));
  } catch (error) {
    if (error instanceof TypeError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}
