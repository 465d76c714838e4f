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
      // The registry can load every tag; the flow's is also in the bootstrap chunk on purpose.
      checks: { ineffectiveDynamicImport: false },
      output: {
        // Vite 8 library mode does not minify without this (build.minify alone is ignored).
        minify: true,
        // One shared chunk for what every element needs (Lit, zod, the contract, the client,
        // sessions, shared styles and fields), instead of a dozen tiny ones.
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              test: /node_modules[\\/](lit|lit-html|lit-element|@lit|zod)[\\/]|src[\\/]contract[\\/]|src[\\/]widget[\\/](api|session|controllers|styles|validation|elements[\\/]shared|i18n[\\/](index|tr[\\/]common|en[\\/]common))|src[\\/]widget[\\/](events|define)\.ts/,
            },
          ],
        },
        // Chunks are named for what they hold (insurup-quotes-<hash>.js, signalr-<hash>.js).
        chunkFileNames: (chunk) => {
          const id = chunk.facadeModuleId ?? '';
          const element = /elements\/(insurup-[\w-]+)\//.exec(id)?.[1];
          if (element) return `chunks/${element}-[hash].js`;
          if (id.includes('@microsoft/signalr')) return 'chunks/signalr-[hash].js';
          if (id.endsWith('/bootstrap.ts')) return 'chunks/core-[hash].js';
          return 'chunks/[name]-[hash].js';
        },
      },
    },
  },
});
