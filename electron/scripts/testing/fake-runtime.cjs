// The runtime of the fake Electron binary (fake-distribution.ts): this Node, reporting what Electron run
// as Node (ELECTRON_RUN_AS_NODE=1) reports. With FAKE_ELECTRON_REFUSES_NODE_MODULES its native-module
// ABI is not Node's, as a real Electron's is not: every module this Node can load was built for Node, so
// loading one fails with the message Electron gives for a module built for another ABI.
'use strict';

if (process.env.ELECTRON_RUN_AS_NODE !== '1') {
  console.error('fake Electron: only runs as Node (ELECTRON_RUN_AS_NODE=1)');
  process.exit(9);
}
const version = process.env.FAKE_ELECTRON_VERSION;
const nodeAbi = process.versions.modules;
const electronAbi = '9' + nodeAbi;
if (version) {
  Object.defineProperty(process.versions, 'electron', { value: version, enumerable: true });
}
if (process.env.FAKE_ELECTRON_REFUSES_NODE_MODULES === '1') {
  Object.defineProperty(process.versions, 'modules', { value: electronAbi, enumerable: true });
  process.dlopen = (_module, filename) => {
    throw new Error(
      `The module '${filename}'\nwas compiled against a different Node.js version using\n` +
        `NODE_MODULE_VERSION ${nodeAbi}. This version of Node.js requires\nNODE_MODULE_VERSION ${electronAbi}. ` +
        'Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).',
    );
  };
}
for (const name of ['FAKE_ELECTRON_VERSION', 'FAKE_ELECTRON_REFUSES_NODE_MODULES']) delete process.env[name];
