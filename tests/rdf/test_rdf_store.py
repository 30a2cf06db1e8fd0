"""The Oxigraph store: one named graph per document, union = graph.ttl, load, rdflib view."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from sample_graph import DOC, sample_model

from kg.errors import QueryError
from kg.graph import build_graph
from kg.query import run_query
from kg.rdf import to_rdf, write_graph
from kg.rdf.iri import document_iri
from kg.rdf.namespace import KG, RDF, RDFS
from kg.rdf.store import (
    DERIVED_GRAPH,
    SHARED_GRAPH,
    derive,
    graph_quads,
    load_into,
    open_graph,
    write_store,
)
from kg.types import Article, Entity, EntityType, Provenance, Relation, RelationType

QUERY_DIR = Path(__file__).resolve().parents[2] / "queries"


def _two_documents():
    a = Provenance("docA", "docA#a01", "西安市总工会主席薛振虎出席。", 0, 14)
    b = Provenance("docB", "docB#a01", "薛振虎在西安市总工会讲话。", 0, 13)
    entities = [
        Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会", (), (a, b)),
        Entity("Person/薛振虎", EntityType.PERSON, "薛振虎", (), (a, b)),
        Entity("Place/雁塔区", EntityType.PLACE, "雁塔区", (), (b,)),
    ]
    relations = [
        Relation("Person/薛振虎", RelationType.MEMBER_OF, "Union/西安市总工会", (a,), role="主席"),
        Relation("Union/西安市总工会", RelationType.LOCATED_IN, "Place/雁塔区", (b,)),
    ]
    articles = [
        Article("docA#a01", "docA", "in/a.txt", "甲", 0, 14, "", ""),
        Article("docB#a01", "docB", "in/b.txt", "乙", 0, 13, "", ""),
    ]
    return build_graph(entities, relations, articles)


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    write_graph(sample_model(), out / "graph.ttl")
    write_store(sample_model(), out / "store")
    return out


def test_each_triple_in_exactly_one_named_graph_and_the_union_is_graph_ttl() -> None:
    rdf = to_rdf(_two_documents())
    quads = list(graph_quads(rdf))
    assert len(quads) == len(rdf)
    by_graph: dict[URIRef, set] = {}
    for s, p, o, g in quads:
        by_graph.setdefault(g, set()).add((s, p, o))
    assert set(by_graph) == {document_iri("docA"), document_iri("docB"), SHARED_GRAPH}
    a, b = by_graph[document_iri("docA")], by_graph[document_iri("docB")]
    # the membership is only in document A, the located-in only in B, both entities shared
    assert any(p == KG.post for _s, p, _o in a) and not any(p == KG.post for _s, p, _o in b)
    assert any(p == KG.locatedIn for _s, p, _o in b)
    shared = by_graph[SHARED_GRAPH]
    assert any(p == RDFS.label and str(o) == "西安市总工会" for _s, p, o in shared)
    assert any(p == RDFS.label and str(o) == "雁塔区" for _s, p, o in b)  # only B names it
    assert all(str(o) != "docB#a01" for _s, _p, o in a)


def test_store_union_equals_the_turtle_export(build_dir: Path) -> None:
    store = pyoxigraph.Store.read_only(str(build_dir / "store"))
    names = set(store.named_graphs())
    assert pyoxigraph.NamedNode(str(document_iri(DOC))) in names
    assert not list(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))
    derived = pyoxigraph.NamedNode(str(DERIVED_GRAPH))
    nt = pyoxigraph.serialize(
        (
            pyoxigraph.Triple(q.subject, q.predicate, q.object)
            for q in store
            if q.graph_name != derived
        ),
        format=pyoxigraph.RdfFormat.N_TRIPLES,
    )
    from_store = Graph().parse(data=nt.decode("utf-8"), format="nt")
    assert isomorphic(from_store, Graph().parse(build_dir / "graph.ttl"))


@pytest.mark.parametrize("path", sorted(QUERY_DIR.glob("*.rq")), ids=lambda p: p.stem)
def test_queries_answer_the_same_on_the_store_and_on_the_file(path: Path, build_dir: Path) -> None:
    on_store = _unordered(run_query(build_dir, path))
    assert on_store == _unordered(run_query(build_dir / "graph.ttl", path))
    assert on_store == _unordered(run_query(to_rdf(sample_model()), path))
    assert len(on_store) > 0


def test_the_derived_graph_ranks_the_least_certain_facts(build_dir: Path) -> None:
    store = pyoxigraph.Store.read_only(str(build_dir / "store"))
    derived = pyoxigraph.NamedNode(str(DERIVED_GRAPH))
    quads = list(store.quads_for_pattern(None, None, None, derived))
    assert quads and {q.predicate.value for q in quads} == {str(KG.reviewRank)}
    ranks = sorted(int(q.object.value) for q in quads)
    assert ranks == list(range(1, len(quads) + 1))
    # the ranked facts are the ones the review lists, and both branches agree
    listed = run_query(build_dir, "least_certain_facts")
    assert {q.subject.value for q in quads} == {row["fact"] for row in listed.as_dicts()}
    assert listed == run_query(build_dir / "graph.ttl", "least_certain_facts")


def test_derive_is_made_again_not_added_to() -> None:
    store = pyoxigraph.Store()
    store.bulk_load(path=str(_ttl(_two_documents())), format=pyoxigraph.RdfFormat.TURTLE)
    first = derive(store)
    assert derive(store) == first > 0
    derived = pyoxigraph.NamedNode(str(DERIVED_GRAPH))
    assert len(list(store.quads_for_pattern(None, None, None, derived))) == first


def _ttl(model) -> Path:
    import tempfile

    path = Path(tempfile.mkdtemp()) / "g.ttl"
    write_graph(model, path)
    return path


def test_write_store_replaces_the_old_store(tmp_path: Path) -> None:
    write_store(sample_model(), tmp_path / "store")
    write_store(_two_documents(), tmp_path / "store")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]
    people = run_query(tmp_path, "SELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n }")
    assert people.rows == (("薛振虎",),)


def test_query_on_a_folder_without_store_is_e209(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match=r"\[E209\]"):
        run_query(tmp_path, "ASK { ?s ?p ?o }")


def test_load_adds_a_named_graph_and_leaves_the_rest(tmp_path: Path) -> None:
    write_store(sample_model(), tmp_path / "store")
    before = len(run_query(tmp_path, "SELECT * WHERE { ?s ?p ?o }"))
    extra = tmp_path / "curated.ttl"
    extra.write_text(
        "@prefix kg: <https://w3id.org/cn-union-kg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<https://w3id.org/cn-union-kg/id/Union/x> a kg:Union ; rdfs:label "碑林区總工會"@zh .\n',
        encoding="utf-8",
    )
    name, count = load_into(extra, tmp_path)
    assert count == 2
    assert str(name).endswith("/graph/loaded/curated.ttl")
    assert len(run_query(tmp_path, "SELECT * WHERE { ?s ?p ?o }")) == before + 2
    in_graph = run_query(tmp_path, f"SELECT ?l WHERE {{ GRAPH <{name}> {{ ?u rdfs:label ?l }} }}")
    assert in_graph.rows == (("碑林区總工會",),)
    # loading again replaces that graph, it does not add twice
    load_into(extra, tmp_path)
    assert len(run_query(tmp_path, "SELECT * WHERE { ?s ?p ?o }")) == before + 2
    bad = tmp_path / "bad.ttl"
    bad.write_text("<not turtle", encoding="utf-8")
    with pytest.raises(QueryError, match=r"\[E202\].*bad\.ttl"):
        load_into(bad, tmp_path)
    assert len(run_query(tmp_path, "SELECT * WHERE { ?s ?p ?o }")) == before + 2


def test_open_graph_is_an_rdflib_graph_over_the_store(build_dir: Path) -> None:
    graph = open_graph(build_dir)
    assert isinstance(graph, Graph)
    expected = Graph().parse(build_dir / "graph.ttl")
    ranked = len(list(graph.subject_objects(KG.reviewRank)))  # the derived graph
    assert ranked > 0 and len(graph) == len(expected) + ranked
    wang = next(graph.subjects(RDFS.label, Literal("王雷", lang="zh")))
    assert (wang, RDF.type, KG.Person) in graph
    rows = list(graph.query("SELECT ?l WHERE { ?u a kg:Union ; rdfs:label ?l } ORDER BY ?l"))
    assert [str(r[0]) for r in rows] == ["碑林区总工会", "西安市总工会", "雁塔区总工会"]


def test_an_unattributed_fact_goes_to_the_shared_graph() -> None:
    G = build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], [])
    assert {q[3] for q in graph_quads(to_rdf(G))} == {SHARED_GRAPH}


def test_kg_load_command(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    write_store(sample_model(), tmp_path / "store")
    extra = tmp_path / "extra.nt"
    extra.write_text('<http://e/a> <http://www.w3.org/2000/01/rdf-schema#label> "甲" .\n', "utf-8")
    result = CliRunner().invoke(app, ["load", str(extra), "--into", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "loaded 1 triples" in result.stdout
    q = CliRunner().invoke(
        app, ["query", str(tmp_path), "SELECT ?l { <http://e/a> rdfs:label ?l }"]
    )
    assert q.stdout.splitlines()[2] == "甲"
    missing = CliRunner().invoke(app, ["load", str(extra), "--into", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert missing.stderr.startswith("[E209]")


def test_the_build_writes_the_store_beside_graph_ttl(built_seeds: Path) -> None:
    assert (built_seeds / "store").is_dir()
    store = pyoxigraph.Store.read_only(str(built_seeds / "store"))
    documents = {str(g.value) for g in store.named_graphs()} - {
        str(SHARED_GRAPH),
        str(DERIVED_GRAPH),
    }
    report = (built_seeds / "report.json").read_text(encoding="utf-8")
    assert len(documents) == 5 and all(d.rsplit("/", 1)[-1] in report for d in documents)
    turtle = Graph().parse(built_seeds / "graph.ttl")
    derived = pyoxigraph.NamedNode(str(DERIVED_GRAPH))
    ranked = sum(1 for _ in store.quads_for_pattern(None, None, None, derived))
    assert ranked > 0 and sum(1 for _ in store) == len(turtle) + ranked
    for path in sorted(QUERY_DIR.glob("*.rq")):
        on_store = _unordered(run_query(built_seeds, path))
        assert on_store == _unordered(run_query(built_seeds / "graph.ttl", path)), path


def _unordered(result) -> list:
    """Rows with GROUP_CONCAT lists sorted (SPARQL leaves their order to the engine)."""
    return sorted(tuple("、".join(sorted(c.split("、"))) for c in row) for row in result.rows)


@pytest.mark.parametrize("jobs", [2, 3])
def test_batches_loaded_by_several_threads_make_the_same_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    from kg.rdf import store as store_module

    # batches of 2 chunks of 8 lines: the sample's quads load in many batches at once
    monkeypatch.setattr(store_module, "_LINES", 8)
    monkeypatch.setattr(store_module, "_BATCH", 16)
    model = sample_model()
    write_store(model, tmp_path / "one")
    write_store(model, tmp_path / "many", jobs=jobs)
    one, many = (
        sorted(map(str, pyoxigraph.Store.read_only(str(tmp_path / name))))
        for name in ("one", "many")
    )
    assert len(one) > 10 * 16  # many batches, not one
    assert many == one
