#!/usr/bin/env node
// `npm start`: builds the widget with Vite, starts the InsurUp sandbox (random SMS codes, real
// quote delays) and the demo server with the token proxy mounted under /insurup on the same
// origin, and prints one line: the address to open. PORT sets the port (default 8080);
// DEMO_LOG=1 prints the sandbox's and the proxy's request lines too.
import { register } from 'tsx/esm/api';

register();
const { buildWidget, startDemo } = await import('../demo/server.ts');

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`npm start: PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}

let demo;
try {
  await buildWidget();
  demo = await startDemo({
    port,
    ...(process.env.DEMO_LOG ? { log: (line) => console.error(line) } : {}),
  });
} catch (error) {
  console.error(`npm start: ${error?.code === 'EADDRINUSE' ? `port ${port} is in use (set PORT)` : (error?.stack ?? error)}`);
  process.exit(1);
}
console.log(`Demo: ${demo.url}`);

const stop = () => {
  demo.close().finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
