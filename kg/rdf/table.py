"""The export straight from the graph model: its triples as plain strings, no rdflib graph.

:func:`model_table` is the one mapping from the model (:mod:`kg.graph`) to RDF triples
(:func:`kg.rdf.to_rdf` puts the same triples in an rdflib graph), held as
``subject → predicate → objects`` of plain strings (an IRI is a ``str``, a literal a
:class:`Lit`); :func:`turtle`, :func:`ntriples` and
:func:`nquads` write it with the bytes of :mod:`kg.rdf.writer` (the same prefixes, order,
quoting and ``\\uXXXX`` escapes), about ten times faster, because no rdflib term or
graph is made. Where the fast Turtle rules do not cover a table (see
:mod:`kg.rdf.writer`), :func:`turtle` returns None and the caller takes rdflib's path.
"""

from __future__ import annotations

import functools
import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from typing import Any, NamedTuple

import networkx as nx
from rdflib import Literal, URIRef

from kg.errors import Errors, KGError
from kg.learn.confidence import HIGHEST, confidence_lexical
from kg.memory import cyclic_gc_paused
from kg.rdf.iri import (
    article_iri_text,
    document_iri_text,
    entity_iri_text,
    membership_iri_text,
    role_iri_text,
    sentence_iri_text,
    statement_iri_text,
)
from kg.rdf.namespace import DCTERMS, ID, KG, ORG, PROV, RDF, RDFS, SKOS, XSD
from kg.rdf.writer import _Names, _quote_nt, _quote_ttl, _Unsupported, escape_controls
from kg.types import EntityType, RelationType

__all__ = [
    "Lit",
    "TripleTable",
    "graph_lines",
    "model_table",
    "nquad_chunks",
    "nquads",
    "ntriples",
    "rdflib_triples",
    "turtle",
    "turtle_chunks",
    "utf8_chunks",
]

log = logging.getLogger(__name__)


class Lit(NamedTuple):
    """A literal: lexical form, language tag (``""``: none) and datatype IRI (``""``)."""

    lexical: str
    lang: str = ""
    datatype: str = ""


Term = str | Lit
_BASE = str(ID)
_ZH = "zh"
_INTEGER, _DECIMAL = str(XSD.integer), str(XSD.decimal)
_DATES = {10: str(XSD.date), 7: str(XSD.gYearMonth), 4: str(XSD.gYear)}

# predicates and classes as plain strings
_TYPE, _LABEL, _ALT = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
_ID, _TITLE, _DATE = str(DCTERMS.identifier), str(DCTERMS.title), str(DCTERMS.date)
_PUBLISHER, _SOURCE, _CREATOR = str(DCTERMS.publisher), str(DCTERMS.source), str(DCTERMS.creator)
_TEXT, _START, _END = str(KG.text), str(KG.startOffset), str(KG.endOffset)
_IN_ARTICLE, _IN_DOCUMENT, _SOURCE_FILE = str(KG.inArticle), str(KG.inDocument), str(KG.sourceFile)
_PAGE, _MENTIONED, _CONFIDENCE = str(KG.pageNumber), str(KG.mentionedIn), str(KG.confidence)
_POST, _AMOUNT, _ROLE = str(KG.post), str(KG.amount), str(KG.role)
_DERIVED = str(PROV.wasDerivedFrom)
_SUBJECT, _PREDICATE, _OBJECT = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_MEMBER, _ORGANIZATION, _ORG_ROLE = str(ORG.member), str(ORG.organization), str(ORG.role)
_SENTENCE, _ARTICLE, _DOCUMENT = str(KG.Sentence), str(KG.Article), str(KG.Document)
_STATEMENT, _MEMBERSHIP, _ROLE_CLASS = str(RDF.Statement), str(ORG.Membership), str(ORG.Role)
_SENTENCE_TYPE = (_SENTENCE,)  # one tuple for every sentence's rdf:type


def _classes() -> dict[str, str]:
    return {t.value: str(KG[t.value]) for t in EntityType}


def _properties() -> dict[str, str]:
    from kg.rdf.export import RELATION_PROPERTIES

    return {k: str(v) for k, v in RELATION_PROPERTIES.items()}


@functools.lru_cache(maxsize=65536)
def _typed(lexical: str, datatype: str) -> Lit:
    """A typed literal with the lexical form rdflib keeps for it (it normalises some)."""
    return Lit(str(Literal(lexical, datatype=URIRef(datatype))), "", datatype)


@functools.lru_cache(maxsize=4096)
def _confidence(value: float | None) -> Lit:
    return _typed(confidence_lexical(HIGHEST if value is None else value), _DECIMAL)


@functools.lru_cache(maxsize=65536)
def _int(value: int) -> Lit:
    """An xsd:integer literal; offsets repeat across sentences, so each is made once."""
    return Lit(str(int(value)), "", _INTEGER)


#: The objects of one subject and predicate: a 1-tuple while there is one (most are: a
#: dict costs three times its size, and the table holds millions), else a dict used as
#: an ordered set. Both iterate, count and test membership alike.
Objects = tuple[Term] | dict[Term, None]


class TripleTable:
    """A set of triples: ``subjects[s][p]`` holds the objects (:data:`Objects`) in the
    order they were added."""

    __slots__ = ("subjects",)

    def __init__(self) -> None:
        self.subjects: dict[str, dict[str, Objects]] = {}

    def add(self, s: str, p: str, o: Term) -> None:
        props = self.subjects.get(s)
        if props is None:
            props = self.subjects[s] = {}
        objects = props.get(p)
        if objects is None:
            props[p] = (o,)
        elif type(objects) is tuple:
            if objects[0] != o:
                props[p] = {objects[0]: None, o: None}
        else:
            objects[o] = None

    def __len__(self) -> int:
        return sum(len(objects) for props in self.subjects.values() for objects in props.values())

    def __iter__(self) -> Iterator[tuple[str, str, Term]]:
        for s, props in self.subjects.items():
            for p, objects in props.items():
                for o in objects:
                    yield s, p, o


def model_table(G: nx.MultiDiGraph) -> TripleTable:
    """The RDF triples of ``G`` (entities, relations, statements, memberships, provenance).

    Raises
    ------
    kg.errors.KGError
        [E204] a node's ``type`` is not an entity type, [E205] an edge's predicate is
        not a relation type (as :func:`kg.rdf.to_rdf`).

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, EntityType
    >>> t = model_table(build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], []))
    >>> len(t), t.subjects[_BASE + "Place/%E8%A5%BF%E5%AE%89%E5%B8%82"][_LABEL]
    (4, (Lit(lexical='西安市', lang='zh', datatype=''),))
    """
    # the table is millions of small dicts and tuples with no reference cycles: the
    # cyclic collector, run again and again while they are made, would walk all of them
    # each time (two thirds of the time on a big graph) and free nothing
    with cyclic_gc_paused():
        return _model_table(G)


def _model_table(G: nx.MultiDiGraph) -> TripleTable:
    classes, properties = _classes(), _properties()
    table = TripleTable()
    add, subjects = table.add, table.subjects
    articles: Mapping[str, Mapping[str, Any]] = G.graph.get("articles", {}) or {}
    seen_articles: dict[str, str] = {}
    seen_sentences: dict[str, tuple[str, str]] = {}
    sentence_iris: dict[tuple[str, int, int], str] = {}
    written: set[tuple[str, str, str]] = set()

    for article_id, info in articles.items():
        _add_article(table, article_id, info)
        seen_articles[article_id] = str(info.get("document_id", ""))

    def sentence(prov: Mapping[str, Any]) -> str:
        doc, art = str(prov["document_id"]), str(prov["article_id"])
        start, end = int(prov["start"]), int(prov["end"])
        iri = sentence_iris.get((doc, start, end))
        if iri is None:
            iri = sentence_iris[(doc, start, end)] = sentence_iri_text(doc, start, end)
        text = str(prov.get("sentence", ""))
        if (iri, art, text) in written:
            return iri
        written.add((iri, art, text))
        previous = seen_sentences.setdefault(iri, (art, text))
        if previous != (art, text):
            log.warning("sentence %s has two different articles or texts; keeping both", iri)
        art_iri = article_iri_text(art)
        if iri not in subjects:  # the common case, in one step
            subjects[iri] = {
                _TYPE: _SENTENCE_TYPE,
                _TEXT: (Lit(text, _ZH),),
                _START: (_int(start),),
                _END: (_int(end),),
                _IN_ARTICLE: (art_iri,),
            }
        else:
            add(iri, _TYPE, _SENTENCE)
            add(iri, _TEXT, Lit(text, _ZH))
            add(iri, _START, _int(start))
            add(iri, _END, _int(end))
            add(iri, _IN_ARTICLE, art_iri)
        if art not in seen_articles:
            seen_articles[art] = doc
            _add_article(table, art, {"document_id": doc}, full=False)
        return iri

    entity_iris: dict[str, str] = {}

    def entity(node_id: str) -> str:
        iri = entity_iris.get(node_id)
        if iri is None:
            iri = entity_iris[node_id] = entity_iri_text(node_id)
        return iri

    for node_id, data in G.nodes(data=True):
        subject = entity(str(node_id))
        etype = str(data.get("type", ""))
        if etype not in classes:
            raise KGError(Errors.E204.format(node=node_id, type=etype))
        add(subject, _TYPE, classes[etype])
        add(subject, _LABEL, Lit(str(data.get("name", "")), _ZH))
        add(subject, _ID, Lit(str(node_id)))
        for alias in data.get("aliases") or ():
            add(subject, _ALT, Lit(str(alias), _ZH))
        for prov in data.get("provenance") or ():
            add(subject, _MENTIONED, sentence(prov))
        add(subject, _CONFIDENCE, _confidence(data.get("confidence")))

    for head, tail, key, data in G.edges(keys=True, data=True):
        predicate = str(data.get("predicate") or key)
        prop = properties.get(predicate)
        if prop is None:
            raise KGError(Errors.E205.format(head=head, tail=tail, predicate=predicate))
        head, tail = str(head), str(tail)
        s, o = entity(head), entity(tail)
        add(s, prop, o)
        evidence = [sentence(p) for p in data.get("evidence") or ()]
        role, amount = data.get("role"), data.get("amount")
        stmt = statement_iri_text(head, predicate, tail)
        add(stmt, _TYPE, _STATEMENT)
        add(stmt, _SUBJECT, s)
        add(stmt, _PREDICATE, prop)
        add(stmt, _OBJECT, o)
        for item in evidence:
            add(stmt, _DERIVED, item)
        add(stmt, _CONFIDENCE, _confidence(data.get("confidence")))
        if role:
            add(stmt, _POST, Lit(str(role), _ZH))
        if amount:
            add(stmt, _AMOUNT, Lit(str(amount)))
        if predicate == RelationType.MEMBER_OF.value and role:
            role_node = role_iri_text(str(role))
            add(role_node, _TYPE, _ROLE_CLASS)
            add(role_node, _LABEL, Lit(str(role), _ZH))
            add(stmt, _ROLE, role_node)
            membership = membership_iri_text(head, tail, str(role))
            add(membership, _TYPE, _MEMBERSHIP)
            add(membership, _MEMBER, s)
            add(membership, _ORGANIZATION, o)
            add(membership, _ORG_ROLE, role_node)
            add(membership, _POST, Lit(str(role), _ZH))
            for item in evidence:
                add(membership, _DERIVED, item)
    return table


def _add_article(
    table: TripleTable, article_id: str, info: Mapping[str, Any], *, full: bool = True
) -> None:
    add = table.add
    art = article_iri_text(article_id)
    doc_id = str(info.get("document_id", ""))
    doc = document_iri_text(doc_id)
    add(art, _TYPE, _ARTICLE)
    add(art, _ID, Lit(article_id))
    add(art, _IN_DOCUMENT, doc)
    add(doc, _TYPE, _DOCUMENT)
    add(doc, _ID, Lit(doc_id))
    if not full:
        return
    source = str(info.get("source", ""))
    add(art, _TITLE, Lit(str(info.get("headline", "")), _ZH))
    add(art, _SOURCE_FILE, Lit(source))
    add(doc, _SOURCE_FILE, Lit(source))
    for prop, name in ((_START, "start"), (_END, "end")):
        if info.get(name) is not None:
            add(art, prop, _int(info[name]))
    date = str(info.get("date") or "")
    if date and len(date) in _DATES:
        add(art, _DATE, _typed(date, _DATES[len(date)]))
    for prop, name in ((_PUBLISHER, "publisher"), (_SOURCE, "source_name"), (_CREATOR, "author")):
        if info.get(name):
            add(art, prop, Lit(str(info[name]), _ZH))
    if info.get("page"):
        add(art, _PAGE, _int(info["page"]))


def rdflib_triples(table: TripleTable) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
    """The table's triples as rdflib terms (what :func:`kg.rdf.to_rdf` adds to its graph)."""
    for s, p, o in table:
        if type(o) is str:
            yield URIRef(s), URIRef(p), URIRef(o)
        else:
            lexical, lang, datatype = o  # type: ignore[misc]
            literal = Literal(
                lexical, lang=lang or None, datatype=URIRef(datatype) if datatype else None
            )
            yield URIRef(s), URIRef(p), literal


# --- writers ------------------------------------------------------------------------


def _nt(term: Term) -> str:
    if type(term) is str:
        return f"<{term}>"
    lexical, lang, datatype = term  # type: ignore[misc]
    if lang:
        return f"{_quote_nt(lexical)}@{lang}"
    if datatype:
        return f"{_quote_nt(lexical)}^^<{datatype}>"
    return _quote_nt(lexical)


def _lines(table: TripleTable) -> Iterator[tuple[str, str, Term, str]]:
    """(subject, predicate, object, ``s p o`` in N-Triples) for every triple."""
    cache: dict[Term, str] = {}

    def nt(term: Term) -> str:
        text = cache.get(term)
        if text is None:
            text = cache[term] = _nt(term)
        return text

    for s, props in table.subjects.items():
        s_nt = nt(s)
        for p, objects in props.items():
            head = f"{s_nt} {nt(p)} "
            for o in objects:
                yield s, p, o, head + (nt(o) if type(o) is str else _nt(o))


def ntriples(table: TripleTable) -> bytes:
    """Sorted N-Triples: the bytes of :func:`kg.rdf.writer.ntriples` for these triples."""
    lines = sorted(line + " ." for _s, _p, _o, line in _lines(table))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _nquad_lines(table: TripleTable) -> Iterator[str]:
    """The N-Quads line of every triple, in the table's order, each triple in the named
    graph :func:`kg.rdf.store.graph_quads` gives it."""
    for _owner, line in graph_lines(table):
        yield line


def graph_lines(table: TripleTable) -> Iterator[tuple[str, str]]:
    """(named graph IRI, N-Quads line) of every triple, in the table's order (the lines
    of :func:`nquad_chunks`)."""
    names: dict[str, str] = {}
    for (_s, _p, _o, line), owner in zip(_lines(table), _owners(table), strict=True):
        name = names.get(owner)
        if name is None:
            name = names[owner] = f"<{owner}>"
        yield owner, f"{line} {name} .\n"


_MENTION = (_MENTIONED, _DERIVED)
_ROLES = (_ORG_ROLE, _ROLE)
_PARTS = {_SUBJECT: 0, _PREDICATE: 1, _OBJECT: 2}


def _owners(table: TripleTable) -> Iterator[str]:
    """The named graph of each triple, in the table's order: the rules of
    :func:`kg.rdf.store.graph_quads`, read off the table's subjects."""
    from kg.rdf.store import SHARED_GRAPH

    shared, empty = str(SHARED_GRAPH), frozenset()
    subjects = table.subjects
    article_doc: dict[Term, Term] = {}
    sentence_article: dict[Term, Term] = {}
    documents: set[str] = set()
    links: list[tuple[str, Term]] = []
    roles: list[tuple[str, Term]] = []
    parts: dict[str, list[Term | None]] = {}
    for s, props in subjects.items():
        for p, objects in props.items():
            if p == _IN_DOCUMENT:
                article_doc[s] = list(objects)[-1]
            elif p == _IN_ARTICLE:
                sentence_article[s] = list(objects)[-1]
            elif p in _MENTION:
                links.extend((s, o) for o in objects)
            elif p in _ROLES:
                roles.extend((s, o) for o in objects)
            elif p in _PARTS:
                parts.setdefault(s, [None, None, None])[_PARTS[p]] = list(objects)[-1]
            elif p == _TYPE and _DOCUMENT in objects:
                documents.add(s)
    sentence_doc = {s: article_doc[a] for s, a in sentence_article.items() if a in article_doc}
    docs: dict[Term, set[Term]] = {}
    for node, sentence in links:
        if sentence in sentence_doc:
            docs.setdefault(node, set()).add(sentence_doc[sentence])
    for node, role in roles:
        docs.setdefault(role, set()).update(docs.get(node, ()))
    edge_docs = {
        (spo[0], spo[1], spo[2]): docs.get(stmt, empty)
        for stmt, spo in parts.items()
        if None not in spo
    }

    def one(found: Any) -> str:
        return next(iter(found)) if len(found) == 1 else shared

    for s, props in subjects.items():
        own = sentence_doc.get(s) or article_doc.get(s) or (s if s in documents else None)
        mine = one(docs.get(s, empty))
        for p, objects in props.items():
            if p in _MENTION:
                for o in objects:
                    found = sentence_doc.get(o)
                    yield mine if found is None else found  # type: ignore[misc]
            elif own is not None:
                for _o in objects:
                    yield own  # type: ignore[misc]
            elif edge_docs:
                for o in objects:
                    edge = edge_docs.get((s, p, o))
                    yield mine if edge is None else one(edge)
            else:
                for _o in objects:
                    yield mine


def nquads(table: TripleTable) -> bytes:
    """Sorted N-Quads (see :func:`nquad_chunks`): the same model, the same bytes."""
    return "".join(sorted(_nquad_lines(table))).encode("utf-8")


def nquad_chunks(table: TripleTable, lines: int = 8192) -> Iterator[bytes]:
    """The N-Quads of the store, in the table's order, as UTF-8 chunks of ``lines``
    lines: what :func:`kg.rdf.store.write_store` bulk-loads, never held whole."""
    return utf8_chunks(_nquad_lines(table), lines)


def utf8_chunks(lines: Iterable[str], size: int = 8192) -> Iterator[bytes]:
    """``lines`` joined into UTF-8 chunks of ``size`` lines each (the last one shorter).

    >>> list(utf8_chunks(["a\\n", "b\\n", "c\\n"], size=2))
    [b'a\\nb\\n', b'c\\n']
    """
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= size:
            yield "".join(batch).encode("utf-8")
            batch.clear()
    if batch:
        yield "".join(batch).encode("utf-8")


def turtle(table: TripleTable) -> bytes | None:
    """Turtle with the bytes of :func:`kg.rdf.writer.turtle`, or None where its fast
    rules do not apply (then rdflib's serialiser must write the graph)."""
    chunks = turtle_chunks(table)
    return None if chunks is None else b"".join(chunks)


def turtle_chunks(table: TripleTable) -> Iterator[bytes] | None:
    """:func:`turtle` as UTF-8 chunks, made as they are written (None: not covered).

    Everything that could make the fast rules refuse the table is checked before the
    first chunk, so a caller never has to discard half a file.
    """
    from kg.rdf.export import _prefixes

    try:
        return _turtle(table, _DataNames(_prefixes().namespace_manager))
    except _Unsupported:
        return None


class _DataNames(_Names):
    """:class:`~kg.rdf.writer._Names`, told at once that a data IRI has no prefixed name.

    rdflib splits an IRI after its last ``/`` at the earliest, so the namespace of a
    data IRI starts with :data:`~kg.rdf.namespace.ID`; when no bound namespace does,
    rdflib finds no prefix for it and writes ``<iri>``.
    """

    def __init__(self, manager: Any) -> None:
        super().__init__(manager)
        bound = [str(ns) for _prefix, ns in manager.namespaces()]
        self._data = not any(ns.startswith(_BASE) or _BASE.startswith(ns) for ns in bound)

    def pname(self, uri: str) -> str | None:
        if self._data and uri.startswith(_BASE):
            return None
        return super().pname(uri)

    def bare(self, uri: str) -> bool:
        """Whether ``uri`` is a data IRI, written ``<uri>`` without asking rdflib."""
        return self._data and uri.startswith(_BASE)


class _Rendered(dict):
    """IRI → its Turtle form, holding only the IRIs that are not bare data IRIs: a data
    IRI is written ``<iri>`` each time it is asked for, not kept (a big build has
    millions of them; the writer of a 16 MB build holds 9 MB less)."""

    def __missing__(self, iri: str) -> str:
        return f"<{iri}>"


def _turtle(table: TripleTable, names: _DataNames) -> Iterator[bytes]:
    pname = names.pname
    subjects = table.subjects
    references: Counter[str] = Counter()
    predicates: set[str] = set()
    datatypes: set[str] = set()
    for props in subjects.values():
        for p, objects in props.items():
            predicates.add(p)
            if len(objects) > 1:
                _sorted_objects(list(objects))  # raises where rdflib's order differs
            for o in objects:
                if type(o) is str:
                    references[o] += 1
                elif o[2]:
                    datatypes.add(o[2])
    # rdflib asks for the prefixed name of every node and datatype (not of rdf:type as a
    # predicate): only the set of prefixes this makes matters
    rendered = _Rendered()
    bare = names.bare
    for text in chain(subjects, references, predicates - {_TYPE}):
        if text not in rendered and not bare(text):
            rendered[text] = pname(text) or f"<{text}>"
    for p in predicates - {_TYPE}:
        if rendered[p][0] == "<":
            raise _Unsupported  # rdflib would make up a prefix for it
    for datatype in datatypes:
        pname(datatype)
    rendered_verbs = dict(rendered)
    rendered_verbs[_TYPE] = "a"

    def obj(o: Term) -> str:
        if type(o) is str:
            return rendered[o]
        lexical, lang, datatype = o  # type: ignore[misc]
        if lang:
            return f"{_quote_ttl(lexical)}@{lang}"
        if not datatype:
            return _quote_ttl(lexical)
        if datatype == _INTEGER:
            return escape_controls(lexical)
        if datatype == _DECIMAL:
            text = lexical if "." in lexical or "e" in lexical or "E" in lexical else lexical + ".0"
            return escape_controls(text)
        return _typed_ttl(lexical, datatype, names)

    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(names.used.items()))
    return _turtle_body(subjects, references, rendered, rendered_verbs, obj, header)


def _turtle_body(
    subjects: dict[str, dict[str, Objects]],
    references: Counter[str],
    rendered: dict[str, str],
    verbs: dict[str, str],
    obj: Any,
    header: str,
    size: int = 4096,
) -> Iterator[bytes]:
    # subjects in rdflib's order: fewest references first, then by IRI (one sort of
    # plain strings per reference count instead of a sort by tuples)
    buckets: dict[int, list[str]] = {}
    for subject in subjects:
        buckets.setdefault(references.get(subject, 0), []).append(subject)
    # many subjects share one set of predicates (every sentence, every statement): the
    # predicate order and the verbs between objects are worked out once per set
    layouts: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    # typed literals (offsets, confidences, dates) repeat: written once each
    typed: dict[Term, str] = {}
    out: list[str] = [header]
    append = out.append
    count = 0
    for refs in sorted(buckets):
        for subject in sorted(buckets[refs]):
            props = subjects[subject]
            key = tuple(props)
            layout = layouts.get(key)
            if layout is None:
                layout = layouts[key] = _layout(key, verbs)
            append("\n")
            append(rendered[subject])
            for predicate, verb in layout:
                append(verb)
                objects = props[predicate]
                if len(objects) == 1:
                    for o in objects:
                        if type(o) is str:
                            append(rendered[o])
                        elif o[2]:
                            text = typed.get(o)
                            if text is None:
                                text = typed[o] = obj(o)
                            append(text)
                        else:
                            append(obj(o))
                else:
                    append(",\n        ".join(map(obj, _sorted_objects(list(objects)))))
            append(" .\n")
            count += 1
            if count >= size:
                yield "".join(out).encode("utf-8")
                out.clear()
                count = 0
    append("\n")
    yield "".join(out).encode("utf-8")


def _layout(predicates: tuple[str, ...], verbs: dict[str, str]) -> list[tuple[str, str]]:
    """(predicate, text before its objects) in rdflib's order: rdf:type, rdfs:label, the
    rest sorted; ``;`` and the indent between predicates."""
    order = [p for p in (_TYPE, _LABEL) if p in predicates]
    order += sorted(p for p in predicates if p != _TYPE and p != _LABEL)
    return [(p, (" " if i == 0 else " ;\n    ") + verbs[p] + " ") for i, p in enumerate(order)]


def _typed_ttl(lexical: str, datatype: str, names: _Names) -> str:
    lit = Literal(lexical, datatype=URIRef(datatype))
    text = lit._literal_n3(use_plain=True, qname_callback=lambda dt: names.pname(str(dt)))
    return escape_controls(text)


def _sorted_objects(objects: list[Term]) -> list[Term]:
    """rdflib's ordering, where it is plain string order (one kind, no typed literal)."""
    first = objects[0]
    if type(first) is str:
        if any(type(o) is not str for o in objects):
            raise _Unsupported
        return sorted(objects)
    kind = first[1]
    if any(type(o) is str or o[2] or o[1] != kind for o in objects):
        raise _Unsupported
    return sorted(objects, key=lambda o: o[0])
