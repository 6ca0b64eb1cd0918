/**
 * The core worker thread's script in the hosts' build (bundled as `out/main/core-worker.js`, see
 * electron.vite.config.ts): the core, given the clip endpoint's HTTP listener, which is hosts' code.
 */
import { runCoreWorker } from '../core/worker/thread';
import { listenClipEndpoint } from './clip-endpoint/server';

runCoreWorker({ listenClipEndpoint });
