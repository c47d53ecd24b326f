import { main } from './src/cli/gridcare.js';
await main(process.argv);
