// The instrumented copy of the extension that `latency.mjs --trace` measures: the shipped build plus two small
// files that define PS.trace (main.js and background.js call it at each step; without it the calls are skipped).
// Content script: each step becomes a `postscrub-trace` event on the document (a string detail crosses into the
// page's world, where probe.js records it). Service worker: steps are kept in self.__psTrace, read over CDP.
// Times are absolute (performance.timeOrigin + now) so page and worker clocks line up.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const CONTENT_TRACE = `(function () {
  const PS = globalThis.PS = globalThis.PS || {};
  PS.trace = (name, v) => document.dispatchEvent(new CustomEvent('postscrub-trace',
    { detail: JSON.stringify([name, v || 0, performance.timeOrigin + performance.now()]) }));
})();
`;
const WORKER_TRACE = `self.__psTrace = [['worker-start', 0, performance.timeOrigin]];
self.PS = self.PS || {};
self.PS.trace = (name, v) => self.__psTrace.push([name, v || 0, performance.timeOrigin + performance.now()]);
importScripts('/SERVICE_WORKER');
`;

/** Copies `extDir` to a temporary folder with the trace hooks installed. Returns {dir, manifest}. */
export async function tracedExtension(extDir) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'postscrub-traced-'));
  await cp(extDir, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  await writeFile(path.join(dir, 'content', 'trace.js'), CONTENT_TRACE);
  await writeFile(path.join(dir, 'background', 'trace-sw.js'), WORKER_TRACE.replace('SERVICE_WORKER', manifest.background.service_worker));
  for (const cs of manifest.content_scripts || []) cs.js = ['content/trace.js', ...cs.js];
  manifest.background = { service_worker: 'background/trace-sw.js' };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { dir, manifest };
}

const median = (xs) => { const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const p95 = (xs) => { const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] : NaN; };
const f = (x) => (Number.isFinite(x) ? x.toFixed(2).padStart(7) : '    n/a');

/**
 * Per-keystroke breakdown. runs: [{t0, end, events: [[name, v, t]]}] from the page; worker: [[name, v, t]].
 * Prints median and p95 of each step.
 */
export function printKeystrokeBreakdown(runs, worker) {
  const w = new Map();
  for (const [name, v, t] of worker) if (!w.has(`${name}:${v}`)) w.set(`${name}:${v}`, t);
  const steps = { 'input -> DOM change seen': [], 'change -> check sent (extract)': [], 'sent -> worker has it': [],
    'worker: validate + check + reply': [], 'reply -> content has it': [], 'result -> highlights set': [], 'set -> probe saw it': [] };
  for (const r of runs) {
    const ev = r.events.filter((e) => e[2] >= r.t0 - 0.5 && e[2] <= r.end + 0.5);
    const change = ev.find((e) => e[0] === 'change');
    const painted = [...ev].reverse().find((e) => e[0] === 'painted');
    if (!change || !painted) continue;
    const v = painted[1];
    const sent = ev.find((e) => e[0] === 'sent' && e[1] === v);
    const result = ev.find((e) => e[0] === 'result' && e[1] === v);
    const recv = w.get(`recv:${v}`), replied = w.get(`check-replied:${v}`);
    if (!sent || !result) continue;
    steps['input -> DOM change seen'].push(change[2] - r.t0);
    steps['change -> check sent (extract)'].push(sent[2] - change[2]);
    steps['sent -> worker has it'].push(recv - sent[2]);
    steps['worker: validate + check + reply'].push(replied - recv);
    steps['reply -> content has it'].push(result[2] - replied);
    steps['result -> highlights set'].push(painted[2] - result[2]);
    steps['set -> probe saw it'].push(r.end - painted[2]);
  }
  console.log(`keystroke breakdown (${steps['input -> DOM change seen'].length} keystrokes with a complete trace), ms:`);
  console.log('  step                                median      p95');
  for (const [k, xs] of Object.entries(steps)) console.log(`  ${k.padEnd(34)} ${f(median(xs))}  ${f(p95(xs))}`);
}

/** Cold start breakdown. runs: [{t0, end, events, worker: [[name, v, t]]}]. */
export function printColdBreakdown(runs) {
  const names = ['worker-start', 'scripts-loaded', 'settings-loaded', 'wasm-fetched', 'module-compiled', 'runtime-ready', 'snapshot-read', 'snapshot-restored', 'engine-loaded', 'packs-compiled', 'recv', 'check-start', 'check-replied'];
  const rows = Object.fromEntries(names.map((n) => [n, []]));
  const content = { result: [], painted: [] };
  for (const r of runs) {
    const first = new Map();
    for (const [name, , t] of r.worker || []) if (!first.has(name)) first.set(name, t);
    for (const n of names) rows[n].push(first.has(n) ? first.get(n) - r.t0 : NaN);
    const ev = r.events.filter((e) => e[2] >= r.t0 - 0.5 && e[2] <= r.end + 0.5);
    const last = (n) => [...ev].reverse().find((e) => e[0] === n);
    content.result.push(last('result') ? last('result')[2] - r.t0 : NaN);
    content.painted.push(last('painted') ? last('painted')[2] - r.t0 : NaN);
  }
  console.log(`cold start breakdown (${runs.length} runs), ms after the keystroke (median; the first of each step in the new worker):`);
  for (const n of names) console.log(`  worker ${n.padEnd(28)} ${f(median(rows[n]))}`);
  console.log(`  content result received            ${f(median(content.result))}`);
  console.log(`  content highlights set             ${f(median(content.painted))}`);
}
