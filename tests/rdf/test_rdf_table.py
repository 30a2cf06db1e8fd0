"""The direct export (kg.rdf.table): the bytes of the rdflib-graph path, without the graph."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_graph import sample_model

from kg.graph import build_graph
from kg.rdf import read_graph, serialize, to_rdf
from kg.rdf import table as direct
from kg.rdf.store import graph_quads
from kg.types import Article, Entity, EntityType, Provenance, Relation, RelationType

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from fuzzing import CONTROLS, FRAGMENTS, TRIGGERS

FORMATS = {"turtle": (direct.turtle, "turtle"), "nt": (direct.ntriples, "nt")}


def _same_as_rdflib_path(G: nx.MultiDiGraph) -> bytes:
    """Assert every direct writer gives the old bytes; return the Turtle."""
    rdf = to_rdf(G)
    triples = direct.model_table(G)
    assert len(triples) == len(rdf)
    for fmt, (write, _name) in FORMATS.items():
        assert write(triples) == serialize(rdf, fmt), fmt
    return direct.turtle(triples)


def test_the_sample_model() -> None:
    _same_as_rdflib_path(sample_model())
    assert _quads_equal(sample_model())


def _quads_equal(G: nx.MultiDiGraph) -> bool:
    """Quads compared as parsed terms (rdflib's n3() and the N-Quads escapes differ)."""
    old = {
        (str(s), str(p), str(o), str(g), type(o).__name__) for s, p, o, g in graph_quads(to_rdf(G))
    }
    data = direct.nquads(direct.model_table(G))
    new = {
        (
            q.subject.value,
            q.predicate.value,
            q.object.value,
            q.graph_name.value,
            "Literal" if isinstance(q.object, pyoxigraph.Literal) else "URIRef",
        )
        for q in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_QUADS)
    }
    return old == new


def test_one_object_is_held_as_a_tuple_and_more_as_an_ordered_set() -> None:
    table = direct.TripleTable()
    label, alt = str(rdflib.RDFS.label), str(rdflib.SKOS.altLabel)
    table.add("s", label, direct.Lit("市总工会", "zh"))
    table.add("s", label, direct.Lit("市总工会", "zh"))  # the same triple again
    for name in ("市总", "杭州市总工会", "市总"):
        table.add("s", alt, direct.Lit(name, "zh"))
    props = table.subjects["s"]
    assert props[label] == (direct.Lit("市总工会", "zh"),)
    assert list(props[alt]) == [direct.Lit("市总", "zh"), direct.Lit("杭州市总工会", "zh")]
    assert len(table) == 3 and sorted(o.lexical for _s, _p, o in table) == [
        "市总",
        "市总工会",
        "杭州市总工会",
    ]


def test_the_seed_build(built_seeds: Path) -> None:
    G = read_graph(built_seeds / "graph.ttl")
    assert G.number_of_nodes() > 100
    ttl = _same_as_rdflib_path(G)
    assert ttl == (built_seeds / "graph.ttl").read_bytes()
    assert _quads_equal(G)
    nq = direct.nquads(direct.model_table(G))
    assert nq == direct.nquads(direct.model_table(G))  # deterministic
    assert nq.decode("utf-8").splitlines() == sorted(nq.decode("utf-8").splitlines())


# --- fuzz-style models: names, aliases, sentences, posts and headlines of hostile text ---

TEXT = st.lists(
    st.one_of(
        st.sampled_from(CONTROLS + FRAGMENTS + TRIGGERS),
        st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=3),
    ),
    max_size=6,
).map("".join)
NAME = TEXT.filter(bool)
TYPES = st.sampled_from(list(EntityType))


@st.composite
def models(draw: st.DrawFn) -> nx.MultiDiGraph:
    docs = draw(st.lists(NAME, min_size=1, max_size=3, unique=True))
    articles, provs = [], []
    for d, doc in enumerate(docs):
        art = f"{doc}#a{d:02d}"
        date = draw(st.sampled_from(["", "2024-05-01", "2024-05", "2024", "2024-13-99"]))
        headline, page = draw(TEXT), draw(st.sampled_from([None, 0, 3]))
        articles.append(
            Article(art, doc, f"in/{doc}.txt", headline, 0, 500, "", "", date=date, page=page)
        )
        for _ in range(draw(st.integers(1, 4))):
            start = draw(st.integers(0, 400))
            provs.append(Provenance(doc, art, draw(TEXT), start, start + draw(st.integers(1, 50))))
    names = draw(st.lists(NAME, min_size=1, max_size=6, unique=True))
    entities = []
    for name in names:
        etype = draw(TYPES)
        aliases = tuple(draw(st.lists(NAME, max_size=3, unique=True)))
        mentions = tuple(draw(st.lists(st.sampled_from(provs), max_size=3)))
        confidence = draw(st.sampled_from([None, 0.5, 0.854, 0.99]))
        entities.append(
            Entity(f"{etype.value}/{name}", etype, name, aliases, mentions, confidence=confidence)
        )
    ids = [e.id for e in entities]
    relations = []
    for _ in range(draw(st.integers(0, 5))):
        relations.append(
            Relation(
                draw(st.sampled_from(ids)),
                draw(st.sampled_from(list(RelationType))),
                draw(st.sampled_from(ids)),
                tuple(draw(st.lists(st.sampled_from(provs), max_size=3))),
                role=draw(st.one_of(st.none(), NAME)),
                amount=draw(st.one_of(st.none(), NAME)),
            )
        )
    return build_graph(entities, relations, articles)


@settings(
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=timedelta(seconds=30),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(models())
def test_fuzz_style_models(G: nx.MultiDiGraph) -> None:
    ttl = _same_as_rdflib_path(G)
    assert _quads_equal(G)
    n = len(direct.model_table(G))
    nt = direct.ntriples(direct.model_table(G))
    for data, (rdflib_fmt, oxi_fmt) in (
        (ttl, ("turtle", pyoxigraph.RdfFormat.TURTLE)),
        (nt, ("nt", pyoxigraph.RdfFormat.N_TRIPLES)),
    ):
        assert len(rdflib.Graph().parse(data=data, format=rdflib_fmt)) == n
        assert sum(1 for _ in pyoxigraph.parse(data, format=oxi_fmt)) == n
    nq = direct.nquads(direct.model_table(G))
    assert sum(1 for _ in pyoxigraph.parse(nq, format=pyoxigraph.RdfFormat.N_QUADS)) == n


def test_a_table_the_fast_rules_do_not_cover_falls_back_to_rdflib() -> None:
    triples = direct.TripleTable()
    s, p = "http://e/s", "http://e/p"
    triples.add(s, p, direct.Lit("2", "", str(rdflib.XSD.integer)))
    triples.add(s, p, direct.Lit("10", "", str(rdflib.XSD.integer)))
    assert direct.turtle(triples) is None  # rdflib orders typed values by value


def test_write_store_from_the_model_equals_the_rdflib_path(tmp_path: Path) -> None:
    from kg.rdf.store import write_store

    G = sample_model()
    a = pyoxigraph.Store.read_only(str(write_store(G, tmp_path / "a")))
    b = pyoxigraph.Store.read_only(str(write_store(to_rdf(G), tmp_path / "b")))
    assert len(_exported(a)) == len(to_rdf(G)) > 0
    assert sorted(map(str, a)) == sorted(map(str, b))


def _exported(store: pyoxigraph.Store) -> list:
    """The store's quads without its derived graph (kg.rdf.store.derive)."""
    from kg.rdf.store import DERIVED_GRAPH

    derived = pyoxigraph.NamedNode(str(DERIVED_GRAPH))
    return [q for q in store if q.graph_name != derived]


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_write_graph_takes_the_direct_path(fmt: str, tmp_path: Path) -> None:
    from kg.rdf import write_graph

    G = sample_model()
    path = write_graph(G, tmp_path / f"g.{fmt}", fmt)
    assert path.read_bytes() == serialize(to_rdf(G), fmt)


def test_chunked_writers_are_the_whole_outputs() -> None:
    triples = direct.model_table(sample_model())
    chunks = list(direct.turtle_chunks(triples))
    assert b"".join(chunks) == direct.turtle(triples)
    streamed = b"".join(direct.nquad_chunks(triples, lines=7)).decode("utf-8").splitlines()
    whole = direct.nquads(triples).decode("utf-8").splitlines()
    assert len(streamed) == len(triples) and sorted(streamed) == whole


def test_a_store_loaded_in_several_batches_holds_every_quad(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.rdf import store
    from kg.rdf.store import write_store

    monkeypatch.setattr(store, "_LINES", 5)
    monkeypatch.setattr(store, "_BATCH", 10)  # 2 chunks of 5 quads per bulk load
    G = sample_model()
    loaded = pyoxigraph.Store.read_only(str(write_store(G, tmp_path / "s")))
    expected = direct.nquads(direct.model_table(G))
    whole = pyoxigraph.Store()
    whole.bulk_load(expected, pyoxigraph.RdfFormat.N_QUADS)
    assert len(_exported(loaded)) == len(whole) > 20
    assert sorted(map(str, _exported(loaded))) == sorted(map(str, whole))
