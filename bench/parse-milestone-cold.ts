/**
 * Run in a fresh process by bench/parse-milestone.ts: how long the parser's import takes (chrono
 * and luxon included) and its first calls, before JIT and V8's regex compilation have happened.
 * Prints JSON. Usage: node --import tsx bench/parse-milestone-cold.ts <today> <sentence>
 */
const [today, sentence] = process.argv.slice(2);

function timed(step: () => unknown): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  step();
  const cpu = process.cpuUsage(cpuStart);
  return { wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 };
}

const started = performance.now();
const { parseMilestoneStatement } = await import('../src/domain/parse-milestone.js');
const importMs = performance.now() - started;
const calls = [1, 2, 3].map(() => timed(() => parseMilestoneStatement(sentence, { today })));
process.stdout.write(JSON.stringify({ importMs, calls }));
