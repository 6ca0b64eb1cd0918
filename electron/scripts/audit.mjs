#!/usr/bin/env node
// `npm run audit`: `npm audit --omit=dev` as a gate. Fails on any high or critical advisory in a
// production dependency unless `.ci/audit-allowlist.json` explains it ({"package": "why it does not
// affect Dossier"}). npm's own exit code cannot tell "findings" from "the advisory service did not
// answer", so the JSON report is judged here. An audit that checked nothing (the service could not be
// reached, or answered with no report) fails with exit code 2: it is never counted as a pass. Only
// `--offline-ok`, for machines known to have no route to the service, turns that into exit code 0,
// and the message still says plainly that no advisory data was checked.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const BLOCKING = new Set(['high', 'critical']);

/**
 * Judges one `npm audit --json` report.
 * @param {unknown} report parsed JSON printed by `npm audit --json`
 * @param {Record<string, string>} allow package name -> reason it is accepted
 * @returns {{ status: 'ok' | 'findings' | 'unavailable', blocking: string[], allowed: string[], detail: string }}
 */
export function judgeAudit(report, allow) {
  if (!report || typeof report !== 'object') {
    return { status: 'unavailable', blocking: [], allowed: [], detail: 'npm audit printed no report' };
  }
  const r = /** @type {Record<string, any>} */ (report);
  if (r.error) {
    const e = r.error;
    const detail = [e.code, e.summary, e.detail, r.message].filter(Boolean).join(': ');
    return { status: 'unavailable', blocking: [], allowed: [], detail: detail || 'npm audit failed' };
  }
  if (!r.vulnerabilities || typeof r.vulnerabilities !== 'object') {
    return {
      status: 'unavailable',
      blocking: [],
      allowed: [],
      detail: 'report has no vulnerabilities section',
    };
  }
  const audited = r.metadata?.dependencies;
  if (audited && typeof audited === 'object' && (audited.prod ?? audited.total) === 0) {
    return {
      status: 'unavailable',
      blocking: [],
      allowed: [],
      detail: 'the report covers no production dependencies',
    };
  }
  const blocking = [];
  const allowed = [];
  for (const [name, v] of Object.entries(r.vulnerabilities)) {
    if (!BLOCKING.has(v?.severity)) continue;
    const label = `${name} (${v.severity}${v.range ? `, ${v.range}` : ''})`;
    if (typeof allow[name] === 'string' && allow[name].trim() !== '')
      allowed.push(`${label}: ${allow[name]}`);
    else blocking.push(label);
  }
  const counts = r.metadata?.vulnerabilities ?? {};
  const detail = Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return { status: blocking.length ? 'findings' : 'ok', blocking, allowed, detail };
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const offlineOk = process.argv.includes('--offline-ok');
  const allowFile = path.join(root, '.ci/audit-allowlist.json');
  const allow = existsSync(allowFile) ? JSON.parse(readFileSync(allowFile, 'utf8')) : {};
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' });
  let report = null;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = { error: { summary: (run.stderr || run.stdout || '').trim().split('\n').pop() } };
  }
  const verdict = judgeAudit(report, allow);
  for (const line of verdict.allowed) console.log(`allowed: ${line}`);
  if (verdict.status === 'unavailable') {
    const what = `npm audit could not run: ${verdict.detail}. No advisory data was checked`;
    if (offlineOk) {
      console.log(`${what} (accepted: --offline-ok was given).`);
      return;
    }
    console.error(
      `${what}, so the audit fails. Run it where the advisory service can be reached, or pass ` +
        '--offline-ok on a machine that has no route to it.',
    );
    process.exit(2);
  }
  if (verdict.status === 'findings') {
    console.error(
      `npm audit --omit=dev: high/critical advisories not explained in .ci/audit-allowlist.json:`,
    );
    for (const line of verdict.blocking) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log(`npm audit --omit=dev: no unexplained high or critical advisories (${verdict.detail}).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
