// tsc copies no SQL or data files; copy every non-TypeScript asset under src/ into dist/.
import { cpSync } from 'node:fs';

cpSync('src', 'dist', {
  recursive: true,
  filter: (path) => !/\.(ts|tsx)$/.test(path) || path.endsWith('.d.ts'),
});
