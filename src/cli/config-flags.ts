import type { Command } from 'commander';
import { CONFIG_ENV, type Config, loadConfig } from '../config/config.js';

type ConfigKey = keyof typeof CONFIG_ENV;

/** Adds the configuration flags a command reads; each flag is named after its variable. */
export function withConfigFlags(command: Command, keys: readonly ConfigKey[]): Command {
  for (const key of keys) {
    const env = CONFIG_ENV[key];
    const flag = `--${env.replace(/^GRIDCARE_/, '').toLowerCase().replaceAll('_', '-')}`;
    command.option(`${flag} <value>`, `(env ${env})`);
  }
  return command;
}

/** Turns commander's camel-cased flags back into a Config, flags over environment. */
export function configFromFlags(options: Record<string, unknown>): Config {
  const flags: Partial<Record<ConfigKey, string>> = {};
  for (const [key, env] of Object.entries(CONFIG_ENV) as [ConfigKey, string][]) {
    const camel = env
      .replace(/^GRIDCARE_/, '')
      .toLowerCase()
      .replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const value = options[camel];
    if (typeof value === 'string') flags[key] = value;
  }
  return loadConfig(flags);
}
