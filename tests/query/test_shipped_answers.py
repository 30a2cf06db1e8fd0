"""Each shipped query, with and without its binding, gives the rows the seed graph implies.

The seeds are built for real; every query runs on them through ``run_query`` (Oxigraph),
and its answer is compared with rows computed here by walking the same graph with
rdflib's triple API (no SPARQL), so a rewrite of a query for speed cannot change what it
answers. Bindings are every name the graph gives the query's subject (labels and
altLabels), one traditional-character spelling and one name that is not in the graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, SKOS, Graph, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV

from kg.query import bundled_queries, run_query
from kg.query.run import name_variants
from kg.rdf.namespace import KG

ESTABLISH = (KG.establishes, KG.organizes)
UNKNOWN = "不存在的名称工会"


@pytest.fixture(scope="module")
def graph(built_seeds: Path) -> Graph:
    return Graph().parse(built_seeds / "graph.ttl")


@pytest.fixture(scope="module")
def store(built_seeds: Path) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.bulk_load(path=str(built_seeds / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    return store


def _text(node: object) -> str:
    return "" if node is None else str(node)


def _local(iri: URIRef) -> str:
    return str(iri).partition("#")[2]


def _labels(g: Graph, x: URIRef) -> list[str]:
    return [str(v) for v in g.objects(x, RDFS.label)]


def _named(g: Graph, name: str | None, candidates: Iterable[URIRef]) -> list[URIRef]:
    """The candidates a bound name picks (label or altLabel, simplified or traditional)."""
    if name is None:
        return list(candidates)
    wanted = set(name_variants(name))
    names = (RDFS.label, SKOS.altLabel)
    return [x for x in candidates if any(str(v) in wanted for p in names for v in g.objects(x, p))]


def _unions(g: Graph) -> set[URIRef]:
    return set(g.subjects(RDF.type, KG.Union))


def _statements(g: Graph, s: URIRef, p: URIRef, o: URIRef) -> Iterator[URIRef]:
    for st in g.subjects(RDF.subject, s):
        if (st, RDF.predicate, p) in g and (st, RDF.object, o) in g:
            yield st


def _headlines(g: Graph, sentence: URIRef) -> list[str]:
    return [str(t) for a in g.objects(sentence, KG.inArticle) for t in g.objects(a, DCTERMS.title)]


def _run(store: pyoxigraph.Store, query: str, **bindings: str) -> list[tuple[str, ...]]:
    return sorted(run_query(store, query, bindings=bindings or None).rows)


# -- the rows each query should give, from the triples ----------------------------


def people_and_posts(g: Graph, union_name: str | None) -> set[tuple[str, ...]]:
    rows = set()
    for u in _named(g, union_name, _unions(g)):
        for p in g.subjects(ORG.memberOf, u):
            posts = [
                str(post)
                for m in g.subjects(ORG.member, p)
                if (m, ORG.organization, u) in g
                for post in g.objects(m, KG.post)
            ] or [""]
            for lu in _labels(g, u):
                rows |= {(lu, lp, post) for lp in _labels(g, p) for post in posts}
    return rows


def programmes_by_union(g: Graph, union_name: str | None) -> dict[tuple, tuple[set, set]]:
    groups: dict[tuple, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for u in _named(g, union_name, _unions(g)):
        union_places = [lab for loc in g.objects(u, KG.locatedIn) for lab in _labels(g, loc)]
        for rel in ESTABLISH:
            for p in g.objects(u, rel):
                if (p, RDF.type, KG.Programme) not in g:
                    continue
                own = [lab for loc in g.objects(p, KG.locatedIn) for lab in _labels(g, loc)]
                places = own or union_places or [""]
                amounts = [
                    str(a) for st in _statements(g, u, rel, p) for a in g.objects(st, KG.amount)
                ] or [""]
                for lu in _labels(g, u):
                    for lp in _labels(g, p):
                        place_set, amount_set = groups[(lu, lp, _local(rel))]
                        place_set.update(places)
                        amount_set.update(amounts)
    return groups


def programmes_by_year(g: Graph, union_name: str | None) -> set[tuple[str, ...]]:
    articles: dict[tuple, set] = defaultdict(set)
    for u in _named(g, union_name, _unions(g)):
        for st in g.subjects(RDF.subject, u):
            if (st, RDF.predicate, KG.establishes) not in g:
                continue
            for p in g.objects(st, RDF.object):
                if (p, RDF.type, KG.Programme) not in g:
                    continue
                for s in g.objects(st, PROV.wasDerivedFrom):
                    for a in g.objects(s, KG.inArticle):
                        for date in g.objects(a, DCTERMS.date):
                            for lu in _labels(g, u):
                                for lp in _labels(g, p):
                                    articles[(str(date)[:4], lu, lp)].add(a)
    return {(*key, str(len(found))) for key, found in articles.items()}


def union_hierarchy(g: Graph, root_name: str | None) -> set[tuple[str, ...]]:
    sub = ORG.subOrganizationOf
    links = list(g.subject_objects(sub))
    if root_name is not None:
        orgs = {x for _c, x in links} | {c for c, _x in links}
        below, todo = set(), list(_named(g, root_name, orgs))
        while todo:  # every organisation at or below a root
            node = todo.pop()
            if node not in below:
                below.add(node)
                todo.extend(g.subjects(sub, node))
        links = [(c, p) for c, p in links if p in below]
    return {
        (lc, _local(tc), lp, _local(tp))
        for c, p in links
        for lc in _labels(g, c)
        for tc in g.objects(c, RDF.type)
        for lp in _labels(g, p)
        for tp in g.objects(p, RDF.type)
    }


def partnerships(g: Graph, org_name: str | None) -> dict[tuple, set[str]]:
    pairs = list(g.subject_objects(KG.partnerOf))  # (head, tail)
    if org_name is None:
        oriented = [(x, y, x, y) for x, y in pairs]
    else:
        chosen = set(_named(g, org_name, {n for pair in pairs for n in pair}))
        oriented = [(h, t, h, t) for h, t in pairs if h in chosen]
        oriented += [(t, h, h, t) for h, t in pairs if t in chosen]
    groups: dict[tuple, set[str]] = defaultdict(set)
    for x, y, head, tail in oriented:
        titles = [
            title
            for st in _statements(g, head, KG.partnerOf, tail)
            for s in g.objects(st, PROV.wasDerivedFrom)
            for title in _headlines(g, s)
        ]
        for lx in _labels(g, x):
            for tx in g.objects(x, RDF.type):
                for ly in _labels(g, y):
                    for ty in g.objects(y, RDF.type):
                        groups[(lx, _local(tx), ly, _local(ty))].update(titles)
    return groups


def unions_by_programme_kind(g: Graph, kind: str | None) -> dict[str, set[URIRef]]:
    groups: dict[str, set[URIRef]] = defaultdict(set)
    for p in g.subjects(RDF.type, KG.Programme):
        for label in _labels(g, p):
            if kind is not None and kind not in label:
                continue
            for rel in ESTABLISH:
                for u in g.subjects(rel, p):
                    if (u, RDF.type, KG.Union) in g and _labels(g, u):
                        groups[label].add(u)
    return groups


def fact_provenance(g: Graph, name: str | None) -> set[tuple[str, ...]]:
    def evidence(s: URIRef) -> Iterator[tuple[str, ...]]:
        for text in g.objects(s, KG.text):
            for start in g.objects(s, KG.startOffset):
                for end in g.objects(s, KG.endOffset):
                    for a in g.objects(s, KG.inArticle):
                        for title in list(g.objects(a, DCTERMS.title)) or [None]:
                            for source in list(g.objects(a, KG.sourceFile)) or [None]:
                                yield str(text), str(start), str(end), _text(title), _text(source)

    rows = set()
    entities = {x for x, _s in g.subject_objects(KG.mentionedIn)}
    for x in _named(g, name, entities):
        for s in g.objects(x, KG.mentionedIn):
            for label in _labels(g, x):
                rows |= {(label, "mentionedIn", "", *ev) for ev in evidence(s)}
    for st in g.subjects(RDF.type, RDF.Statement):
        h, o = g.value(st, RDF.subject), g.value(st, RDF.object)
        if name is not None and not _named(g, name, [h, o]):
            continue
        for s in g.objects(st, PROV.wasDerivedFrom):
            for lh in _labels(g, h):
                for lo in _labels(g, o):
                    pred = _local(g.value(st, RDF.predicate))
                    rows |= {(lh, pred, lo, *ev) for ev in evidence(s)}
    return rows


def least_certain_facts(g: Graph) -> list[tuple[str, ...]]:
    rows = []
    for fact, confidence in g.subject_objects(KG.confidence):
        if (fact, RDF.type, RDF.Statement) in g:
            pred = _local(g.value(fact, RDF.predicate))
            for lh in _labels(g, g.value(fact, RDF.subject)):
                for lo in _labels(g, g.value(fact, RDF.object)):
                    rows.append((confidence, "relation", lh, pred, lo, str(fact)))
        else:
            for cls in g.objects(fact, RDF.type):
                for label in _labels(g, fact):
                    rows.append((confidence, "entity", label, _local(cls), "", str(fact)))
    rows.sort(key=lambda r: (Decimal(str(r[0])), *r[1:]))
    return [(str(r[0]), *r[1:]) for r in rows[:200]]


# -- the bindings tried --------------------------------------------------------------


def _names_of(g: Graph, things: Iterable[URIRef]) -> list[str]:
    names = {str(v) for x in things for p in (RDFS.label, SKOS.altLabel) for v in g.objects(x, p)}
    return sorted(names)


def _bindings(g: Graph, things: Iterable[URIRef]) -> list[str | None]:
    names = _names_of(g, things)
    traditional = [v for n in names for v in name_variants(n)[1:]][:1]  # a 繁體 spelling
    return [None, *names, *traditional, UNKNOWN]


def test_every_shipped_query_is_checked_here() -> None:
    checked = {
        "people_and_posts",
        "programmes_by_union",
        "programmes_by_year",
        "union_hierarchy",
        "partnerships",
        "unions_by_programme_kind",
        "fact_provenance",
        "least_certain_facts",
    }
    assert set(bundled_queries()) == checked


def test_people_and_posts(graph: Graph, store: pyoxigraph.Store) -> None:
    found = 0
    for name in _bindings(graph, _unions(graph)):
        bind = {} if name is None else {"union_name": name}
        expected = sorted(people_and_posts(graph, name))
        assert _run(store, "people_and_posts", **bind) == expected, name
        found += bool(expected)
    assert found > 2  # the bound cases are not all empty


def test_programmes_by_union(graph: Graph, store: pyoxigraph.Store) -> None:
    found = 0
    for name in _bindings(graph, _unions(graph)):
        bind = {} if name is None else {"union_name": name}
        rows = _run(store, "programmes_by_union", **bind)
        got = {(u, p, h): (set(pl.split("、")), set(am.split("、"))) for u, p, h, pl, am in rows}
        expected = programmes_by_union(graph, name)
        assert got == expected, name
        assert len(rows) == len(expected)
        found += bool(expected)
    assert found > 2


def test_programmes_by_year(graph: Graph, store: pyoxigraph.Store) -> None:
    for name in _bindings(graph, _unions(graph)):
        bind = {} if name is None else {"union_name": name}
        expected = sorted(programmes_by_year(graph, name))
        assert _run(store, "programmes_by_year", **bind) == expected, name


def test_union_hierarchy(graph: Graph, store: pyoxigraph.Store) -> None:
    parents = set(graph.objects(None, ORG.subOrganizationOf))
    found = 0
    for name in _bindings(graph, parents):
        bind = {} if name is None else {"root_name": name}
        expected = sorted(union_hierarchy(graph, name))
        assert _run(store, "union_hierarchy", **bind) == expected, name
        found += bool(expected)
    assert found > 2


def test_partnerships(graph: Graph, store: pyoxigraph.Store) -> None:
    orgs = {n for pair in graph.subject_objects(KG.partnerOf) for n in pair}
    found = 0
    for name in _bindings(graph, orgs):
        bind = {} if name is None else {"org_name": name}
        rows = _run(store, "partnerships", **bind)
        expected = partnerships(graph, name)
        assert {r[:4] for r in rows} == set(expected), name
        assert len(rows) == len(expected)
        for *key, headline in rows:  # the last headline in code-point order, or ""
            assert headline == max(expected[tuple(key)], default=""), name
        found += bool(expected)
    assert found > 1


@pytest.mark.parametrize("kind", [None, "驿站", "之家", "工匠学院", "职工", UNKNOWN])
def test_unions_by_programme_kind(graph: Graph, store: pyoxigraph.Store, kind: str | None) -> None:
    bind = {} if kind is None else {"kind": kind}
    result = run_query(store, "unions_by_programme_kind", bindings=bind or None)
    expected = unions_by_programme_kind(graph, kind)
    labels = {p: {lab for u in us for lab in _labels(graph, u)} for p, us in expected.items()}
    got = {p: (set(unions.split("、")), int(n)) for p, unions, n in result.rows}
    assert got == {p: (labels[p], len(us)) for p, us in expected.items()}
    counts = [int(n) for _p, _u, n in result.rows]
    assert counts == sorted(counts, reverse=True)  # most unions first


def test_fact_provenance(graph: Graph, store: pyoxigraph.Store) -> None:
    named = {x for x, _s in graph.subject_objects(KG.mentionedIn)}
    people = [x for x in named if (x, RDF.type, KG.Person) in graph]
    for name in [None, *_names_of(graph, people)[:12], *_names_of(graph, _unions(graph))[:6]]:
        bind = {} if name is None else {"name": name}
        expected = fact_provenance(graph, name)
        rows = _run(store, "fact_provenance", **bind)
        assert set(rows) == expected, name
        assert len(expected) > 0


def test_least_certain_facts(graph: Graph, store: pyoxigraph.Store) -> None:
    expected = least_certain_facts(graph)
    result = run_query(store, "least_certain_facts")
    assert list(result.rows) == expected  # the order is the point
    assert 0 < len(expected) <= 200
