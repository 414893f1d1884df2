// The explorer: draws the page's data with vis-network and offers window.partygraph, the API the
// page's own controls call and the tests drive. Every text from the data is set as text (never as
// markup); the page's Content-Security-Policy allows only this script and vis-network by hash.
(function () {
  "use strict";
  var times = {start: performance.now()};   // milestones for bench/draw.py
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  times.parsed = performance.now();
  var T = data.text;
  var byId = {}, around = {};       // node -> indexes of its edges
  data.nodes.forEach(function (n) { byId[n.id] = n; around[n.id] = []; });
  data.edges.forEach(function (e, i) { around[e.from].push(i); around[e.to].push(i); });

  var lowerNames = data.nodes.map(function (n) { return n.name.toLowerCase(); });
  var lowerIds = data.nodes.map(function (n) { return n.id.slice(n.id.indexOf(":") + 1).toLowerCase(); });

  function neighbours(id) {
    return around[id].map(function (i) { var e = data.edges[i]; return e.from === id ? e.to : e.from; });
  }
  var shown = {};                 // ids drawn (members may wait for expand)
  data.nodes.forEach(function (n) { if (!n.hidden) { shown[n.id] = true; } });
  var criteria = {};              // the filter in force
  var marking = true;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function label(n) {
    return n.hidden === false && n.members && countHidden(n.id) ? n.name + " (" + n.members + ")" : n.name;
  }

  function countHidden(id) {
    return neighbours(id).filter(function (other) { return !shown[other]; }).length;
  }

  // What changed since an earlier register: added and changed nodes glow, removed ones are ghosts.
  var CHANGE_COLORS = {added: "#2e7d32", changed: "#ef6c00", removed: "#9e9e9e", proposed: "#1565c0"};

  function visNode(n) {
    var style = data.labels[n.kind];
    var gap = marking && n.gap;
    var node = {id: n.id, label: label(n), title: n.name + "\n" + style.name, x: n.x, y: n.y, shape: style.shape,
                size: n.kind === "member" ? 8 : Math.min(60, 12 + 3 * Math.sqrt(n.members || 0)),
                color: {background: style.color, border: gap ? "#ff00ff" : style.color},
                borderWidth: gap ? 5 : 1, gap: n.gap, change: n.change};
    if (n.change === "proposed" && n.kind === "organization") {     // what a plan would found: dashed
      node.color = {background: "rgba(21,101,192,0.15)", border: CHANGE_COLORS.proposed};
      node.shapeProperties = {borderDashes: [6, 4]};
      node.borderWidth = 3;
    } else if (n.change === "removed") {
      node.color = {background: "rgba(200,200,200,0.35)", border: CHANGE_COLORS.removed};
      node.shapeProperties = {borderDashes: [4, 4]};
      node.borderWidth = 2;
      node.font = {color: "#9e9e9e"};
    } else if (n.change) {
      node.shadow = {enabled: true, color: CHANGE_COLORS[n.change], size: 14, x: 0, y: 0};
    }
    return node;
  }

  function visEdge(e, i) {
    var style = data.rels[e.type];
    var ghost = e.change === "removed", proposed = e.change === "proposed";
    return {id: "e" + i, from: e.from, to: e.to, title: style.name,
            color: ghost ? CHANGE_COLORS.removed : proposed ? CHANGE_COLORS.proposed : style.color,
            width: e.type === "PAIRED_WITH" || proposed ? 2.5 : 1.5, dashes: ghost || proposed || e.type === "PAIRED_WITH",
            arrows: e.type === "PAIRED_WITH" ? "" : "to"};
  }

  var nodes = new vis.DataSet(data.nodes.filter(function (n) { return shown[n.id]; }).map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge).filter(function (e) { return shown[e.from] && shown[e.to]; }));
  var visible = function (n) { return passes(byId[n.id]); };
  var nodeView = new vis.DataView(nodes, {filter: visible});
  var edgeView = new vis.DataView(edges, {filter: function (e) { return passes(byId[e.from]) && passes(byId[e.to]); }});
  var options = {
    physics: {enabled: false}, edges: {smooth: false},
    interaction: {hover: true, tooltipDelay: 120, hideEdgesOnDrag: true},
    nodes: {font: {face: data.fontFaces, size: 14}, scaling: {label: {enabled: true, min: 14, max: 14, drawThreshold: 6}}}
  };
  times.datasets = performance.now();
  var network = new vis.Network(document.getElementById("graph"), {nodes: nodeView, edges: edgeView}, options);
  network.fit({animation: false});        // every view starts whole on the screen
  times.network = performance.now();

  function passes(n) {
    if (!n) { return false; }
    if (criteria.kinds && criteria.kinds.length && criteria.kinds.indexOf(n.kind) < 0) { return false; }
    if (criteria.coverage && criteria.coverage.length && criteria.coverage.indexOf(n.coverage) < 0) { return false; }
    if (criteria.places && criteria.places.length &&
        !criteria.places.some(function (p) { return n.places.indexOf(p) >= 0; })) { return false; }
    if (criteria.changes && criteria.changes.indexOf(n.change) < 0) { return false; }
    return true;
  }

  function visibleIds() { return nodeView.getIds().slice().sort(); }

  function search(text) {
    var needle = String(text || "").toLowerCase();
    if (!needle) { return []; }
    var exact = [], partial = [];        // names or ids equal to the text first, then those containing it
    for (var i = 0; i < data.nodes.length; i++) {
      var name = lowerNames[i], id = lowerIds[i];
      if (name === needle || id === needle) { exact.push(data.nodes[i].id); }
      else if (name.indexOf(needle) >= 0 || id.indexOf(needle) >= 0) { partial.push(data.nodes[i].id); }
    }
    var found = exact.concat(partial);
    if (found.length) {
      var first = found[0];
      if (!shown[first]) { reveal([first]); }
      network.selectNodes([first]);
      network.focus(first, {scale: 1.2, animation: false});
      showDetails(first);
    }
    return found;
  }

  function filter(given) {
    criteria = given || {};
    nodeView.refresh();
    edgeView.refresh();
    return visibleIds();
  }

  function details(id) {
    var n = byId[id];
    return n ? n.details.map(function (pair) { return [pair[0], pair[1]]; }) : null;
  }

  function reveal(ids) {
    ids.forEach(function (id) { shown[id] = true; });
    nodes.add(ids.map(function (id) { return visNode(byId[id]); }));
    var add = {};
    ids.forEach(function (id) {
      around[id].forEach(function (i) {
        var e = data.edges[i];
        if (shown[e.from] && shown[e.to] && !edges.get("e" + i)) { add[i] = visEdge(e, i); }
      });
    });
    edges.add(Object.keys(add).map(function (i) { return add[i]; }));
  }

  function expand(id) {
    var added = [];
    var n = byId[id];
    if (!n) { return added; }
    var place = {};
    neighbours(id).forEach(function (other) {
      if (!shown[other] && !place[other]) { place[other] = true; added.push(other); }
    });
    added.sort();
    if (!added.length) { return added; }
    added.forEach(function (other, i) {        // around the node, on a ring sized to fit them
      var angle = 2 * Math.PI * i / added.length, radius = 60 + 6 * added.length;
      byId[other].x = n.x + radius * Math.cos(angle);
      byId[other].y = n.y + radius * Math.sin(angle);
    });
    reveal(added);
    nodes.update(visNode(n));
    return added;
  }

  function png() {
    var canvas = document.querySelector("#graph canvas");
    var out = document.createElement("canvas");
    out.width = canvas.width * 2;
    out.height = canvas.height * 2;
    var scale = network.getScale(), position = network.getViewPosition();
    var holder = document.getElementById("graph");
    var width = holder.clientWidth, height = holder.clientHeight;
    network.setSize(width * 2 + "px", height * 2 + "px");          // drawn again at twice the size
    network.moveTo({position: position, scale: scale * 2, animation: false});
    network.redraw();
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    var big = document.querySelector("#graph canvas");
    ctx.drawImage(big, 0, 0, out.width, out.height);
    network.setSize(width + "px", height + "px");
    network.moveTo({position: position, scale: scale, animation: false});
    network.redraw();
    holder.firstChild.style.width = "100%";
    holder.firstChild.style.height = "100%";
    return out.toDataURL("image/png");
  }

  // -- the controls ------------------------------------------------------------------------

  var panel = document.getElementById("details");

  function showDetails(id) {
    panel.textContent = "";
    var rows = details(id);
    if (!rows) { panel.appendChild(el("p", T.none_selected)); return; }
    var table = el("table");
    rows.forEach(function (pair) {
      var tr = el("tr");
      tr.appendChild(el("th", pair[0]));
      tr.appendChild(el("td", pair[1]));
      table.appendChild(tr);
    });
    panel.appendChild(table);
    if (countHidden(id)) {
      var button = el("button", T.expand + " (" + countHidden(id) + ")");
      button.addEventListener("click", function () { expand(id); showDetails(id); });
      panel.appendChild(button);
    }
  }

  function counts(field) {
    var c = {};
    data.nodes.forEach(function (n) { if (n[field]) { c[n[field]] = (c[n[field]] || 0) + 1; } });
    return c;
  }

  var SHAPES = {diamond: "◆", triangle: "▲", square: "■", hexagon: "⬢", dot: "●"};

  function checkboxes(holder, values, words, counted, key) {
    values.forEach(function (value) {
      if (!counted[value]) { return; }
      var lab = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = value;
      box.dataset.filter = key;
      lab.appendChild(box);
      if (key === "kinds") {        // the node's shape in its colour
        var glyph = el("span", SHAPES[data.labels[value].shape] || "●", "glyph");
        glyph.style.color = data.labels[value].color;
        lab.appendChild(glyph);
      } else if (key === "changes") {
        var mark = el("span", "●", "glyph");
        mark.style.color = CHANGE_COLORS[value];
        lab.appendChild(mark);
      } else {
        lab.appendChild(el("span", "", "swatch"));
      }
      lab.appendChild(document.createTextNode(words[value] + " " + counted[value]));
      holder.appendChild(lab);
      box.addEventListener("change", applyBoxes);
    });
  }

  function applyBoxes() {
    var chosen = {kinds: [], coverage: [], changes: []};
    document.querySelectorAll("input[data-filter]").forEach(function (box) {
      if (box.checked) { chosen[box.dataset.filter].push(box.value); }
    });
    var all = document.querySelectorAll("input[data-filter=coverage]").length;
    var given = {kinds: chosen.kinds};
    if (chosen.coverage.length < all) {          // some coverage states unticked: only enterprises in the rest
      given.coverage = chosen.coverage;
    }
    if (chosen.changes.length < document.querySelectorAll("input[data-filter=changes]").length) {
      given.changes = chosen.changes;            // some marks unticked: only what carries the others
    }
    filter(given);
  }

  var kindWords = {}, kinds = Object.keys(data.labels);
  kinds.forEach(function (k) { kindWords[k] = data.labels[k].name; });
  checkboxes(document.getElementById("kinds"), kinds, kindWords, counts("kind"), "kinds");
  checkboxes(document.getElementById("coverage"), ["org", "work", "none"], data.coverage, counts("coverage"), "coverage");
  if (document.getElementById("changes")) {
    checkboxes(document.getElementById("changes"), data.change_kinds, data.changes, counts("change"), "changes");
  }

  var legend = document.getElementById("edge-legend");
  var types = {};
  data.edges.forEach(function (e) { types[e.type] = true; });
  Object.keys(data.rels).forEach(function (type) {
    if (!types[type]) { return; }
    var item = el("li");
    var line = el("span", "", "line");
    line.style.borderTopColor = data.rels[type].color;
    if (type === "PAIRED_WITH") { line.style.borderTopStyle = "dashed"; }
    item.appendChild(line);
    item.appendChild(document.createTextNode(data.rels[type].name));
    legend.appendChild(item);
  });

  var box = document.getElementById("search");
  var list = document.getElementById("suggestions");
  box.placeholder = T.search;
  box.addEventListener("input", function () {
    list.textContent = "";
    var needle = box.value.toLowerCase();
    if (needle.length < 1) { return; }
    data.nodes.filter(function (n) { return n.name.toLowerCase().indexOf(needle) >= 0; }).slice(0, 20)
      .forEach(function (n) { var option = el("option"); option.value = n.name; list.appendChild(option); });
  });
  box.addEventListener("change", function () { search(box.value); });

  var gapBox = document.getElementById("gaps");
  if (gapBox) {
    gapBox.addEventListener("change", function () {
      marking = gapBox.checked;
      nodes.update(nodes.get().map(function (n) { return visNode(byId[n.id]); }));
    });
  }
  if (!document.querySelector("#coverage input")) {         // no enterprises drawn: no coverage to filter by
    document.getElementById("coverage-heading").hidden = true;
  }

  document.getElementById("png").addEventListener("click", function () {
    var link = el("a");
    link.href = png();
    link.download = "partygraph.png";
    link.click();
  });
  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(params.nodes[0]); }
  });
  panel.appendChild(el("p", T.none_selected));

  var ready = new Promise(function (resolve) {
    network.once("afterDrawing", function () { times.drawn = performance.now(); window.partygraphDrawn = true; resolve(true); });
  });
  window.nodes = nodes;
  window.edges = edges;
  window.network = network;
  window.partygraphTimes = times;
  window.partygraph = {ready: ready, search: search, filter: filter, details: details, expand: expand, png: png,
                       visible: visibleIds};
}());
