/**
 * The load generator of payments.bench.ts, in its own process so that its CPU is not counted
 * against the server's event loop: autocannon (pipelined keep-alive HTTP/1.1 connections, far
 * cheaper per request than `fetch`) sends `amount` requests over `connections` connections.
 *
 *   node --import tsx bench/load-driver.ts CONFIG.json   -> one JSON line on stdout
 *
 * CONFIG: { url, amount, connections, payments?: { payers: [{ path, cookie, body }], keyPrefix, offset } }
 * Without `payments` every request is a GET of `url`; with it, request i is a POST to
 * payers[i % n].path with a fresh Idempotency-Key `${keyPrefix}-${offset + i}`.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';

interface Payer {
  path: string;
  cookie: string;
  body: string;
}

interface LoadConfig {
  url: string;
  amount: number;
  connections: number;
  payments?: { payers: Payer[]; keyPrefix: string; offset: number };
}

const config = JSON.parse(fs.readFileSync(process.argv[2] ?? '', 'utf8')) as LoadConfig;
const statuses: Record<string, number> = {};
let sent = 0;
const payments = config.payments;

let done: (result: autocannon.Result) => void = () => {};
const finished = new Promise<autocannon.Result>((resolve) => {
  done = resolve;
});
const instance = autocannon(
  {
    url: config.url,
    amount: config.amount,
    connections: config.connections,
    ...(payments
      ? {
          requests: [
            {
              setupRequest: (request: autocannon.Request) => {
                const i = sent++;
                const payer = payments.payers[i % payments.payers.length];
                if (!payer) throw new Error('no payer');
                return {
                  ...request,
                  method: 'POST',
                  path: payer.path,
                  headers: {
                    'content-type': 'application/json',
                    cookie: payer.cookie,
                    'idempotency-key': `${payments.keyPrefix}-${payments.offset + i}`,
                  },
                  body: payer.body,
                };
              },
            },
          ],
        }
      : {}),
  },
  (error, result) => {
    if (error) throw error;
    done(result);
  },
);
instance.on('response', (_client, statusCode) => {
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
const result = await finished;
const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    seconds,
    perSecond: result.requests.total / seconds,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
  })}\n`,
);
