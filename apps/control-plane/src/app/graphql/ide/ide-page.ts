/**
 * The GraphiQL page of GET /graphql (a browser asking for HTML). Everything it
 * loads comes from this server: no inline script or style, so the
 * Content-Security-Policy allows 'self' only (plus data: fonts, which
 * GraphiQL's stylesheet inlines).
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function idePage(assetPath: string): string {
  const asset = (name: string) => `${assetPath}/${name}`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>Base Shift GraphQL</title>
    <link rel="stylesheet" href="${asset('graphiql.min.css')}">
    <link rel="stylesheet" href="${asset('ide.css')}">
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL (it needs JavaScript)…</div>
    <script src="${asset('react.production.min.js')}"></script>
    <script src="${asset('react-dom.production.min.js')}"></script>
    <script src="${asset('graphiql.min.js')}"></script>
    <script src="${asset('ide.js')}"></script>
  </body>
</html>
`;
}

export const IDE_STYLESHEET = `html, body { height: 100%; margin: 0; }
#graphiql { height: 100vh; }
`;

/** The header a user fills in: the same bearer token as the REST API. */
export const IDE_DEFAULT_HEADERS = { Authorization: 'Bearer <paste your API key>' };

const DEFAULT_QUERY = `# Paste your API key into the Authorization header (Headers tab below), then run.
# Any key with the templates:read scope can run this query.
query Templates {
  jobTemplates(filter: {}) {
    id
    name
    version
    steps { name type config }
  }
}
`;

/**
 * Served as its own file (ide.js), never inline. Headers are not persisted
 * (shouldPersistHeaders false): an API key pasted here stays out of
 * localStorage. The fetcher posts JSON to the page's own URL, which Apollo's
 * CSRF prevention accepts (a JSON body is not a "simple" request).
 */
export const IDE_BOOTSTRAP_SCRIPT = `'use strict';
(function () {
  var endpoint = window.location.pathname.replace(/\\/+$/, '') || '/graphql';
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
      defaultHeaders: ${JSON.stringify(JSON.stringify(IDE_DEFAULT_HEADERS, null, 2))},
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  );
})();
`;
