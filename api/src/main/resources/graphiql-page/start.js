// Starts GraphiQL against this server's /graphql. The headers editor stays open for an API token
// ({"Authorization": "Bearer cmm_..."}); headers are not persisted in the browser's storage.
(function () {
  // the first screen: a commented example that shows what the API is for (a breakdown with labels in both
  // languages, and a yearly series); GraphiQL keeps the reader's own query once they edit it
  var EXAMPLE = [
    '# The statistics of the Danish Centre against Human Trafficking (Center mod Menneskehandel).',
    '# Press ▶ (or Ctrl-Enter) to run this query. Without an API token you get the published numbers:',
    '# small counts are withheld (count null, reason WITHHELD). The Docs pane (the book, top left)',
    '# describes every field; Ctrl-Space suggests the names that fit where the cursor is.',
    '',
    '{',
    '  # 1. A breakdown: persons assessed as trafficked in 2012 by region, labels in Danish and English',
    '  byRegion: personStats(filter: { assessmentYears: [2012] }, groupBy: [REGION]) {',
    '    total',
    '    groups {',
    '      key { code da: label(lang: DA) en: label(lang: EN) }',
    '      count',
    '      share',
    '      reason',
    '    }',
    '  }',
    '  # 2. A series: persons per year, oldest first',
    '  perYear: personStats(groupBy: [ASSESSMENT_YEAR], orderBy: KEY) {',
    '    groups { key { code } count reason }',
    '  }',
    '}',
    ''
  ].join('\n');
  var endpoint = new URL('graphql', document.baseURI).href;
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: EXAMPLE,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers'
  }));
})();
