"""RDF export: the data contract, parsing back, SHACL, determinism, IRIs, read-back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from sample_graph import ART, DOC, HEADLINE, S_POST, S_PROG, sample_model

from kg.errors import KGError, QueryError
from kg.graph import build_graph
from kg.rdf import read_graph, to_rdf, validate, write_graph
from kg.rdf.export import serialize
from kg.rdf.iri import article_iri, entity_iri, role_iri, sentence_iri
from kg.rdf.namespace import DCTERMS, ID, KG, ORG, PROV, RDF, RDFS, SKOS
from kg.types import Article, Entity, EntityType, Provenance, Relation, RelationType

WANG = entity_iri("Person/王雷")
XIAN_UNION = entity_iri("Union/西安市总工会")
XIAN = entity_iri("Place/西安市")
FORMATS = {"turtle": "ttl", "json-ld": "jsonld", "nt": "nt"}
OXI = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "json-ld": pyoxigraph.RdfFormat.JSON_LD,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
}


@pytest.fixture(scope="module")
def model() -> nx.MultiDiGraph:
    return sample_model()


@pytest.fixture(scope="module")
def rdf(model: nx.MultiDiGraph) -> Graph:
    return to_rdf(model)


def _odd_model() -> nx.MultiDiGraph:
    """Ids and texts with characters that are illegal or special in IRIs."""
    doc, art = 'doc "1" <a>#%', "art/1 #2%"
    prov = Provenance(doc, art, 'He said "hi" <b> & 50% #1', 3, 9)
    entities = [
        Entity('Union/工会 "A" <B> #1 %20', EntityType.UNION, '工会 "A" <B>', ("x y#",), (prov,)),
        Entity("Person/张 三%", EntityType.PERSON, "张 三", (), (prov,)),
        Entity("Place/a\\b{c}|d^e`f", EntityType.PLACE, "怪地名", (), (prov,)),
    ]
    relations = [
        Relation(
            "Person/张 三%",
            RelationType.MEMBER_OF,
            'Union/工会 "A" <B> #1 %20',
            (prov,),
            role='主席 "代" <x> #%',
        ),
        Relation('Union/工会 "A" <B> #1 %20', RelationType.LOCATED_IN, "Place/a\\b{c}|d^e`f"),
    ]
    articles = [Article(art, doc, "in put/f#1.txt", "标题 <1>", 0, 10, "", "")]
    return build_graph(entities, relations, articles)


def _same_model(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert a.graph == b.graph


# --- the contract -------------------------------------------------------------------


def test_entities_have_type_one_zh_label_and_aliases(rdf: Graph) -> None:
    assert (XIAN_UNION, RDF.type, KG.Union) in rdf
    assert (WANG, RDF.type, KG.Person) in rdf
    assert list(rdf.objects(XIAN_UNION, RDFS.label)) == [Literal("西安市总工会", lang="zh")]
    assert set(rdf.objects(XIAN_UNION, SKOS.altLabel)) == {
        Literal("市总工会", lang="zh"),
        Literal("市总", lang="zh"),
    }
    assert rdf.value(XIAN_UNION, DCTERMS.identifier) == Literal("Union/西安市总工会")
    assert str(XIAN_UNION).startswith(str(ID))


def test_every_relation_is_a_direct_edge(rdf: Graph, model: nx.MultiDiGraph) -> None:
    props = {
        "memberOf": ORG.memberOf,
        "subOrganizationOf": ORG.subOrganizationOf,
        "establishes": KG.establishes,
        "organizes": KG.organizes,
        "partnerOf": KG.partnerOf,
        "locatedIn": KG.locatedIn,
    }
    assert {key for _, _, key in model.edges(keys=True)} == set(props)
    for head, tail, key in model.edges(keys=True):
        assert (entity_iri(head), props[key], entity_iri(tail)) in rdf, (head, key, tail)
    assert (XIAN_UNION, KG.partnerOf, entity_iri("Enterprise/陕西海川医药有限公司")) not in rdf


def test_member_of_with_post_gets_a_membership(rdf: Graph) -> None:
    memberships = list(rdf.subjects(RDF.type, ORG.Membership))
    assert len(memberships) == 1
    m = memberships[0]
    assert rdf.value(m, ORG.member) == WANG
    assert rdf.value(m, ORG.organization) == XIAN_UNION
    assert rdf.value(m, KG.post) == Literal("党组书记、常务副主席", lang="zh")
    role = rdf.value(m, ORG.role)
    assert role == role_iri("党组书记、常务副主席")
    assert (role, RDF.type, ORG.Role) in rdf
    assert rdf.value(role, RDFS.label) == Literal("党组书记、常务副主席", lang="zh")


def test_member_of_without_post_has_no_membership() -> None:
    entities = [
        Entity("Person/王雷", EntityType.PERSON, "王雷"),
        Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会"),
    ]
    rel = Relation("Person/王雷", RelationType.MEMBER_OF, "Union/西安市总工会")
    g = to_rdf(build_graph(entities, [rel]))
    assert (WANG, ORG.memberOf, XIAN_UNION) in g
    assert not list(g.subjects(RDF.type, ORG.Membership))
    assert validate(g).conforms


def test_statements_carry_evidence_post_and_amount(rdf: Graph, model: nx.MultiDiGraph) -> None:
    statements = set(rdf.subjects(RDF.type, RDF.Statement))
    assert len(statements) == model.number_of_edges()
    by_pred = {rdf.value(s, RDF.predicate): s for s in statements}
    est = by_pred[KG.establishes]
    member = by_pred[ORG.memberOf]
    assert rdf.value(member, RDF.subject) == WANG
    assert rdf.value(member, RDF.object) == XIAN_UNION
    assert rdf.value(member, KG.post) == Literal("党组书记、常务副主席", lang="zh")
    assert rdf.value(member, PROV.wasDerivedFrom) == sentence_iri(DOC, S_POST.start, S_POST.end)
    amounts = {rdf.value(s, KG.amount) for s in statements} - {None}
    assert amounts == {Literal("32.5万元")}
    assert rdf.value(est, PROV.wasDerivedFrom) is not None


def test_provenance_chain(rdf: Graph) -> None:
    sentence = sentence_iri(DOC, S_PROG.start, S_PROG.end)
    assert (XIAN, KG.mentionedIn, sentence) in rdf
    assert rdf.value(sentence, KG.text) == Literal(S_PROG.sentence, lang="zh")
    assert rdf.value(sentence, KG.startOffset).toPython() == S_PROG.start
    assert rdf.value(sentence, KG.endOffset).toPython() == S_PROG.end
    article = rdf.value(sentence, KG.inArticle)
    assert article == article_iri(ART)
    assert rdf.value(article, DCTERMS.title) == Literal(HEADLINE, lang="zh")
    assert rdf.value(article, KG.sourceFile) == Literal(f"seeds/{DOC}.txt")
    document = rdf.value(article, KG.inDocument)
    assert (document, RDF.type, KG.Document) in rdf
    assert rdf.value(document, DCTERMS.identifier) == Literal(DOC)


def test_no_blank_nodes(rdf: Graph) -> None:
    assert not [t for t in rdf if any(isinstance(x, BNode) for x in t)]


def test_sparql_reaches_sentence_and_article_from_entity_and_relation(rdf: Graph) -> None:
    from_entity = """
        SELECT ?text ?headline WHERE {
            ?e rdfs:label "王雷"@zh ; kg:mentionedIn ?s .
            ?s kg:text ?text ; kg:inArticle/dcterms:title ?headline .
        }"""
    rows = list(rdf.query(from_entity, initNs={"kg": KG, "rdfs": RDFS, "dcterms": DCTERMS}))
    assert [(str(t), str(h)) for t, h in rows] == [(S_POST.sentence, HEADLINE)]
    from_relation = """
        SELECT ?text ?headline ?doc WHERE {
            ?st rdf:subject ?h ; rdf:predicate kg:establishes ; rdf:object ?p ;
                prov:wasDerivedFrom ?s .
            ?h rdfs:label "西安市总工会"@zh .
            ?p rdfs:label "春风行动"@zh .
            ?h kg:establishes ?p .
            ?s kg:text ?text ; kg:inArticle ?a .
            ?a dcterms:title ?headline ; kg:inDocument/dcterms:identifier ?doc .
        }"""
    ns = {"kg": KG, "rdfs": RDFS, "dcterms": DCTERMS, "rdf": RDF, "prov": PROV}
    rows = list(rdf.query(from_relation, initNs=ns))
    assert [tuple(map(str, r)) for r in rows] == [(S_PROG.sentence, HEADLINE, DOC)]


# --- parsing back -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_parses_back_with_rdflib(fmt: str, rdf: Graph, tmp_path: Path) -> None:
    path = write_graph(sample_model(), tmp_path / f"graph.{FORMATS[fmt]}", fmt)
    back = Graph().parse(path, format=fmt)
    assert len(back) == len(rdf)
    assert isomorphic(back, rdf)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_parses_with_pyoxigraph(fmt: str, rdf: Graph, tmp_path: Path) -> None:
    path = write_graph(sample_model(), tmp_path / f"graph.{FORMATS[fmt]}", fmt)
    triples = list(pyoxigraph.parse(path=str(path), format=OXI[fmt]))
    assert len(triples) == len(rdf)
    nt = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert isomorphic(Graph().parse(data=nt.decode("utf-8"), format="nt"), rdf)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_read_graph_round_trip(fmt: str, model: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = write_graph(model, tmp_path / f"graph.{FORMATS[fmt]}", fmt)
    back = read_graph(path)
    _same_model(model, back)
    assert (
        back.edges["Person/王雷", "Union/西安市总工会", "memberOf"]["role"]
        == "党组书记、常务副主席"
    )


def test_read_graph_round_trip_of_odd_ids(tmp_path: Path) -> None:
    model = _odd_model()
    _same_model(model, read_graph(write_graph(model, tmp_path / "odd.ttl")))


def test_read_graph_keeps_articles_only_known_from_provenance_out_of_the_map(
    tmp_path: Path,
) -> None:
    prov = Provenance("docX", "docX#a9", "王雷出席。", 0, 5)
    model = build_graph([Entity("Person/王雷", EntityType.PERSON, "王雷", (), (prov,))], [])
    g = to_rdf(model)
    assert (article_iri("docX#a9"), RDF.type, KG.Article) in g
    assert validate(g).conforms
    back = read_graph(write_graph(model, tmp_path / "g.nt", "nt"))
    _same_model(model, back)
    assert back.graph["articles"] == {}


def test_read_graph_errors(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match=r"\[E202\]"):
        read_graph(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is <not turtle", encoding="utf-8")
    with pytest.raises(QueryError, match=r"\[E202\].*bad\.ttl"):
        read_graph(bad)


# --- SHACL --------------------------------------------------------------------------


def test_export_conforms_to_shapes(rdf: Graph) -> None:
    result = validate(rdf)
    assert result.conforms, result.text


def test_two_labels_fail_validation(rdf: Graph) -> None:
    broken = Graph() + rdf
    broken.add((WANG, RDFS.label, Literal("王 雷", lang="zh")))
    result = validate(broken)
    assert not result.conforms
    assert "MaxCountConstraintComponent" in result.text


def test_member_of_a_place_fails_validation(rdf: Graph) -> None:
    broken = Graph() + rdf
    broken.add((WANG, ORG.memberOf, XIAN))
    result = validate(broken)
    assert not result.conforms
    assert "ClassConstraintComponent" in result.text
    assert str(XIAN) in result.text


@pytest.mark.parametrize(
    "triple",
    [
        (XIAN_UNION, SKOS.altLabel, Literal("Xi'an FTU", lang="en")),
        (XIAN_UNION, KG.locatedIn, WANG),
        (XIAN_UNION, KG.establishes, XIAN),
    ],
    ids=["english-alias", "locatedIn-person", "establishes-place"],
)
def test_other_shape_violations(rdf: Graph, triple: tuple) -> None:
    broken = Graph() + rdf
    broken.add(triple)
    assert not validate(broken).conforms


def test_statement_without_its_triple_fails_validation(rdf: Graph) -> None:
    broken = Graph() + rdf
    broken.remove((XIAN_UNION, KG.locatedIn, XIAN))
    result = validate(broken)
    assert not result.conforms
    assert "triple is missing" in result.text


# --- determinism and IRIs -----------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_two_exports_are_byte_identical(fmt: str, tmp_path: Path) -> None:
    first = write_graph(sample_model(), tmp_path / f"a.{FORMATS[fmt]}", fmt).read_bytes()
    second = write_graph(sample_model(), tmp_path / f"b.{FORMATS[fmt]}", fmt).read_bytes()
    assert first == second
    assert len(first) > 1000


def test_export_is_identical_across_processes(tmp_path: Path) -> None:
    here = Path(__file__).resolve().parents[1]  # tests/, where sample_graph.py lives
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from sample_graph import sample_model; from kg.rdf import write_graph;"
        "[write_graph(sample_model(), f'{sys.argv[2]}/g.{s}', f)"
        " for f, s in (('turtle', 'ttl'), ('json-ld', 'jsonld'), ('nt', 'nt'))]"
    )
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(here), str(out)], check=True, env=env)
    for suffix in ("ttl", "jsonld", "nt"):
        assert (tmp_path / "1" / f"g.{suffix}").read_bytes() == (
            tmp_path / "2" / f"g.{suffix}"
        ).read_bytes(), suffix


def test_turtle_binds_prefixes(tmp_path: Path) -> None:
    text = write_graph(sample_model(), tmp_path / "g.ttl").read_text(encoding="utf-8")
    for prefix in ("kg:", "org:", "rdfs:", "skos:", "prov:", "dcterms:"):
        assert f"@prefix {prefix} <" in text
    assert "a kg:Union" in text


def test_iris_are_valid_for_odd_text(tmp_path: Path) -> None:
    g = to_rdf(_odd_model())
    iris = {str(x) for t in g for x in t if isinstance(x, URIRef)}
    assert len(iris) > 10
    for iri in iris:
        pyoxigraph.NamedNode(iri)  # raises on an invalid IRI
        assert not set(iri) & set(' "<>{}|\\^`'), iri
    path = write_graph(_odd_model(), tmp_path / "odd.nt", "nt")
    assert len(
        list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES))
    ) == len(g)
    assert validate(g).conforms


def test_entity_iri_percent_encodes_but_keeps_slash() -> None:
    assert str(entity_iri("Union/西安市总工会")) == (
        "https://w3id.org/cn-union-kg/id/Union/%E8%A5%BF%E5%AE%89%E5%B8%82%E6%80%BB%E5%B7%A5%E4%BC%9A"
    )
    assert str(entity_iri("Place/a b#%")).endswith("/Place/a%20b%23%25")


# --- errors and writing -------------------------------------------------------------


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\[E203\]"):
        write_graph(sample_model(), tmp_path / "g.xml", "rdfxml")
    assert not (tmp_path / "g.xml").exists()
    assert serialize(Graph(), "ttl") == serialize(Graph(), "turtle")


def test_unknown_entity_type_or_relation_is_refused() -> None:
    G = nx.MultiDiGraph()
    G.add_node("Thing/x", type="Thing", name="x", aliases=[], provenance=[])
    with pytest.raises(KGError, match=r"\[E204\].*Thing"):
        to_rdf(G)
    G = sample_model()
    G.add_edge("Person/王雷", "Place/西安市", key="bornIn", predicate="bornIn", evidence=[])
    with pytest.raises(KGError, match=r"\[E205\].*bornIn"):
        to_rdf(G)


def test_write_replaces_file_without_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "out" / "graph.ttl"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    write_graph(sample_model(), target)
    assert target.read_text(encoding="utf-8").startswith("@prefix")
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.ttl"]
