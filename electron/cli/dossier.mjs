#!/usr/bin/env node
// The `dossier` bin. The CLI itself is TypeScript, compiled with the rest of Dossier into
// out/main/cli.js (npm install runs the build through the `prepare` script); this file only finds it.
import { existsSync } from 'node:fs';

const cli = new URL('../../out/main/cli.js', import.meta.url);

if (!existsSync(cli)) {
  process.stderr.write(
    "Dossier's CLI is not built yet: run `npm run build` (npm install runs it for you).\n",
  );
  process.exit(1);
}

// `dossier notes list | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
