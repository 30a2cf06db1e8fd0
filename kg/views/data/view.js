(function () {
  "use strict";
  // Article text is data: it reaches the page only through textContent and attribute
  // values, never innerHTML.
  var container = document.getElementById("mynetwork");
  var status = document.getElementById("kg-status");
  var nodes = new vis.DataSet(__KG_NODES__);
  var edges = new vis.DataSet(__KG_EDGES__);
  var options = __KG_OPTIONS__;
  var freeze = __KG_FREEZE__;
  var view = __KG_VIEW__;

  var info = view.nodes;
  var rels = view.relations;
  var indexOf = Object.create(null);
  var typeColour = [];
  var fontSize = [];
  var adjacency = [];
  var isolated = [];
  info.forEach(function (n, i) {
    indexOf[n.id] = i;
    typeColour.push(nodes.get(n.id).color);
    fontSize.push(null);
    adjacency.push([]);
    isolated.push(n.degree === 0);
  });
  var edgeIds = edges.getIds();
  var edgeColour = edges.get().map(function (e) { return e.color; });
  rels.forEach(function (r, j) {
    adjacency[r.from].push(j);
    if (r.to !== r.from) adjacency[r.to].push(j);
  });

  var typeOn = Object.create(null);
  var predicateOn = Object.create(null);
  var hideIsolated = true;
  var byCommunity = false;
  var selected = null;
  var lit = null; // indices of the highlighted neighbourhood, or null
  var revealed = Object.create(null);
  var nodeHidden = info.map(function () { return false; });
  var edgeHidden = rels.map(function () { return false; });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // -- visibility --------------------------------------------------------------------
  function nodeVisible(i) {
    if (revealed[i]) return true;
    if (typeOn[info[i].type] === false) return false;
    return !(hideIsolated && isolated[i]);
  }
  function edgeVisible(j) {
    var r = rels[j];
    return predicateOn[r.predicate] !== false && !nodeHidden[r.from] && !nodeHidden[r.to];
  }
  function applyVisibility() {
    var nodeUpdates = [];
    var edgeUpdates = [];
    var hiddenIsolated = 0;
    var hiddenByType = 0;
    info.forEach(function (n, i) {
      var hide = !nodeVisible(i);
      if (hide && typeOn[n.type] === false) hiddenByType++;
      else if (hide) hiddenIsolated++;
      if (hide !== nodeHidden[i]) {
        nodeHidden[i] = hide;
        nodeUpdates.push({ id: n.id, hidden: hide });
      }
    });
    rels.forEach(function (r, j) {
      var hide = !edgeVisible(j);
      if (hide !== edgeHidden[j]) {
        edgeHidden[j] = hide;
        edgeUpdates.push({ id: edgeIds[j], hidden: hide });
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    var parts = [hiddenIsolated + " isolated nodes hidden"];
    if (hiddenByType) parts.push(hiddenByType + " hidden by type");
    document.getElementById("kg-hidden").textContent = parts.join(" · ");
    if (selected !== null && nodeHidden[selected]) clearSelection();
    else if (selected !== null) highlight(selected);
  }

  // -- colours, labels and the highlighted neighbourhood ------------------------------
  function communityColour(i) {
    var c = info[i].community;
    var spec = c >= 0 ? view.communities[c] : null;
    var colour = spec && spec.colour ? spec.colour : view.communityOther;
    return {
      background: colour,
      border: "#555555",
      highlight: { background: colour, border: "#000000" },
      hover: { background: colour, border: "#000000" },
    };
  }
  function baseColour(i) {
    return byCommunity ? communityColour(i) : typeColour[i];
  }
  function font(i, dim) {
    var f = { color: dim ? view.dimmed.font : view.font };
    if (fontSize[i] !== null) f.size = fontSize[i];
    return f;
  }
  var nodePainted = info.map(function () { return "t"; });
  var edgePainted = rels.map(function () { return "n"; });
  function paint() {
    // only what changed is sent to vis-network: a DataSet update re-parses each item
    var nodeUpdates = [];
    info.forEach(function (n, i) {
      var dim = lit !== null && !lit[i];
      var key = dim ? "d" : byCommunity ? "c" : "t";
      if (key === nodePainted[i]) return;
      nodePainted[i] = key;
      var colour = dim
        ? { background: view.dimmed.background, border: view.dimmed.border,
            highlight: { background: view.dimmed.background, border: "#000000" },
            hover: { background: view.dimmed.background, border: "#000000" } }
        : baseColour(i);
      nodeUpdates.push({ id: n.id, color: colour, font: font(i, dim) });
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    var edgeUpdates = [];
    rels.forEach(function (r, j) {
      var dim = lit !== null && !(lit[r.from] && lit[r.to]);
      var key = dim ? "d" : "n";
      if (key === edgePainted[j]) return;
      edgePainted[j] = key;
      var colour = dim
        ? { color: view.dimmed.edge, highlight: view.dimmed.edge, hover: view.dimmed.edge }
        : edgeColour[j];
      edgeUpdates.push({ id: edgeIds[j], color: colour, font: { color: dim ? view.dimmed.font : "#555555" } });
    });
    if (edgeUpdates.length) edges.update(edgeUpdates);
    document.body.setAttribute("data-kg-colour", byCommunity ? "community" : "type");
  }
  function depth() {
    return parseInt(document.getElementById("kg-depth").value, 10) || 1;
  }
  function neighbourhood(start, k) {
    var seen = Object.create(null);
    seen[start] = true;
    var frontier = [start];
    for (var step = 0; step < k; step++) {
      var next = [];
      frontier.forEach(function (i) {
        adjacency[i].forEach(function (j) {
          if (edgeHidden[j]) return;
          var r = rels[j];
          var other = r.from === i ? r.to : r.from;
          if (!seen[other]) {
            seen[other] = true;
            next.push(other);
          }
        });
      });
      frontier = next;
    }
    return seen;
  }
  function highlight(i) {
    lit = neighbourhood(i, depth());
    paint();
    var count = Object.keys(lit).length;
    document.body.setAttribute("data-kg-neighbourhood", String(count));
  }
  function updateLabels() {
    // the most central nodes keep a label of labelPx screen pixels at any zoom level
    var scale = network.getScale() || 1;
    var size = Math.round(Math.max(view.labelPx, view.labelPx / scale));
    var updates = [];
    view.labelled.forEach(function (i) {
      if (fontSize[i] === size) return;
      fontSize[i] = size;
      updates.push({ id: info[i].id, font: font(i, lit !== null && !lit[i]) });
    });
    if (updates.length) nodes.update(updates);
  }

  // -- selection and the details panel -------------------------------------------------
  function select(i, focus) {
    if (nodeHidden[i]) {
      revealed[i] = true;
      applyVisibility();
    }
    selected = i;
    network.selectNodes([info[i].id]);
    highlight(i);
    showDetails(i);
    document.body.setAttribute("data-kg-selected", info[i].id);
    if (focus) {
      network.focus(info[i].id, {
        scale: Math.max(network.getScale(), 1.2),
        animation: { duration: 300, easingFunction: "easeInOutQuad" },
      });
    }
  }
  function clearSelection() {
    selected = null;
    lit = null;
    network.unselectAll();
    paint();
    var details = document.getElementById("kg-details");
    details.hidden = true;
    details.replaceChildren();
    document.body.removeAttribute("data-kg-selected");
    document.body.removeAttribute("data-kg-neighbourhood");
  }
  function evidenceTitle(evidence, count) {
    var title = "证据 evidence (" + count;
    if (count > evidence.length) title += "; 前 " + evidence.length + " 条 first " + evidence.length;
    return title + ")";
  }
  function evidenceList(evidence) {
    var list = el("ul", "kg-evidence");
    evidence.forEach(function (ev) {
      var item = el("li");
      item.appendChild(el("blockquote", "kg-sentence", ev.sentence));
      var art = view.articles[ev.article] || {};
      var src = el("div", "kg-source");
      var parts = [
        ["kg-headline", art.headline],
        ["kg-date", art.date],
        ["kg-file", art.source],
        ["kg-article", ev.article ? "[" + ev.article + "]" : ""],
      ];
      parts.forEach(function (p) {
        if (!p[1]) return;
        if (src.childNodes.length) src.appendChild(document.createTextNode(" · "));
        src.appendChild(el("span", p[0], p[1]));
      });
      item.appendChild(src);
      list.appendChild(item);
    });
    return list;
  }
  function showDetails(i) {
    var n = info[i];
    var box = document.getElementById("kg-details");
    box.replaceChildren();
    var close = el("button", "kg-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "close details");
    close.addEventListener("click", clearSelection);
    box.appendChild(close);
    box.appendChild(el("h2", "kg-name", n.name));
    box.appendChild(el("p", "kg-type", "类型 type: " + n.type));
    if (n.aliases.length) box.appendChild(el("p", "kg-aliases", "别名 aliases: " + n.aliases.join("、")));
    box.appendChild(el("p", "kg-id", n.id));
    var mine = adjacency[i].slice().sort(function (a, b) {
      var ra = rels[a], rb = rels[b];
      var oa = ra.from === i ? 0 : 1, ob = rb.from === i ? 0 : 1;
      if (oa !== ob) return oa - ob;
      if (ra.predicate !== rb.predicate) return ra.predicate < rb.predicate ? -1 : 1;
      return a - b;
    });
    box.appendChild(el("h3", null, "关系 relations (" + mine.length + ")"));
    var list = el("ul", "kg-relations");
    mine.forEach(function (j) {
      var r = rels[j];
      var out = r.from === i;
      var other = out ? r.to : r.from;
      var item = el("li", "kg-relation");
      item.setAttribute("data-predicate", r.predicate);
      item.appendChild(el("span", "kg-pred", out ? r.predicate + " → " : "← " + r.predicate + " "));
      var link = el("button", "kg-other", info[other].name);
      link.type = "button";
      link.addEventListener("click", function () { select(other, true); });
      item.appendChild(link);
      item.appendChild(el("span", "kg-type-of", " (" + info[other].type + ")"));
      if (r.role) item.appendChild(el("div", "kg-role", "职务 role: " + r.role));
      if (r.amount) item.appendChild(el("div", "kg-amount", "金额 amount: " + r.amount));
      if (r.evidence.length) {
        var more = el("details");
        more.appendChild(el("summary", null, evidenceTitle(r.evidence, r.evidenceCount)));
        more.appendChild(evidenceList(r.evidence));
        item.appendChild(more);
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    box.appendChild(el("h3", null, evidenceTitle(n.evidence, n.evidenceCount)));
    box.appendChild(evidenceList(n.evidence));
    box.hidden = false;
  }

  // -- search --------------------------------------------------------------------------
  function normalise(text) {
    var out = "";
    var chars = Array.from(String(text).toLowerCase().replace(/\s+/g, ""));
    chars.forEach(function (ch) { out += view.charmap[ch] || ch; });
    return out;
  }
  var nameKeys = info.map(function (n) { return normalise(n.name); });
  var hits = [];
  function search(query) {
    var q = normalise(query);
    hits = [];
    if (!q) return hits;
    info.forEach(function (n, i) {
      var rank = -1;
      var alias = null;
      var name = nameKeys[i];
      if (name === q) rank = 0;
      else if (name.indexOf(q) === 0) rank = 2;
      else if (name.indexOf(q) > 0) rank = 4;
      n.keys.forEach(function (key, k) {
        if (key === name) return;
        var r = key === q ? 1 : key.indexOf(q) === 0 ? 3 : key.indexOf(q) > 0 ? 5 : -1;
        if (r >= 0 && (rank < 0 || r < rank)) {
          rank = r;
          alias = key;
        }
      });
      if (rank >= 0) hits.push({ i: i, rank: rank, alias: alias });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || info[b.i].degree - info[a.i].degree ||
        (info[a.i].name < info[b.i].name ? -1 : info[a.i].name > info[b.i].name ? 1 : a.i - b.i);
    });
    return hits;
  }
  function matchedAlias(i, key) {
    var found = null;
    info[i].aliases.forEach(function (a) { if (!found && normalise(a) === key) found = a; });
    return found || key;
  }
  function showHits(query) {
    var box = document.getElementById("kg-search-results");
    box.replaceChildren();
    var found = search(query);
    if (!normalise(query)) {
      box.hidden = true;
      return;
    }
    if (!found.length) {
      box.appendChild(el("li", "kg-none", "no match"));
    }
    found.slice(0, 30).forEach(function (h) {
      var item = el("li");
      item.setAttribute("role", "option");
      var b = el("button", "kg-hit");
      b.type = "button";
      b.setAttribute("data-id", info[h.i].id);
      b.appendChild(el("span", "kg-hit-name", info[h.i].name));
      b.appendChild(el("span", "kg-hit-type", info[h.i].type));
      if (h.alias !== null) b.appendChild(el("span", "kg-hit-alias", "= " + matchedAlias(h.i, h.alias)));
      b.addEventListener("click", function () { choose(h.i); });
      item.appendChild(b);
      box.appendChild(item);
    });
    if (found.length > 30) box.appendChild(el("li", "kg-none", "… " + (found.length - 30) + " more"));
    box.hidden = false;
  }
  function choose(i) {
    document.getElementById("kg-search-results").hidden = true;
    select(i, true);
  }

  // -- communities legend --------------------------------------------------------------
  function buildCommunityLegend() {
    var section = document.getElementById("kg-community-legend");
    var list = section.querySelector("ol");
    var shown = 0;
    view.communities.forEach(function (c, k) {
      if (!c.colour) return;
      shown++;
      var item = el("li");
      item.setAttribute("data-community", String(k));
      var b = el("button");
      b.type = "button";
      var swatch = el("span", "kg-swatch");
      swatch.style.background = c.colour;
      b.appendChild(swatch);
      b.appendChild(el("span", "kg-central", info[c.central].name));
      b.appendChild(el("span", "kg-count", String(c.size)));
      b.title = "most central member; click to select it";
      b.addEventListener("click", function () { select(c.central, true); });
      item.appendChild(b);
      list.appendChild(item);
    });
    var rest = view.communities.length - shown;
    section.querySelector(".kg-more").textContent = rest > 0
      ? "… " + rest + " smaller communities and unlinked nodes in grey"
      : "unlinked nodes in grey";
  }

  // -- the network ---------------------------------------------------------------------
  info.forEach(function (n, i) {
    // unlinked nodes stay out of the simulation (they are hidden at first anyway)
    if (isolated[i]) nodes.update({ id: n.id, physics: false, hidden: true });
    nodeHidden[i] = isolated[i];
  });
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var physicsBox = document.getElementById("kg-physics");
  physicsBox.checked = !!(options.physics && options.physics.enabled);

  function visibleIds() {
    return info.filter(function (n, i) { return !nodeHidden[i]; }).map(function (n) { return n.id; });
  }
  var ready = false;
  function done() {
    if (ready) return;
    ready = true;
    status.textContent = "";
    if (freeze) {
      network.setOptions({ physics: { enabled: false } });
      physicsBox.checked = false;
    }
    applyVisibility();
    var ids = visibleIds();
    network.fit(ids.length ? { nodes: ids, animation: false } : { animation: false });
    updateLabels();
    if (view.focus !== null) select(view.focus, true);
    document.body.setAttribute("data-kg-stabilized", "true");
  }
  network.on("stabilizationProgress", function (params) {
    status.textContent = "layout " + Math.round((100 * params.iterations) / params.total) + "%";
  });
  network.once("stabilizationIterationsDone", done);
  var drawnScale = null;
  network.on("afterDrawing", function () {
    // also catches zooming by focus()/fit() animations, which emit no "zoom" event
    var scale = network.getScale();
    if (ready && scale !== drawnScale) {
      drawnScale = scale;
      updateLabels();
    }
  });
  network.on("click", function (params) {
    if (params.nodes.length) {
      var i = indexOf[params.nodes[0]];
      if (i !== undefined) select(i, false);
    } else if (!params.edges.length) {
      clearSelection();
    }
  });

  // -- controls ------------------------------------------------------------------------
  document.querySelectorAll("#kg-legend li[data-type] input").forEach(function (box) {
    box.addEventListener("change", function () {
      var li = box.closest("li");
      typeOn[li.getAttribute("data-type")] = box.checked;
      li.classList.toggle("kg-off", !box.checked);
      revealed = Object.create(null);
      applyVisibility();
    });
  });
  document.querySelectorAll("#kg-legend li[data-predicate] input").forEach(function (box) {
    box.addEventListener("change", function () {
      var li = box.closest("li");
      predicateOn[li.getAttribute("data-predicate")] = box.checked;
      li.classList.toggle("kg-off", !box.checked);
      applyVisibility();
    });
  });
  document.getElementById("kg-hide-isolated").addEventListener("change", function (ev) {
    hideIsolated = ev.target.checked;
    revealed = Object.create(null);
    applyVisibility();
  });
  document.getElementById("kg-communities").addEventListener("change", function (ev) {
    byCommunity = ev.target.checked;
    document.getElementById("kg-community-legend").hidden = !byCommunity;
    paint();
  });
  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physicsBox.checked } });
  });
  document.getElementById("kg-depth").addEventListener("change", function () {
    if (selected !== null) highlight(selected);
  });
  var input = document.getElementById("kg-search-input");
  input.addEventListener("input", function () { showHits(input.value); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && hits.length) {
      ev.preventDefault();
      choose(hits[0].i);
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      document.getElementById("kg-search-results").hidden = true;
      clearSelection();
    }
  });

  buildCommunityLegend();
  var moving = isolated.filter(function (x) { return !x; }).length;
  if (moving === 0 || !(options.physics && options.physics.enabled)) {
    done();
  }
  window.kgNetwork = network;
})();
