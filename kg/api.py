"""The top-level Python API: :func:`build`, :func:`open` and :class:`KnowledgeGraph`.

A thin layer over the stages: :func:`kg.pipeline.build_corpus` builds, :mod:`kg.rdf`
exports and reads back, :mod:`kg.query` runs SPARQL, :mod:`kg.views` draws. The library
never prints; progress goes to an optional callback ``progress(stage, done, total)``.

Examples
--------
>>> import tempfile, pathlib
>>> import kg
>>> corpus = pathlib.Path(tempfile.mkdtemp())
>>> _ = (corpus / "a.txt").write_text(
...     "西安市总工会主席薛振虎在会上讲话。", encoding="utf-8")
>>> g = kg.build([corpus])
>>> [e.name for e in g.entities(type="Union")]
['西安市总工会']
>>> [(r.head, r.role, r.tail) for r in g.relations(predicate="memberOf")]
[('Person/薛振虎', '主席', 'Union/西安市总工会')]
>>> g.query("SELECT ?name WHERE { ?u a kg:Union ; rdfs:label ?name }")
[{'name': '西安市总工会'}]
>>> out = g.write(corpus / "build", formats=["ttl", "graphml"])
>>> sorted(p.name for p in out.values())
['graph.graphml', 'graph.html', 'graph.ttl', 'report.json', 'store']
>>> kg.open(corpus / "build").summary()["entities_by_type"]
{'Person': 1, 'Place': 1, 'Union': 1}
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import Errors, QueryError
from kg.types import Entity, EntityType, Relation, RelationType

if TYPE_CHECKING:  # the heavy stack is imported only when it is used
    import networkx as nx
    import rdflib

    from kg.pipeline import BuildResult, Progress

__all__ = ["KnowledgeGraph", "build", "open"]

#: Names :func:`open` looks for in a build folder, in order.
GRAPH_FILES = ("graph.ttl", "graph.nt", "graph.jsonld")


class KnowledgeGraph:
    """A built knowledge graph: the networkx model plus its RDF view, made on demand.

    Get one from :func:`kg.build` (a fresh build) or :func:`kg.open` (an existing one).

    Parameters
    ----------
    graph
        The graph model (see :mod:`kg.graph`).
    result
        The build that made it, if any (documents, problems, timings).
    rdf
        An RDF view of the same graph, if one is at hand already (e.g. a parsed file).
    report
        The ``report.json`` of an opened build folder, if any.
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        *,
        result: BuildResult | None = None,
        rdf: rdflib.Graph | None = None,
        report: Mapping[str, Any] | None = None,
    ) -> None:
        self._graph = graph
        self._result = result
        self._rdf = rdf
        self._report = dict(report or {})

    def __repr__(self) -> str:
        G = self._graph
        return f"<KnowledgeGraph: {G.number_of_nodes()} entities, {G.number_of_edges()} relations>"

    def __len__(self) -> int:
        return self._graph.number_of_nodes()

    @property
    def result(self) -> BuildResult | None:
        """The :class:`kg.pipeline.BuildResult` of a fresh build (``None`` when opened)."""
        return self._result

    def summary(self) -> dict[str, Any]:
        """Counts: documents, articles, entities and relations per type, warnings.

        Entities and relations are counted in the graph (nodes and edges), so a build
        and the same build opened from disk agree.
        """
        G = self._graph
        articles = G.graph.get("articles", {}) or {}
        if self._result is not None:
            documents = len(self._result.documents)
            n_articles = sum(len(d.articles) for d in self._result.documents)
            warnings = [p.reason for p in self._result.problems]
        else:
            saved = self._report.get("summary", {})
            documents = saved.get(
                "documents", len({a.get("document_id") for a in articles.values()})
            )
            n_articles = saved.get("articles", len(articles))
            warnings = list(saved.get("warnings", []))
        types = Counter(str(d.get("type")) for _, d in G.nodes(data=True))
        predicates = Counter(
            str(d.get("predicate") or k) for _, _, k, d in G.edges(keys=True, data=True)
        )
        return {
            "documents": documents,
            "articles": n_articles,
            "entities": G.number_of_nodes(),
            "entities_by_type": dict(sorted(types.items())),
            "relations": G.number_of_edges(),
            "relations_by_type": dict(sorted(predicates.items())),
            "warnings": warnings,
        }

    def entities(self, type: str | EntityType | None = None) -> list[Entity]:
        """Entities, sorted by id; ``type`` (e.g. ``"Union"``) keeps one type."""
        from kg.graph import provenance_from_dict

        wanted = None if type is None else EntityType(type)
        out = []
        for node, data in sorted(self._graph.nodes(data=True), key=lambda item: str(item[0])):
            etype = EntityType(data["type"])
            if wanted is not None and etype is not wanted:
                continue
            out.append(
                Entity(
                    id=str(node),
                    type=etype,
                    name=str(data.get("name", "")),
                    aliases=tuple(data.get("aliases") or ()),
                    provenance=tuple(provenance_from_dict(p) for p in data.get("provenance") or ()),
                )
            )
        return out

    def relations(
        self,
        predicate: str | RelationType | None = None,
        *,
        head: str | None = None,
        tail: str | None = None,
    ) -> list[Relation]:
        """Relations sorted by (head, predicate, tail); filter by predicate or an end's id."""
        from kg.graph import provenance_from_dict

        wanted = None if predicate is None else RelationType(predicate)
        out = []
        for h, t, key, data in self._graph.edges(keys=True, data=True):
            rtype = RelationType(data.get("predicate") or key)
            if wanted is not None and rtype is not wanted:
                continue
            if (head is not None and h != head) or (tail is not None and t != tail):
                continue
            out.append(
                Relation(
                    head=str(h),
                    predicate=rtype,
                    tail=str(t),
                    evidence=tuple(provenance_from_dict(p) for p in data.get("evidence") or ()),
                    role=data.get("role"),
                    amount=data.get("amount"),
                )
            )
        return sorted(out, key=lambda r: (r.head, r.predicate.value, r.tail, r.role or ""))

    def query(
        self, sparql: str | os.PathLike[str], bind: Mapping[str, Any] | None = None
    ) -> list[dict[str, str]]:
        """Run SPARQL (text, a ``.rq`` file or a bundled query name) → one dict per row.

        ``bind`` values are bound through a SPARQL ``VALUES`` block, never pasted into
        the query text: a ``str`` is a plain literal, an rdflib term is used as is. The
        prefixes ``kg org rdf rdfs skos prov dcterms schema`` are pre-bound.
        """
        from kg.query import run_query

        return run_query(self.to_rdflib(), sparql, bindings=bind).as_dicts()

    def to_networkx(self) -> nx.MultiDiGraph:
        """A copy of the graph model (a ``MultiDiGraph``; attributes as in :mod:`kg.graph`)."""
        return self._graph.copy()

    def to_rdflib(self) -> rdflib.Graph:
        """The RDF export (:func:`kg.rdf.to_rdf`), made once and kept."""
        if self._rdf is None:
            from kg.rdf import to_rdf

            self._rdf = to_rdf(self._graph)
        return self._rdf

    def write(
        self,
        out_dir: str | os.PathLike[str],
        formats: Sequence[str] = ("ttl",),
        *,
        html: bool = True,
    ) -> dict[str, Path]:
        """Write the output set (as ``kg build`` does) into ``out_dir``.

        ``formats``: any of ``ttl``, ``jsonld``, ``nt``, ``graphml``, ``gexf``, ``csv``.
        Returns output name → written path. Byte-identical for the same graph.
        """
        from kg.exports import resolve_formats
        from kg.output import write_outputs
        from kg.pipeline import BuildResult

        result = self._result
        if result is None:
            result = BuildResult(
                documents=[],
                problems=[],
                mentions=[],
                relation_mentions=[],
                entities=self.entities(),
                relations=self.relations(),
                graph=self._graph,
            )
        return write_outputs(result, out_dir, formats=resolve_formats(formats), html=html)

    def view(
        self,
        path: str | os.PathLike[str],
        *,
        focus: str | None = None,
        depth: int = 1,
        types: Iterable[str | EntityType] | None = None,
        title: str = "kg",
    ) -> Path:
        """Write the interactive HTML view to ``path`` (as ``kg view`` does).

        ``focus`` (an entity id, name or alias, simplified or traditional) limits the page
        to that entity's neighbourhood of ``depth`` relations; ``types`` to those entity
        types.

        Raises
        ------
        kg.errors.ViewError
            [E601] ``focus`` matches no entity; [E602] an unknown type.
        """
        from kg.views import write_html
        from kg.views.select import pick_view

        G, node = pick_view(self._graph, focus=focus, depth=depth, types=types)
        return write_html(G, path, title=title, focus=node)

    def find(self, name: str) -> list[str]:
        """Ids of the entities whose id, name or alias matches ``name``, best first.

        Exact matches come first (simplified or traditional); only without one, names
        that contain ``name`` (:func:`kg.views.find_nodes`).
        """
        from kg.views import find_nodes

        return find_nodes(self._graph, name)

    def neighbourhood(self, focus: str, *, depth: int = 1) -> nx.MultiDiGraph:
        """The subgraph within ``depth`` relations of ``focus`` (a name, alias or id).

        Raises
        ------
        kg.errors.ViewError
            [E601] ``focus`` matches no entity, or several equally well.
        """
        from kg.views.select import pick_view

        return pick_view(self._graph, focus=focus, depth=depth)[0]


def build(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    jobs: int | None = None,
    dask: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    full: bool = False,
    progress: Progress | None = None,
    min_confidence: float = 0.0,
    keep_mentions: bool = True,
) -> KnowledgeGraph:
    """Build the knowledge graph of files or folders (``.txt``, ``.md``, ``.html``).

    Parameters
    ----------
    paths
        Files and folders (folders are read recursively).
    jobs
        Worker processes for the per-document analysis (``None`` or 1: in this
        process; ``kg build`` uses every local core).
    dask
        Analyse on Dask instead: ``"local:N"`` (a local cluster of N workers) or a
        scheduler address such as ``"tcp://host:8786"`` (needs ``kg[dask]``).
    cache_dir
        A per-document cache folder (``kg build`` uses ``OUT/.kg-cache``): documents
        already analysed with the same content and pipeline version are not analysed
        again (``result.analysed`` and ``result.cached`` count them).
    full
        Analyse every document again, ignoring (and refreshing) the cache.
    progress
        Called as ``progress(stage, done, total)`` while the build runs.
    min_confidence
        Leave out the entities and relations less certain than this (``kg:confidence``).
    keep_mentions
        Keep every mention in ``result`` (``kg build`` does not, to hold less memory:
        the graph keeps their provenance).

    Returns
    -------
    KnowledgeGraph
        Unreadable files are in ``summary()["warnings"]``; the rest still builds. The
        same inputs give the same graph whatever ``jobs``, ``dask`` or the cache.

    Raises
    ------
    kg.errors.KGError
        [E511]–[E513] ``dask`` unusable; [E514] ``jobs`` below 1.
    """
    from kg.pipeline import build_corpus

    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    result = build_corpus(
        list(paths),
        progress=progress,
        jobs=1 if jobs is None else jobs,
        dask=dask,
        cache_dir=cache_dir,
        full=full,
        min_confidence=min_confidence,
        keep_mentions=keep_mentions,
    )
    return KnowledgeGraph(result.graph, result=result)


def open(path: str | os.PathLike[str]) -> KnowledgeGraph:
    """Open an existing build: a build folder (``kg build -o``) or a graph file.

    Raises
    ------
    kg.errors.QueryError
        [E202] no graph file in the folder, or the file cannot be read.
    """
    from kg import rdf

    source = Path(path)
    report: dict[str, Any] = {}
    if source.is_dir():
        folder = source
        found = [folder / name for name in GRAPH_FILES if (folder / name).is_file()]
        if not found:
            reason = f"no {' / '.join(GRAPH_FILES)} in this folder"
            raise QueryError(Errors.E202.format(path=source, reason=reason))
        source = found[0]
        report_file = folder / "report.json"
        if report_file.is_file():
            report = json.loads(report_file.read_text(encoding="utf-8"))
        if (folder / "store").is_dir() and hasattr(rdf, "open_graph"):
            data = rdf.open_graph(folder)  # the persistent store, where the build made one
            return KnowledgeGraph(rdf.from_rdf(data), rdf=data, report=report)
    data = rdf.parse_graph_file(source)
    return KnowledgeGraph(rdf.from_rdf(data), rdf=data, report=report)
