"""CSV for ``neo4j-admin database import``: ``nodes.csv`` and ``relationships.csv``.

Headers follow Neo4j's import format: ``id:ID``, ``:LABEL`` (the entity type, plus
``Organization`` for its four subtypes), ``aliases:string[]`` (``;``-separated),
``:START_ID``, ``:END_ID``, ``:TYPE`` (the predicate in Neo4j's UPPER_SNAKE style, e.g.
``MEMBER_OF``). Import with::

    neo4j-admin database import full --nodes=OUT/neo4j/nodes.csv \\
        --relationships=OUT/neo4j/relationships.csv neo4j
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from pathlib import Path

import networkx as nx

from kg.exports.table import LIST_SEPARATOR, export_graph
from kg.types import EntityType

__all__ = ["NODE_HEADER", "RELATIONSHIP_HEADER", "neo4j_csv", "neo4j_type", "write_neo4j_csv"]

NODE_HEADER = ("id:ID", "name", "aliases:string[]", "community:int", ":LABEL")
RELATIONSHIP_HEADER = (":START_ID", ":END_ID", ":TYPE", "role", "amount", "evidence:int")


def neo4j_type(predicate: str) -> str:
    """A predicate as a Neo4j relationship type.

    >>> neo4j_type("subOrganizationOf")
    'SUB_ORGANIZATION_OF'
    """
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", predicate).upper()


def _labels(type_: str) -> str:
    labels = [type_]
    known = type_ in {t.value for t in EntityType}
    if known and EntityType(type_).is_organisation and type_ != EntityType.ORGANIZATION:
        labels.append(EntityType.ORGANIZATION.value)
    return LIST_SEPARATOR.join(labels)


def _csv(header: tuple[str, ...], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def neo4j_csv(G: nx.MultiDiGraph) -> dict[str, bytes]:
    """``{"nodes.csv": …, "relationships.csv": …}`` for ``G``.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, EntityType as E, Relation, RelationType as R
    >>> G = build_graph([Entity("Union/西安市总工会", E.UNION, "西安市总工会"),
    ...                  Entity("Person/王雷", E.PERSON, "王雷")],
    ...                 [Relation("Person/王雷", R.MEMBER_OF, "Union/西安市总工会", role="主席")])
    >>> print(neo4j_csv(G)["relationships.csv"].decode())
    :START_ID,:END_ID,:TYPE,role,amount,evidence:int,confidence:float
    Person/王雷,Union/西安市总工会,MEMBER_OF,主席,,0,0.99
    <BLANKLINE>
    """
    H = export_graph(G)
    optional_node = any("confidence" in d for _, d in H.nodes(data=True))
    optional_edge = any("confidence" in d for _, _, d in H.edges(data=True))
    node_header = NODE_HEADER + (("confidence:float",) if optional_node else ())
    edge_header = RELATIONSHIP_HEADER + (("confidence:float",) if optional_edge else ())
    nodes = []
    for node, d in H.nodes(data=True):
        row: list[object] = [node, d["name"], d["aliases"], d["community"], _labels(d["type"])]
        if optional_node:
            row.append(d.get("confidence", ""))
        nodes.append(row)
    edges = []
    for head, tail, d in H.edges(data=True):
        row = [head, tail, neo4j_type(d["predicate"]), d["role"], d["amount"], d["evidence"]]
        if optional_edge:
            row.append(d.get("confidence", ""))
        edges.append(row)
    return {"nodes.csv": _csv(node_header, nodes), "relationships.csv": _csv(edge_header, edges)}


def write_neo4j_csv(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the folder ``path`` with ``nodes.csv`` and ``relationships.csv``.

    The folder is filled beside the target and renamed into place, replacing an old one.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for name, data in neo4j_csv(G).items():
            (staging / name).write_bytes(data)
        staging.chmod(0o755)
        if target.is_dir() and not target.is_symlink():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            os.replace(target, old / target.name)
            os.replace(staging, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
