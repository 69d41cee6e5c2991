import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development Vite serves the client with HMR and forwards the API, event streams and Socket.IO
// (websockets included) to the Fastify server started by `npm run dev`.
const apiTarget = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

export default defineConfig({
  plugins: [react()],
  publicDir: 'client/public',
  build: { outDir: 'dist/client', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/metrics': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
});
