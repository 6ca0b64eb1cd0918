/**
 * The core worker's script when running from source (tests, scripts; see script.ts): the core without
 * the hosts' HTTP pieces, so the clip endpoint cannot be turned on here. The hosts' build runs
 * `electron/host-shared/core-worker.ts` instead.
 */
import { runCoreWorker } from './thread';

runCoreWorker();
