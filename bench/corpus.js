// Deterministic synthetic posts for the benchmarks. Synthetic data only: every name, number and address below
// is generated from a fixed seed (example.com/.org domains, invented names), never taken from a real record.
//   node bench/corpus.js [FILE]   writes {"short": [...], "long": [...], "corpus": [...]} as JSON (stdout if no FILE)
// short: 280-character posts; long: 3,000-character posts (an identifier-like phrase in ~1 of 20 sentences, so a
// long post carries 3-4 of them, a short one usually none); corpus: mixed lengths, ~2 MB, denser (1 in 8), for
// throughput.
'use strict';

// mulberry32: a tiny seeded PRNG, so the corpus is the same on every machine and in every language that reads it.
function rng(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = [
  'Long night on the ward, but the team was amazing.', 'Coffee count: four.', 'Grateful for my colleagues today.',
  'Reminder: get your flu shot, folks.', 'Nothing beats the feeling when a plan comes together.',
  'Handover took forever again.', 'Teaching rounds with the new interns were fun.', 'Why is the pager always at 3am?',
  'Self-care tip: eat something green.', 'The cafeteria ran out of soup, a tragedy.', 'Proud of our nurses.',
  'Journal club tomorrow, bring snacks.', 'Charting until midnight, send help.', 'Sunrise from the ICU window.',
  'Hydrate, people.', 'Finally finished the quality report.', 'Our unit hit zero falls this month!',
  'Walking 10k steps a shift is real.', 'Conference abstract submitted \u{1F389}', 'Tired but happy \u{1F60A}',
];
const RISKY = [
  (r) => `Call her at (${area(r)}) ${exch(r)}-${num(r, 4)} after 5.`,
  (r) => `cell ${area(r)}-${exch(r)}-${num(r, 4)}`,
  (r) => `email ${name(r).toLowerCase()}${num(r, 2)}@example.com`,
  (r) => `SSN ${300 + Math.floor(r() * 300)}-${10 + Math.floor(r() * 89)}-${1000 + Math.floor(r() * 8999)} on file`,
  (r) => `MRN ${num(r, 8)} in bed ${1 + Math.floor(r() * 30)}`,
  (r) => `my ${20 + Math.floor(r() * 75)}-year-old patient`,
  (r) => `DOB ${1 + Math.floor(r() * 12)}/${1 + Math.floor(r() * 28)}/19${40 + Math.floor(r() * 59)}`,
  (r) => `seen 2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)} in clinic`,
  (r) => `login from 10.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`,
  (r) => `pics at https://example.org/p/${num(r, 6)}`,
  (r) => `Mrs ${name(r)} from room ${100 + Math.floor(r() * 400)}`,
  (r) => `admitted on ${1 + Math.floor(r() * 12)}/${1 + Math.floor(r() * 28)} for sepsis`,
];
const NAMES = ['Avery', 'Jordan', 'Kowalczyk', 'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Haddad', 'Quinn', 'Reyes'];

function num(r, digits) {
  let s = '';
  for (let i = 0; i < digits; i++) s += Math.floor(r() * 10);
  return s;
}
function area(r) { return String(200 + Math.floor(r() * 790)); }
function exch(r) { return String(200 + Math.floor(r() * 790)); }
function name(r) { return NAMES[Math.floor(r() * NAMES.length)]; }

// One post of exactly `length` UTF-16 units: filler sentences with a risky phrase about every `every` sentences.
function post(r, length, every) {
  let s = '';
  while (s.length < length) {
    const risky = r() < 1 / every;
    s += (risky ? RISKY[Math.floor(r() * RISKY.length)](r) : FILLER[Math.floor(r() * FILLER.length)]) + ' ';
  }
  s = s.slice(0, length);
  // Do not end inside a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1) + '.';
  return s;
}

function generate(seed = 20240601) {
  const r = rng(seed);
  const short = [];
  const long = [];
  const corpus = [];
  for (let i = 0; i < 1000; i++) short.push(post(r, 280, 20));
  for (let i = 0; i < 200; i++) long.push(post(r, 3000, 20));
  let bytes = 0;
  while (bytes < 2 * 1024 * 1024) {
    const p = post(r, 100 + Math.floor(r() * 2900), 8);
    corpus.push(p);
    bytes += Buffer.byteLength(p);
  }
  return { short, long, corpus };
}

module.exports = { generate };

if (require.main === module) {
  const out = JSON.stringify(generate());
  if (process.argv[2]) require('fs').writeFileSync(process.argv[2], out);
  else process.stdout.write(out);
}
