import type { Command } from 'commander';

// Placeholder until the API server lands.
export function registerStartCommand(program: Command): void {
  program.command('start').description('Start the Gridcare server');
}
