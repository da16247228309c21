// `cable parse` end to end (issue 17: ≥ 60 MB/s, the JSON writer included): the built CLI over
// ~100 MB of plain cable files, as a user runs it (every file an argument, records to a file),
// against `cat` of the same files to a file. Wall and CPU time (user + system of the process and
// its threads, /usr/bin/time), peak RSS and the load average of each run; rounds interleaved.
// The busiest thread's CPU time and the CPU time over the cores bound the wall time on idle
// cores from below (the "<= MB/s on idle cores"), whatever else loads the machine.
// Prints figures; never passes or fails.
//   npm run bench:cli-parse -- [--copies N] [--rounds N] [OTHER_CABLE_JS...]
// The corpus (both renderings) is copied N times (default 5: 96.2 MB, 9,810 files) into a
// temporary folder, removed after. Other builds of the CLI given (another worktree's
// dist/cli/cable.js) run in the same rounds, and their output is compared with this build's.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '..', 'shared', 'corpus', 'cablegate');
const corpus = existsSync(shared) ? shared : join(root, 'test', 'fixtures', 'corpus-sample');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args.splice(at, 2)[1]);
};
const copies = option('--copies', 5);
const rounds = option('--rounds', 3);
const clis = [join(root, 'dist', 'cli', 'cable.js'), ...args.map((path) => resolve(path))];
/** Linux's USER_HZ: /proc gives CPU time in these ticks. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

const work = mkdtempSync(join(tmpdir(), 'cable-bench-cli-parse-'));
try {
  const files = [];
  for (let copy = 1; copy <= copies; copy++) {
    for (const rendering of ['plain', 'markdown-style']) {
      const dir = join(`copy${copy}`, rendering);
      cpSync(join(corpus, rendering), join(work, dir), { recursive: true });
      files.push(...readdirSync(join(work, dir)).map((name) => join(dir, name)));
    }
  }
  const bytes = files.reduce((sum, file) => sum + statSync(join(work, file)).size, 0);
  const mb = bytes / 1e6;
  console.log(`input: ${files.length.toLocaleString('en-US')} files, ${mb.toFixed(1)} MB (the corpus copied ${copies} times)`);

  /**
   * CPU seconds of each thread of the timed command, read from /proc while it runs: the busiest
   * thread and the total over the cores give a bound on its wall time that the load does not move
   * (the machine is shared: at load 10 on 2 cores, wall time says little).
   */
  const threadSeconds = (timePid) => {
    const seconds = new Map();
    const poll = () => {
      try {
        for (const pid of readFileSync(`/proc/${timePid}/task/${timePid}/children`, 'utf8').split(' ').filter(Boolean)) {
          for (const tid of readdirSync(`/proc/${pid}/task`)) {
            const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            seconds.set(`${pid}/${tid}`, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
          }
        }
      } catch {
        // the command ended between two reads
      }
    };
    const timer = setInterval(poll, 20);
    return () => {
      clearInterval(timer);
      return [...seconds.values()];
    };
  };

  /** One timed run of `command files… > out` in the work folder. */
  const timed = async (command, out) => {
    const load = loadavg()[0];
    const fd = openSync(join(work, out), 'w');
    const child = spawn('/usr/bin/time', ['-f', '%e %U %S %M', ...command, ...files], { cwd: work, stdio: ['ignore', fd, 'pipe'] });
    const threads = threadSeconds(child.pid);
    let stderr = '';
    child.stderr.on('data', (data) => (stderr += data));
    const [status] = await once(child, 'close');
    closeSync(fd);
    const busiest = Math.max(0, ...threads());
    const [wall, user, system, maxKb] = stderr.trim().split('\n').at(-1).split(' ').map(Number);
    const cpu = user + system;
    const idleWall = Math.max(busiest, cpu / availableParallelism());
    return { wall, cpu, busiest, idleWall, rssMb: maxKb / 1024, load, status, outMb: statSync(join(work, out)).size / 1e6 };
  };
  const line = (name, r, cat) =>
    `${name.padEnd(14)} ${(mb / r.wall).toFixed(1).padStart(6)} MB/s wall (${r.wall.toFixed(2)} s), ${(mb / r.cpu).toFixed(1).padStart(6)} MB/s CPU (${r.cpu.toFixed(2)} s)` +
    `${cat ? `, ${(r.wall / cat.wall).toFixed(1)}x cat's wall` : ''}, busiest thread ${r.busiest.toFixed(2)} s, ` +
    `on idle cores >= ${r.idleWall.toFixed(2)} s (<= ${(mb / r.idleWall).toFixed(1)} MB/s), peak RSS ${r.rssMb.toFixed(0)} MB, load ${r.load.toFixed(2)}` +
    `${r.status ? `, exit ${r.status}` : ''}`;

  const results = clis.map(() => []);
  const cats = [];
  for (let round = 1; round <= rounds; round++) {
    console.log(`round ${round}:`);
    const cat = await timed(['cat'], 'cat.out');
    cats.push(cat);
    console.log(`  ${line('cat', cat)}`);
    for (const [i, cli] of clis.entries()) {
      const r = await timed([process.execPath, cli, 'parse'], `parse-${i}.jsonl`);
      results[i].push(r);
      console.log(`  ${line(i === 0 ? 'cable parse' : `other build ${i}`, r, cat)}, ${r.outMb.toFixed(1)} MB of JSON`);
    }
  }

  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const best = (values) => Math.min(...values);
  const summary = (runs) => {
    const wall = runs.map((r) => r.wall);
    const cpu = runs.map((r) => r.cpu);
    const idle = runs.map((r) => r.idleWall);
    return `median ${(mb / median(wall)).toFixed(1)} MB/s wall, ${(mb / median(cpu)).toFixed(1)} MB/s CPU, <= ${(mb / median(idle)).toFixed(1)} MB/s on idle cores; best ${(mb / best(wall)).toFixed(1)} MB/s wall, ${(mb / best(cpu)).toFixed(1)} MB/s CPU, <= ${(mb / best(idle)).toFixed(1)} MB/s on idle cores; peak RSS ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB`;
  };
  const catWall = median(cats.map((r) => r.wall));
  console.log(
    `summary over ${rounds} rounds (load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the end):`,
  );
  console.log(`  cat            ${summary(cats)}`);
  clis.forEach((cli, i) => {
    console.log(
      `  ${(i === 0 ? 'cable parse' : `other build ${i}`).padEnd(14)} ${summary(results[i])}; ${(median(results[i].map((r) => r.wall)) / catWall).toFixed(1)}x cat's median wall`,
    );
    if (i > 0) {
      const same = readFileSync(join(work, 'parse-0.jsonl')).equals(readFileSync(join(work, `parse-${i}.jsonl`)));
      console.log(`  ${''.padEnd(14)} ${cli}: output ${same ? 'byte-identical to' : 'DIFFERS from'} this build's`);
    }
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
