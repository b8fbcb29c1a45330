// Preloaded into twilio-run (node --require), after twilio-run-request-headers.cjs. The local origin
// (src/adapters/local/server) is the only caller meant to reach twilio-run; these guards hold even
// for a request sent to twilio-run's own port:
// - Host must name loopback on this port (a foreign name is DNS rebinding: another site's page);
// - credentials never ride in the query string (URLs end up in logs, history and Referer), and
//   twilio-run would merge them into `event` like body fields. Same rule as request-guards.ts.
const route = require('twilio-run/dist/runtime/route');

const CREDENTIAL_QUERY_KEY = /token|authori[sz]ation|secret|password|jwt|bearer|api[-_]?key/i;

function refuse(res, status, code, message) {
  res.status(status).set({ 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.send(JSON.stringify({ error: { code, message } }));
}

const functionToRoute = route.functionToRoute;
route.functionToRoute = function withRequestGuards(...args) {
  const handler = functionToRoute.apply(this, args);
  return function guardedFunctionHandler(req, res, next) {
    const host = String(req.headers.host || '').toLowerCase();
    const port = req.socket && req.socket.localPort;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return refuse(res, 421, 'host_not_allowed', 'This server answers only to its own address.');
    }
    if (Object.keys(req.query || {}).some((key) => CREDENTIAL_QUERY_KEY.test(key))) {
      return refuse(res, 400, 'token_in_query', 'Send credentials in the Authorization header or the body, never in the URL.');
    }
    return handler(req, res, next);
  };
};
