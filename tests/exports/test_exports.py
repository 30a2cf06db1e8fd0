"""GraphML, GEXF and Neo4j CSV exports of the seed graph: read back, headers, byte identity."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.exports import export_graph, gexf_bytes, graphml_bytes, neo4j_csv, resolve_formats
from kg.exports.neo4j import NODE_HEADER, RELATIONSHIP_HEADER

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed_graph(built_seeds: Path) -> kg.KnowledgeGraph:
    return kg.open(built_seeds)


@pytest.fixture(scope="module")
def written(seed_graph: kg.KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    seed_graph.write(out, formats=["graphml", "gexf", "csv", "jsonld"], html=False)
    return out


def _shuffled(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Same graph, nodes and edges inserted in reverse order."""
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    return H


@pytest.mark.parametrize(
    "reader,name", [(nx.read_graphml, "graph.graphml"), (nx.read_gexf, "graph.gexf")]
)
def test_read_back_with_networkx(
    written: Path, seed_graph: kg.KnowledgeGraph, reader, name: str
) -> None:
    G = seed_graph.to_networkx()
    expected = export_graph(G)
    back = reader(written / name)
    assert back.number_of_nodes() == G.number_of_nodes() > 100
    assert back.number_of_edges() == G.number_of_edges() > 100
    for node, data in expected.nodes(data=True):
        got = back.nodes[node]
        for attr in ("type", "name", "aliases", "community"):
            assert str(got[attr]) == str(data[attr]), (node, attr)
    assert {d["community"] for _, d in expected.nodes(data=True)} > {0, 1}
    got_edges = sorted(
        (u, v, d["predicate"], d.get("role", "") or "") for u, v, d in back.edges(data=True)
    )
    want_edges = sorted(
        (u, v, d["predicate"], d["role"] or "") for u, v, d in expected.edges(data=True)
    )
    assert got_edges == want_edges
    assert any(role for *_, role in got_edges)


def test_exports_are_byte_deterministic(seed_graph: kg.KnowledgeGraph) -> None:
    G = seed_graph.to_networkx()
    H = _shuffled(G)
    assert graphml_bytes(G) == graphml_bytes(H)
    assert gexf_bytes(G) == gexf_bytes(H)
    assert neo4j_csv(G) == neo4j_csv(H)
    assert b"lastmodifieddate" not in gexf_bytes(G)


def test_gephi_files_name_their_attributes(written: Path) -> None:
    graphml = (written / "graph.graphml").read_text(encoding="utf-8")
    for attr in ("type", "name", "aliases", "community", "predicate", "role"):
        assert f'attr.name="{attr}"' in graphml, attr
    gexf = (written / "graph.gexf").read_text(encoding="utf-8")
    assert 'xmlns="http://www.gexf.net/1.2draft"' in gexf
    assert 'title="community"' in gexf and 'title="predicate"' in gexf


def test_neo4j_csv_headers_and_rows(written: Path, seed_graph: kg.KnowledgeGraph) -> None:
    folder = written / "neo4j"
    with (folder / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.reader(fh))
    with (folder / "relationships.csv").open(encoding="utf-8", newline="") as fh:
        rels = list(csv.reader(fh))
    assert tuple(nodes[0]) == (*NODE_HEADER, "confidence:float")  # kg:confidence
    assert tuple(rels[0]) == (*RELATIONSHIP_HEADER, "confidence:float")
    assert nodes[0][0].endswith(":ID") and ":LABEL" in nodes[0]
    assert {":START_ID", ":END_ID", ":TYPE"} <= set(rels[0])
    G = seed_graph.to_networkx()
    assert len(nodes) - 1 == G.number_of_nodes()
    assert len(rels) - 1 == G.number_of_edges()
    ids = {row[0] for row in nodes[1:]}
    assert all(row[0] in ids and row[1] in ids for row in rels[1:])
    labels = {row[0]: row[4].split(";") for row in nodes[1:]}
    union = next(n for n, d in G.nodes(data=True) if d["type"] == "Union")
    assert labels[union] == ["Union", "Organization"]
    assert {row[2] for row in rels[1:]} <= {
        "MEMBER_OF",
        "SUB_ORGANIZATION_OF",
        "ESTABLISHES",
        "ORGANIZES",
        "PARTNER_OF",
        "LOCATED_IN",
    }


def test_jsonld_context_is_the_published_file(written: Path) -> None:
    published = json.loads((REPO / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    exported = json.loads((written / "graph.jsonld").read_text(encoding="utf-8"))
    assert exported["@context"] == published["@context"]
    import rdflib

    a = rdflib.Graph().parse(written / "graph.jsonld", format="json-ld")
    # the same document with the context given as the published file's object
    exported["@context"] = published["@context"]
    b = rdflib.Graph().parse(data=json.dumps(exported), format="json-ld")
    assert len(a) == len(b) > 1000


def test_format_names() -> None:
    assert resolve_formats(["TTL", "neo4j", "gexf", "gexf"]) == ["csv", "gexf", "turtle"]
    with pytest.raises(ValueError, match="E203"):
        resolve_formats(["dot"])
