// `npm run bench:fuzz -- [--minutes M | --seconds S] [--seed S] [--steps N] [--bound-ms MS] [--dump DIR]`:
// the fuzzer of test/support/fuzz.ts for as long as asked, printing its figures; `--seed S`
// replays a run's actions (`--steps N` stops after step N).
import { cpus, loadavg } from 'node:os';
import { describeResult, runFuzz } from '../test/support/fuzz.ts';

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  if (at >= 0) return args[at + 1];
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const seed = Number(argument('seed') ?? Math.floor(Math.random() * 2 ** 31));
const minutes = Number(argument('minutes') ?? 1);
const seconds = argument('seconds') === undefined ? minutes * 60 : Number(argument('seconds'));
const steps = argument('steps');
const bound = Number(argument('bound-ms') ?? 2000);
const dumpDir = argument('dump');
if (![seed, seconds, bound].every(Number.isFinite) || (steps !== undefined && !Number.isInteger(Number(steps)))) {
  console.error('Usage: bench/fuzz.ts [--minutes M | --seconds S] [--seed S] [--steps N] [--bound-ms MS] [--dump DIR]');
  process.exit(2);
}
runFuzz({
  seed,
  durationMs: steps === undefined ? seconds * 1000 : Infinity,
  maxSteps: steps === undefined ? undefined : Number(steps),
  boundMs: bound,
  dumpDir,
  log: (line) => console.log(line),
}).then(
  (result) => {
    console.log(describeResult(result));
    console.log(
      `load average at the end (1, 5, 15 min): ${loadavg()
        .map((load) => load.toFixed(1))
        .join(', ')} on ${cpus().length} CPUs`,
    );
    process.exit(result.failure ? 1 : 0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
