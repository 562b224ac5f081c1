#!/usr/bin/env node
// Serve the built app (dist/, or E2E_DIST) on 127.0.0.1:<port> for @playwright/test's webServer.
//   node test/e2e/serve.mjs 4173
import { dist, serve } from './harness.mjs';

const port = Number(process.argv[2] ?? 4173);
const server = await serve(dist, port);
console.log(`serving ${dist} on http://127.0.0.1:${server.address().port}/`);
