import { FakeSlackApi } from '../test/fakes/fake-slack-api.js';

/**
 * The Slack Web API and response_urls for bench/slack-ack.ts, in a process of its own: in
 * production Slack is another machine, so answering the app's replies must not load the app's
 * event loop, nor the load generator's. Forgets its record every second (the bench reads none).
 */
const fake = await FakeSlackApi.start();
setInterval(() => fake.clear(), 1000).unref();
process.stdout.write(`${JSON.stringify({ url: fake.url, responseUrl: fake.responseUrl('bench') })}\n`);
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
// The bench went away (finished, or was stopped): so does this fake.
process.on('disconnect', () => process.exit(0));
