import type { Command } from 'commander';

// Placeholder until the ingest module lands; replaced by the ingest work.
export function registerImportCommand(program: Command): void {
  program.command('import <path>').description('Import CSV, JSON Lines or Excel files (see docs/data-formats.md)');
}
