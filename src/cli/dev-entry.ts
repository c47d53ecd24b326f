/**
 * Runs the CLI from source (`npx tsx src/cli/dev-entry.ts import …`), for development and for
 * tests that spawn the CLI as a child process without a build.
 */
import { AppError } from '../errors.js';
import { main } from './gridcare.js';

main(process.argv).catch((error: unknown) => {
  console.error(
    error instanceof AppError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
