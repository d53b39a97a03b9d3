/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Tauri embeds ui/dist (frontendDist = ../ui/dist). Everything must be bundled:
// the CSP is `default-src 'self'`, so no CDN, no remote fonts, no inline script.
export default defineConfig({
  base: './',
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    // The dev-only mock backend (src/dev) reads the protocol and risk
    // checklist Vigil ships from ../assets.
    fs: { allow: ['.', '../assets'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['es2021', 'chrome105', 'safari15'],
    sourcemap: false,
    // Keep every asset as a file: a `data:` URL for a script or font would be
    // refused by the CSP (only img-src allows data:).
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    mockReset: true,
    restoreMocks: true,
    unstubGlobals: true,
  },
});
