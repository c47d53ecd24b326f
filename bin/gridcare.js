#!/usr/bin/env node
// Runs the compiled CLI; `npm install` compiles it through the `prepare` script.
import { main } from '../dist/cli/gridcare.js';

main(process.argv).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
