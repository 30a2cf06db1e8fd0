"""Analyses of the graph model: each takes a ``MultiDiGraph`` and returns plain data.

One concept per module (after ``networkx.algorithms``): :mod:`.summary` (counts),
:mod:`.centrality`, :mod:`.communities`, :mod:`.places` (``locatedIn`` chains),
:mod:`.spread` (programmes by place), :mod:`.hierarchy` (``subOrganizationOf`` forest),
:mod:`.people` (posts), :mod:`.projection` (the undirected view they share).
"""

from __future__ import annotations

from kg.analysis.centrality import central_actors
from kg.analysis.communities import actor_communities
from kg.analysis.hierarchy import tree_lines, union_tree
from kg.analysis.people import people_posts
from kg.analysis.places import (
    PROVINCE_LEVEL_CITIES,
    is_province_level,
    located_places,
    place_ancestors,
    province_of,
)
from kg.analysis.projection import (
    ACTOR_TYPES,
    nodes_of_types,
    type_filter,
    undirected_projection,
)
from kg.analysis.spread import programme_places, programme_spread, unplaced_programmes
from kg.analysis.summary import predicate_counts, type_counts

__all__ = [
    "ACTOR_TYPES",
    "PROVINCE_LEVEL_CITIES",
    "actor_communities",
    "central_actors",
    "is_province_level",
    "located_places",
    "nodes_of_types",
    "people_posts",
    "place_ancestors",
    "predicate_counts",
    "programme_places",
    "programme_spread",
    "province_of",
    "tree_lines",
    "type_counts",
    "type_filter",
    "undirected_projection",
    "union_tree",
    "unplaced_programmes",
]
