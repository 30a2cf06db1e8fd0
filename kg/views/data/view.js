(function () {
  "use strict";
  var container = document.getElementById("mynetwork");
  var status = document.getElementById("kg-status");
  var nodes = new vis.DataSet(__KG_NODES__);
  var edges = new vis.DataSet(__KG_EDGES__);
  var options = __KG_OPTIONS__;
  var freeze = __KG_FREEZE__;
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  function done() {
    status.textContent = "";
    if (freeze) {
      network.setOptions({ physics: { enabled: false } });
    }
    document.body.setAttribute("data-kg-stabilized", "true");
  }
  network.on("stabilizationProgress", function (params) {
    status.textContent = "layout " + Math.round((100 * params.iterations) / params.total) + "%";
  });
  network.once("stabilizationIterationsDone", done);
  if (nodes.length === 0) {
    done();
  }
  window.kgNetwork = network;
})();
