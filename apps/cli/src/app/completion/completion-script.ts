import type { Command } from 'commander';
import { CliError, EXIT_USAGE } from '../errors';

interface CommandWords {
  /** Space-separated path below the program: '' for bsctl itself, 'template apply'. */
  path: string;
  subcommands: string[];
  options: string[];
}

/** Every command of the tree with the words that may follow it (subcommands and options). */
export function commandWords(program: Command): CommandWords[] {
  const walk = (command: Command, path: string): CommandWords[] => {
    const own = {
      path,
      subcommands: command.commands.map((sub) => sub.name()),
      options: [...command.options.flatMap((option) => [option.short, option.long]), '--help'].filter((flag): flag is string => Boolean(flag)),
    };
    return [own, ...command.commands.flatMap((sub) => walk(sub, path ? `${path} ${sub.name()}` : sub.name()))];
  };
  return walk(program, '');
}

/**
 * A completion script generated from the command tree, so it cannot drift
 * from the commands: the words after `bsctl` that are commands select the
 * node, whose subcommands and options are offered (global options everywhere).
 */
export function completionScript(program: Command, shell: string): string {
  const nodes = commandWords(program);
  const globals = nodes[0]?.options ?? [];
  const cases = nodes.map((node) => {
    const words = [...new Set([...node.subcommands, ...node.options, ...globals])].join(' ');
    return `    "${node.path}") offered="${words}" ;;`;
  });
  const name = program.name();
  const finder = [
    `_${name}_words() {`,
    // Not `path` nor `words`: zsh ties those names to PATH and to the completion's words.
    '  local node="" word offered',
    '  for word in "$@"; do',
    '    case "$word" in -*) continue ;; esac',
    `    case " $(_${name}_children "$node") " in *" $word "*) node="\${node:+$node }$word" ;; esac`,
    '  done',
    '  case "$node" in',
    ...cases,
    '    *) offered="" ;;',
    '  esac',
    '  echo "$offered"',
    '}',
    `_${name}_children() {`,
    '  case "$1" in',
    ...nodes.map((node) => `    "${node.path}") echo "${node.subcommands.join(' ')}" ;;`),
    '  esac',
    '}',
  ];
  if (shell === 'bash') {
    return [
      `# bash completion for ${name}: source <(${name} completion bash)`,
      ...finder,
      `_${name}_complete() {`,
      '  local offered',
      `  offered="$(_${name}_words "\${COMP_WORDS[@]:1:COMP_CWORD-1}")"`,
      '  COMPREPLY=($(compgen -W "$offered" -- "${COMP_WORDS[COMP_CWORD]}"))',
      '}',
      `complete -o default -F _${name}_complete ${name}`,
      '',
    ].join('\n');
  }
  if (shell === 'zsh') {
    return [
      `#compdef ${name}`,
      `# zsh completion for ${name}: source <(${name} completion zsh)`,
      ...finder,
      `_${name}() {`,
      `  local -a candidates`,
      `  candidates=(\${=$(_${name}_words "\${(@)words[2,CURRENT-1]}")})`,
      '  compadd -a candidates',
      '  _files',
      '}',
      `compdef _${name} ${name}`,
      '',
    ].join('\n');
  }
  throw new CliError(`unsupported shell ${JSON.stringify(shell)}: expected bash or zsh`, EXIT_USAGE);
}
