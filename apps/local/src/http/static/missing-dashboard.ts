/**
 * `/` when no built dashboard is there: says how to get one instead of a bare 404. No paths of
 * this machine in it (the page is public on 127.0.0.1); the runtime's log names the directory.
 */
export const MISSING_DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>TrailPulse</title></head>
<body>
<h1>TrailPulse is running</h1>
<p>The dashboard has not been built yet. Build it with <code>npx nx run dashboard:build</code>
and restart the runtime; the log names the directory it is served from.</p>
<p>The API is up: <a href="/api/v1/health">/api/v1/health</a>.</p>
</body>
</html>
`;
