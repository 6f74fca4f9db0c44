// Starts GraphiQL against this server's /graphql. The headers editor stays open for an API token
// ({"Authorization": "Bearer cmm_..."}); headers are not persisted in the browser's storage.
(function () {
  var endpoint = new URL('graphql', document.baseURI).href;
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: '{ years }\n',
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers'
  }));
})();
