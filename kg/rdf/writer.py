"""Fast deterministic N-Triples and Turtle writers with the exact byte format of rdflib's.

The exporter used to sort the triples into a fresh rdflib graph and run rdflib's
serialisers; both steps cost far more than the text they write. These writers make the
same bytes (same prefixes, subject order, predicate order, object lists, literal quoting)
in one pass over the sorted triples, with two deliberate differences:

* N-Triples lines are sorted as triples, never by splitting the text, so a literal can
  never be cut in two;
* in literals, characters that line-oriented tools take as line breaks or that are
  control characters (``\\x0b \\x0c \\x1c–\\x1e \\x85 \\u2028 \\u2029``, other C0/C1
  controls, DEL) are written as ``\\uXXXX`` escapes, in N-Triples and Turtle alike.

A graph with something the fast path does not cover (blank nodes, ``rdfs:Class``
subjects, an unbound predicate namespace, object lists of mixed term kinds) falls back to
rdflib's own serialiser, whose output is then escaped the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, NamespaceManager
from rdflib.term import Node

__all__ = ["escape_controls", "ntriples", "turtle"]

# every character str.splitlines() splits on except \n and \r (which the quoting rules
# already escape), plus all other C0/C1 controls except TAB, and DEL
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def _uchar(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04X}"


def escape_controls(text: str) -> str:
    r"""Escape line-breaking and control characters as ``\uXXXX`` (TAB, LF, CR kept).

    Examples
    --------
    >>> escape_controls("升\x0b三 改\x0c团 a\u2028b")
    '升\\u000B三 改\\u000C团 a\\u2028b'
    """
    return _CONTROLS.sub(_uchar, text) if _CONTROLS.search(text) else text


def _quote_nt(text: str) -> str:
    # rdflib.plugins.serializers.nt._quote_encode, then the control escapes
    text = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')
    return '"' + escape_controls(text.replace("\r", "\\r")) + '"'


def _literal_nt(lit: Literal) -> str:
    encoded = _quote_nt(str(lit))
    if lit.language:
        return f"{encoded}@{lit.language}"
    if lit.datatype:
        return f"{encoded}^^<{lit.datatype}>"
    return encoded


def _term_nt(term: Node) -> str:
    if isinstance(term, Literal):
        return _literal_nt(term)
    if isinstance(term, URIRef):
        return term.n3()
    raise _Unsupported


class _Unsupported(Exception):
    """The fast path does not cover this graph; use rdflib."""


def ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> bytes:
    r"""Sorted N-Triples, one triple a line, ending in a newline (empty graph: no bytes).

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> s, p = URIRef("http://e/s"), URIRef("http://e/p")
    >>> print(ntriples([(s, p, Literal("升\x0b三", lang="zh"))]).decode(), end="")
    <http://e/s> <http://e/p> "升\u000B三"@zh .
    """
    cache: dict[Node, str] = {}

    def term(node: Node) -> str:
        text = cache.get(node)
        if text is None:
            text = cache[node] = _term_nt(node)
        return text

    try:
        lines = sorted(
            f"{term(s)} {term(p)} {_literal_nt(o) if isinstance(o, Literal) else term(o)} ."
            for s, p, o in triples
        )
    except _Unsupported:
        graph = Graph()
        for triple in triples:
            graph.add(triple)
        text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
        # rdflib's lines may be cut inside literals; escape before re-splitting on \n
        lines = sorted(escape_controls(line) for line in text.split("\n") if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


# --- Turtle ------------------------------------------------------------------------

_PCT_NOT_HEX = re.compile(r"%(?![0-9A-Fa-f]{2})")


class _Names:
    """Prefixed names as rdflib's TurtleSerializer.get_pname computes them."""

    def __init__(self, manager: NamespaceManager) -> None:
        self.manager = manager
        self.used: dict[str, str] = {}
        self._cache: dict[str, str | None] = {}
        self._namespaces: dict[str, str] = {}

    def pname(self, uri: str) -> str | None:
        """``prefix:local`` of IRI ``uri``, or None where rdflib writes ``<uri>``."""
        try:
            return self._cache[uri]
        except KeyError:
            name = self._cache[uri] = self._compute(URIRef(uri))
        if name is not None:
            prefix = name.split(":", 1)[0]
            self.used.setdefault(prefix, self._namespaces[prefix])
        return name

    def _compute(self, uri: URIRef) -> str | None:
        try:
            prefix, namespace, local = self.manager.compute_qname(uri, generate=False)
        except Exception:
            prefix = self.manager.store.prefix(uri)
            if prefix is None:
                return None
            namespace, local = uri, ""
        if prefix.startswith("_"):
            raise _Unsupported  # rdflib would rewrite the prefix
        local = local.replace("(", r"\(").replace(")", r"\)")
        local = _PCT_NOT_HEX.sub("\\%", local)
        if local.endswith("."):
            return None
        self._namespaces[prefix] = str(namespace)
        return f"{prefix}:{local}"


# a literal with none of these is written as is between quotes
_QUOTED = re.compile('[\\\\"\r\n\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]')


def _quote_ttl(text: str) -> str:
    # rdflib.term.Literal._quote_encode, then the control escapes
    if not _QUOTED.search(text):
        return '"' + text + '"'
    if "\n" in text:
        encoded = text.replace("\\", "\\\\")
        if '"""' in text:
            encoded = encoded.replace('"""', '\\"\\"\\"')
        if encoded[-1] == '"' and encoded[-2] != "\\":
            encoded = encoded[:-1] + "\\" + '"'
        return '"""' + escape_controls(encoded.replace("\r", "\\r")) + '"""'
    encoded = text.replace("\n", "\\n").replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escape_controls(encoded.replace("\r", "\\r")) + '"'


def _literal_ttl(lit: Literal, names: _Names) -> str:
    if lit.language:
        return f"{_quote_ttl(str(lit))}@{lit.language}"
    if lit.datatype is None:
        return _quote_ttl(str(lit))
    # typed literals are rare: rdflib's own shorthand rules, then the escapes
    text = lit._literal_n3(use_plain=True, qname_callback=lambda dt: names.pname(str(dt)))
    return escape_controls(text)


def turtle(graph: Graph, manager: NamespaceManager | None = None) -> bytes:
    r"""Turtle with the bytes rdflib's serialiser writes for ``graph`` (see module doc).

    Parameters
    ----------
    graph
        The triples. Where the fast path does not apply, rdflib serialises ``graph``
        itself, so its triples should have been added in a fixed order.
    manager
        The prefix bindings to write names with (default: ``graph``'s).

    Examples
    --------
    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph(bind_namespaces="none")
    >>> g.bind("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
    >>> _ = g.add((URIRef("http://e/s"), RDFS.label, Literal("改\x0c团", lang="zh")))
    >>> print(turtle(g).decode(), end="")
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    <BLANKLINE>
    <http://e/s> rdfs:label "改\u000C团"@zh .
    <BLANKLINE>
    """
    try:
        return _fast_turtle(graph, manager or graph.namespace_manager)
    except _Unsupported:
        text = graph.serialize(format="turtle", encoding="utf-8").decode("utf-8")
        return escape_controls(text).encode("utf-8")


def _fast_turtle(graph: Graph, manager: NamespaceManager) -> bytes:
    names = _Names(manager)
    rdf_type, rdfs_label, rdfs_class = str(RDF.type), str(RDFS.label), str(RDFS.Class)
    # subject -> predicate -> [(sort key, kind, term)]; terms kept as plain str where IRIs
    by_subject: dict[str, dict[str, list[tuple[str, object, Node]]]] = {}
    references: Counter[str] = Counter()
    for s, p, o in graph:
        if type(s) is not URIRef or type(p) is not URIRef:
            raise _Unsupported
        s_key, p_key = str(s), str(p)
        if type(o) is URIRef:
            o_key = str(o)
            if p_key == rdf_type and o_key == rdfs_class:
                raise _Unsupported  # rdflib writes rdfs:Class members first
            references[o_key] += 1
            item: tuple[str, object, Node] = (o_key, None, o)
        elif type(o) is Literal:
            kind = o.language if o.datatype is None else (o.datatype,)
            item = (str(o), kind or "", o)
        else:
            raise _Unsupported
        props = by_subject.get(s_key)
        if props is None:
            props = by_subject[s_key] = {}
        objects = props.get(p_key)
        if objects is None:
            props[p_key] = [item]
        else:
            objects.append(item)

    # rdflib's preprocess asks for a prefixed name of every node (and datatype) once, in
    # that order only the set matters; only predicates could make up a new prefix, which
    # the fast path refuses
    pname = names.pname
    for s_key, props in by_subject.items():
        pname(s_key)
        for p_key, objects in props.items():
            if p_key != rdf_type and pname(p_key) is None:
                raise _Unsupported
            for key, kind, _o in objects:
                if kind is None:
                    pname(key)
                elif isinstance(kind, tuple):
                    pname(str(kind[0]))

    def iri(text: str) -> str:
        return pname(text) or f"<{text}>"

    def obj(item: tuple[str, object, Node]) -> str:
        key, kind, o = item
        if kind is None:
            return iri(key)
        if isinstance(kind, tuple):
            return _literal_ttl(o, names)  # type: ignore[arg-type]
        return f"{_quote_ttl(key)}@{kind}" if kind else _quote_ttl(key)

    verbs: dict[str, str] = {rdf_type: "a"}
    out: list[str] = [""]  # the prefix lines, filled in at the end
    for subject in sorted(by_subject, key=lambda s: (references.get(s, 0), s)):
        props = by_subject[subject]
        order = [p for p in (rdf_type, rdfs_label) if p in props]
        order += sorted(p for p in props if p != rdf_type and p != rdfs_label)
        parts = ["\n", iri(subject)]
        for i, predicate in enumerate(order):
            objects = props[predicate]
            if len(objects) > 1:
                objects = _sorted_objects(objects)
            verb = verbs.get(predicate)
            if verb is None:
                verb = verbs[predicate] = iri(predicate)
            parts.append((" " if i == 0 else " ;\n    ") + verb + " ")
            parts.append(",\n        ".join(map(obj, objects)))
        parts.append(" .\n")
        out.append("".join(parts))
    out.append("\n")
    out[0] = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(names.used.items()))
    return "".join(out).encode("utf-8")


def _sorted_objects(objects: list[tuple[str, object, Node]]) -> list[tuple[str, object, Node]]:
    """rdflib's ordering, for the lists where it is plain string order."""
    kinds = {kind for _key, kind, _o in objects}
    if len(kinds) != 1 or isinstance(next(iter(kinds)), tuple):
        raise _Unsupported  # mixed kinds or typed literals: rdflib's value ordering
    return sorted(objects, key=lambda item: item[0])


def turtle_or_none(graph: Graph, manager: NamespaceManager) -> bytes | None:
    """:func:`turtle`'s fast path only: None where it does not apply."""
    try:
        return _fast_turtle(graph, manager)
    except _Unsupported:
        return None
