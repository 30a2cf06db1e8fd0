"""Score a built graph against gold annotations (GUIDELINES.md in the shared gold folder).

Typical use::

    from kg.eval import facts_from_rdf, load_gold, load_graph, score

    report = score(facts_from_rdf(load_graph("build/graph.ttl")), load_gold("gold/000.jsonl"))
    print(report.format_table())

Matching rules are documented in :mod:`kg.eval.score`.
"""

from __future__ import annotations

from kg.eval.gold import (
    GoldDocument,
    GoldEntity,
    GoldRelation,
    load_gold,
    parse_gold,
    pool_gold,
)
from kg.eval.predicted import (
    GraphReadError,
    PredictedDocument,
    PredictedEntity,
    PredictedRelation,
    facts_from_networkx,
    facts_from_rdf,
    load_graph,
)
from kg.eval.score import (
    Counts,
    EntityItem,
    EvalReport,
    RelationItem,
    RoleMatch,
    micro_average,
    normalise_name,
    roles_match,
    score,
)

__all__ = [
    "Counts",
    "EntityItem",
    "EvalReport",
    "GoldDocument",
    "GoldEntity",
    "GoldRelation",
    "GraphReadError",
    "PredictedDocument",
    "PredictedEntity",
    "PredictedRelation",
    "RelationItem",
    "RoleMatch",
    "facts_from_networkx",
    "facts_from_rdf",
    "load_gold",
    "load_graph",
    "micro_average",
    "normalise_name",
    "parse_gold",
    "pool_gold",
    "roles_match",
    "score",
]
