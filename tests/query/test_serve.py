"""``kg serve``: the real Oxigraph server behind the gateway, queried over loopback."""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_graph import sample_model
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from kg.query.server import SparqlServer
from kg.rdf.store import write_store

UNIONS = "PREFIX kg: <https://w3id.org/cn-union-kg/ontology#> " + (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT ?l WHERE { ?u a kg:Union ; rdfs:label ?l } ORDER BY ?l"
)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q }"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    out = tmp_path_factory.mktemp("serve")
    write_store(sample_model(), out / "store")
    with SparqlServer(out, port=0, timeout=1.5) as running:
        yield running


def _count(server: SparqlServer) -> int:
    client = SPARQLWrapper(server.url)
    client.setQuery(COUNT)
    client.setReturnFormat(JSON)
    return int(client.queryAndConvert()["results"]["bindings"][0]["n"]["value"])


def test_sparqlwrapper_queries_over_loopback(
    server: SparqlServer, caplog: pytest.LogCaptureFixture
) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    client = SPARQLWrapper(server.url)
    client.setQuery(UNIONS)
    client.setReturnFormat(JSON)
    with caplog.at_level(logging.INFO, logger="kg.query.server"):
        result = client.queryAndConvert()
    labels = [b["l"]["value"] for b in result["results"]["bindings"]]
    assert labels == ["碑林区总工会", "西安市总工会", "雁塔区总工会"]  # the union default graph
    logged = [r.getMessage() for r in caplog.records if "SELECT ?l" in r.getMessage()]
    assert logged and " ms " in logged[0] and logged[0].startswith("query 200")


def test_updates_are_refused_when_read_only(server: SparqlServer) -> None:
    before = _count(server)
    client = SPARQLWrapper(server.url.replace("/query", "/update"))
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }")
    with pytest.raises(urllib.error.HTTPError) as update:
        client.query()
    assert update.value.code == 403
    assert b"read-only" in update.value.read()
    request = urllib.request.Request(
        server.url.replace("/query", "/store?default"),
        data=b"<http://e/a> <http://e/b> <http://e/c> .",
        headers={"Content-Type": "application/n-triples"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    assert _count(server) == before


def test_the_timeout_cuts_a_runaway_query(server: SparqlServer) -> None:
    url = f"{server.url}?{urllib.parse.urlencode({'query': RUNAWAY})}"
    started = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as cut:
        urllib.request.urlopen(url, timeout=30)
    assert cut.value.code == 503
    assert b"timeout" in cut.value.read()
    assert time.monotonic() - started < 15
    assert _count(server) > 100  # the endpoint answers again at once


def test_result_size_limit_cors_and_service(server: SparqlServer) -> None:
    everything = f"{server.url}?{urllib.parse.urlencode({'query': 'SELECT * {?s ?p ?o}'})}"
    limit = server.max_result_bytes
    server.max_result_bytes = 2_000
    try:
        with pytest.raises(urllib.error.HTTPError) as big:
            urllib.request.urlopen(everything, timeout=10)
        assert big.value.code == 413
    finally:
        server.max_result_bytes = limit
    with urllib.request.urlopen(everything, timeout=10) as answer:
        assert answer.headers["Access-Control-Allow-Origin"] == "*"
        assert len(json.loads(answer.read())["results"]["bindings"]) > 100
    preflight = urllib.request.Request(server.url, method="OPTIONS")
    with urllib.request.urlopen(preflight, timeout=10) as answer:
        assert answer.status == 204
        assert "POST" in answer.headers["Access-Control-Allow-Methods"]
    federated = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{server.url}?{urllib.parse.urlencode({'query': federated})}")
    assert refused.value.code == 403


def test_serve_refuses_a_folder_without_store(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["serve", str(tmp_path), "--port", "0"])
    assert result.exit_code == 2
    assert result.stderr.startswith("[E209]")
