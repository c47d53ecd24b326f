import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// The server (`gridcare start`) serves dist/web; in development Vite serves the app and
// forwards API calls to a server started separately on port 8080.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // ECharts (bar + line only, ~190 kB gzip) is one chunk that only the customer 360 page
    // loads. antd is left to the bundler: grouping it in one chunk made the login page download
    // every component (≈390 kB gzip); split by use, the first page needs ≈250 kB.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
