// `npm run replay -- --scenario calm --port 9400`: the replay server on its own, for manual
// testing of a build made with LL_VENUE_ORIGIN=http://127.0.0.1:9400.
import { parseArgs } from 'node:util';
import { startReplayServer } from '../test/replay/server';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'calm' },
    port: { type: 'string', default: '9400' },
  },
});
const server = await startReplayServer({ scenario: values.scenario, port: Number(values.port) });
console.log(
  `Replay server on ${server.origin} (scenario "${values.scenario}"); pages at ${server.origin}/pages/`,
);
process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
