import type { Command } from 'commander';

// Placeholder until the demo world generator lands.
export function registerDemoCommand(program: Command): void {
  program.command('demo').description('Generate a deterministic demo world');
}
