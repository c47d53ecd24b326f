import { Command } from 'commander';
import { registerDbCommands } from './db-command.js';
import { registerDemoCommand } from './demo-command.js';
import { registerEvalCommand } from './eval-command.js';
import { registerImportCommand } from './import-command.js';
import { registerPortraitsCommand } from './portraits-command.js';
import { registerQaCommands } from './qa-command.js';
import { registerStartCommand } from './start-command.js';
import { registerUserCommands } from './user-command.js';

/** The `gridcare` command line. Each command lives in its own module and registers itself. */
export async function main(argv: readonly string[]): Promise<void> {
  const program = new Command()
    .name('gridcare')
    .description('Gridcare — 供电服务客户画像与投诉预控平台 (customer-service intelligence for a power supply company)')
    .showHelpAfterError();
  registerStartCommand(program);
  registerDbCommands(program);
  registerImportCommand(program);
  registerDemoCommand(program);
  registerUserCommands(program);
  registerEvalCommand(program);
  registerQaCommands(program);
  registerPortraitsCommand(program);
  await program.parseAsync(argv as string[]);
}
