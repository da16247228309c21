// A node:test reporter that counts leaf tests (suites excluded) and writes the
// totals as JSON to $CABLE_TEST_SUMMARY, so test/run.mjs can add up all phases.
import { writeFileSync } from 'node:fs';

export default async function* summaryReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  if (process.env.CABLE_TEST_SUMMARY) writeFileSync(process.env.CABLE_TEST_SUMMARY, JSON.stringify(counts));
  yield '';
}
