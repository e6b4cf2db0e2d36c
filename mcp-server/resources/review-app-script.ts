// The MCP App's script (the view side of @modelcontextprotocol/ext-apps' protocol, by hand: the SDK's
// bundled App class is 330 KB). JSON-RPC over postMessage with the host: ui/initialize, then
// ui/notifications/initialized; the host sends ui/notifications/tool-result with review_function's
// result, which is rendered with textContent only (no HTML from data, ever); Approve and Reject call
// review_function through the host (tools/call), so the server applies the same four-eyes checks.

export const REVIEW_APP_SCRIPT = String.raw`
(function () {
  var nextId = 1, pending = {}, page = null, target = null;
  function send(message) { window.parent.postMessage(message, '*'); }
  function request(method, params) {
    var id = nextId++;
    send({ jsonrpc: '2.0', id: id, method: method, params: params });
    return new Promise(function (resolve, reject) { pending[id] = { resolve: resolve, reject: reject }; });
  }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function section(title) { var node = el('section'); node.appendChild(el('h2', title)); document.getElementById('root').appendChild(node); return node; }
  function shown(json) {
    if (json === undefined) return '(none)';
    try { var value = JSON.parse(json); return typeof value === 'string' ? value : json; } catch (error) { return json; }
  }
  // The unified diff's file headers (--- a, +++ b) are neither removed nor added lines.
  function lineClass(line) {
    if (line.indexOf('--- ') === 0 || line.indexOf('+++ ') === 0) return 'file muted';
    if (line.indexOf('@@') === 0) return 'hunk muted';
    return line[0] === '+' ? 'add' : line[0] === '-' ? 'del' : '';
  }
  function render(result) {
    draw(result);
    send({ jsonrpc: '2.0', method: 'ui/notifications/size-changed', params: { height: document.documentElement.scrollHeight } });
  }
  function draw(result) {
    var data = result && result.structuredContent;
    var root = document.getElementById('root');
    root.textContent = '';
    if (!data || result.isError) {
      root.appendChild(el('p', data && data.message ? data.code + ': ' + data.message : 'No review page in this result.', 'error'));
      return;
    }
    if (!data.page) {
      var done = data.review ? data.review.decision + ' ' + data.name + '@' + data.version + ' by ' + data.review.reviewer : 'Done.';
      root.appendChild(el('p', done, 'notice'));
      return;
    }
    page = data.page; target = { name: data.name, version: data.version };
    root.appendChild(el('h1', data.name + '@' + data.version + ' (' + page.status.replace('_', ' ') + ')'));
    root.appendChild(el('p', page.description + ' — by ' + page.author + (page.requestedBy ? ' for ' + page.requestedBy : ''), 'muted'));
    page.badges.forEach(function (badge) { root.appendChild(el('span', badge, 'badge')); });
    section('Requirement').appendChild(el('div', page.requirement || 'No requirement was recorded.', 'requirement'));
    var behaviour = section('Behavioural diff');
    if (!page.behaviour) behaviour.appendChild(el('p', 'No other active version to compare with.', 'muted'));
    else {
      var b = page.behaviour;
      var counts = b.changed.length + ' of ' + b.compared + ' cases changed (' + b.fixtures + ' fixtures, ' + b.events + ' recent events; ';
      behaviour.appendChild(el('p', counts + '@' + b.from + ' → @' + b.to + ')', 'muted'));
      var table = el('table');
      b.changed.forEach(function (item) { item.changes.forEach(function (change) {
        var row = el('tr'); row.appendChild(el('td', item.label)); row.appendChild(el('td', change.path, 'mono'));
        row.appendChild(el('td', shown(change.before), 'before')); row.appendChild(el('td', '→')); row.appendChild(el('td', shown(change.after), 'after'));
        table.appendChild(row);
      }); });
      behaviour.appendChild(table);
    }
    var code = section(page.compareTo === null ? 'Code (first version)' : 'Code: diff against @' + page.compareTo);
    var pre = el('pre', null, 'mono');
    page.sourceDiff.split('\n').forEach(function (line) { pre.appendChild(el('div', line, lineClass(line))); });
    code.appendChild(pre);
    var fixtures = section('Fixtures (' + page.fixtures.length + ')');
    var rows = el('table');
    page.fixtures.forEach(function (fixture) {
      var row = el('tr'); row.appendChild(el('td', fixture.name));
      row.appendChild(el('td', fixture.input.map(function (pair) { return pair[0] + ' ' + pair[1]; }).join('\n'), 'small pre'));
      row.appendChild(el('td', (fixture.expected.kind === 'error' ? 'throws ' : '') + fixture.expected.text, 'mono small'));
      rows.appendChild(row);
    });
    fixtures.appendChild(rows);
    var decision = section('Review');
    if (!page.mayReview) { decision.appendChild(el('p', 'You cannot decide on this version: ' + page.reviewBlockedBecause + '.', 'muted')); return; }
    var comment = el('textarea'); comment.placeholder = 'What you checked'; decision.appendChild(comment);
    ['approve', 'reject'].forEach(function (choice) {
      var button = el('button', choice === 'approve' ? 'Approve' : 'Reject', choice);
      button.addEventListener('click', function () {
        button.disabled = true;
        var call = { name: target.name, version: target.version, decision: choice, comment: comment.value || undefined };
        request('tools/call', { name: 'review_function', arguments: call })
          .then(render, function (error) { decision.appendChild(el('p', String(error && error.message || error), 'error')); });
      });
      decision.appendChild(button);
    });
  }
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent) return;
    var message = event.data;
    if (!message || message.jsonrpc !== '2.0') return;
    if (message.id !== undefined && !message.method && pending[message.id]) {
      var waiter = pending[message.id]; delete pending[message.id];
      if (message.error) waiter.reject(message.error); else waiter.resolve(message.result);
    } else if (message.method === 'ui/notifications/tool-result') render(message.params);
    else if (message.id !== undefined && message.method) send({ jsonrpc: '2.0', id: message.id, result: {} });
  });
  request('ui/initialize', { appInfo: { name: 'joinery-review', version: '0.1.0' }, appCapabilities: {}, protocolVersion: '2026-01-26' })
    .then(function () { send({ jsonrpc: '2.0', method: 'ui/notifications/initialized', params: {} }); });
})();
`;
