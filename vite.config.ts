// Builds the one-script-tag bundle: dist/insurup-elements.js (ES module) plus lazy chunks
// beside it. Library mode bundles every dependency, because an agency page has no bundler.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'src/widget/index.ts',
      formats: ['es'],
      fileName: () => 'insurup-elements.js',
    },
    rolldownOptions: {
      output: {
        // Vite 8 library mode does not minify without this (build.minify alone is ignored).
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
