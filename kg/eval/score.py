"""Score a graph's facts against a gold document: precision, recall, F1.

Matching rules
--------------
Names
    :func:`normalise_name`: NFKC, then every ``“”‘’"《》「」『』〈〉`` and all whitespace
    removed, then case-folded. The *name set* of an entity is its canonical name plus its
    aliases, normalised.
Entities
    A predicted entity can match a gold entity when their name sets intersect. Match
    strength: 3 when the canonical names are equal, 2 when the predicted canonical name
    is a gold alias, 1 for any other overlap. Matching is one-to-one: a maximum-cardinality
    bipartite matching which, among those, maximises total strength (untyped matching
    also prefers, at equal strength, a pair whose types agree). A second predicted node
    for an already matched gold entity is therefore spurious. *Untyped* scores ignore
    type; *typed* scores come from a separate matching that only pairs equal types.
    Ties are broken deterministically (predicted entities in id order, gold in file order).
Duplicate nodes
    Predicted entities left unmatched by the untyped matching whose name set overlaps a
    gold entity that *is* matched (by another predicted node). They are also spurious.
Relations
    Predicted ends are mapped through the *untyped* entity alignment; a predicted relation
    then matches a gold one with the same (head, rel, tail), ``partnerOf`` in either
    direction, one-to-one. A relation with an unaligned end is spurious.
Roles (``memberOf+role``)
    A ``memberOf`` match whose role also matches. A role is split into posts on
    ``、 , ; /`` and whitespace, each post normalised like a name. ``exact`` (default):
    the two post sets are equal, so ``党组书记、常务副主席`` = ``常务副主席、党组书记`` but
    ``主席`` ≠ ``常务副主席``. ``contains``: one post set includes the other (post by post,
    never substrings, so ``主席`` still does not match ``常务副主席``). No role on either
    side matches only no role on the other.
Empty cases
    Precision is 1.0 when nothing was predicted, recall 1.0 when the gold has nothing;
    F1 is their harmonic mean (0.0 when both are 0). So an empty type on both sides
    scores 1.0 and a perfect prediction scores 1.0 on every row.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

import networkx as nx
import rdflib

from kg.eval.gold import GoldDocument, relation_key
from kg.eval.predicted import (
    facts_from_networkx,
    facts_from_rdf,
)
from kg.types import EntityType, RelationType

__all__ = [
    "Counts",
    "EntityItem",
    "EvalReport",
    "RelationItem",
    "RoleMatch",
    "align_entities",
    "micro_average",
    "normalise_name",
    "role_posts",
    "roles_match",
    "score",
]

RoleMatch = Literal["exact", "contains"]
Facts = GoldDocument  # PredictedDocument is the same type

_STRIP = re.compile(r"[“”‘’\"《》「」『』〈〉\s]+")
_POST_SEPARATORS = re.compile(r"[、,;/\s]+")
_MEMBER_ROLE = "memberOf+role"


def normalise_name(name: str) -> str:
    """The form names are compared in.

    Examples
    --------
    >>> normalise_name("“劳模工匠进校园”行动")
    '劳模工匠进校园行动'
    >>> normalise_name("《 吉林 工匠 》（ＡＰＰ）")
    '吉林工匠(app)'
    """
    return _STRIP.sub("", unicodedata.normalize("NFKC", name)).casefold()


def role_posts(role: str | None) -> frozenset[str]:
    """The set of normalised posts in a role string.

    Examples
    --------
    >>> sorted(role_posts("党组书记、常务副主席"))
    ['党组书记', '常务副主席']
    """
    if not role:
        return frozenset()
    parts = _POST_SEPARATORS.split(unicodedata.normalize("NFKC", role))
    return frozenset(p for p in (normalise_name(part) for part in parts) if p)


def roles_match(predicted: str | None, gold: str | None, mode: RoleMatch = "exact") -> bool:
    """Whether a predicted role counts as the gold role (rules in the module doc).

    Examples
    --------
    >>> roles_match("常务副主席、党组书记", "党组书记、常务副主席")
    True
    >>> roles_match("主席", "常务副主席", "contains")
    False
    >>> roles_match("主席", "党组书记、主席", "contains")
    True
    """
    p, g = role_posts(predicted), role_posts(gold)
    if mode == "exact":
        return p == g
    if mode == "contains":
        return p == g or (bool(p) and bool(g) and (p <= g or g <= p))
    raise ValueError(f"unknown role match mode {mode!r}; choose 'exact' or 'contains'")


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives, false negatives; P/R/F1 derived."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class EntityItem:
    """An entity listed in a report's details (a miss, a spurious node, a type error)."""

    document: str
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    note: str = ""

    def describe(self) -> str:
        aliases = f" (aka {', '.join(self.aliases)})" if self.aliases else ""
        note = f"  [{self.note}]" if self.note else ""
        return f"{self.type:<14} {self.name}{aliases}{note}"


@dataclass(frozen=True, slots=True)
class RelationItem:
    """A relation listed in a report's details, ends given by name."""

    document: str
    head: str
    rel: str
    tail: str
    role: str | None = None
    amount: str | None = None
    note: str = ""

    def describe(self) -> str:
        extra = "".join(
            f" {key}={value}"
            for key, value in (("role", self.role), ("amount", self.amount))
            if value
        )
        note = f"  [{self.note}]" if self.note else ""
        return f"{self.head} --{self.rel}--> {self.tail}{extra}{note}"


@dataclass(frozen=True)
class EvalReport:
    """Scores of one document (or of several, see :func:`micro_average`).

    Attributes
    ----------
    entities_typed, entities_untyped
        Entity scores with and without the type condition.
    per_type
        Typed scores by entity type (all eight types, always).
    relations, per_relation
        Relation scores, overall and by relation type (all six, always).
    member_of_role
        ``memberOf`` scores where the role must match too.
    missed_entities, spurious_entities, duplicate_entities, type_errors
        Details from the untyped alignment: gold entities not found, predicted entities
        not matched, the spurious ones that duplicate a matched gold entity, and matched
        pairs whose types differ (the predicted entity, the gold one in ``note``).
    missed_relations, spurious_relations, role_errors
        Gold relations not found, predicted relations not matched, and ``memberOf``
        matches with the wrong role.
    documents
        How many documents the report covers.
    """

    entities_typed: Counts
    entities_untyped: Counts
    per_type: dict[str, Counts]
    relations: Counts
    per_relation: dict[str, Counts]
    member_of_role: Counts
    missed_entities: tuple[EntityItem, ...] = ()
    spurious_entities: tuple[EntityItem, ...] = ()
    duplicate_entities: tuple[EntityItem, ...] = ()
    type_errors: tuple[EntityItem, ...] = ()
    missed_relations: tuple[RelationItem, ...] = ()
    spurious_relations: tuple[RelationItem, ...] = ()
    role_errors: tuple[RelationItem, ...] = ()
    documents: int = 1
    role_match: str = "exact"

    @property
    def duplicates(self) -> int:
        """Number of duplicate nodes (see module doc)."""
        return len(self.duplicate_entities)

    def rows(self) -> list[tuple[str, Counts]]:
        """The table's rows, in display order."""
        rows = [
            ("entities (typed)", self.entities_typed),
            ("entities (untyped)", self.entities_untyped),
        ]
        rows += [(f"  {name}", counts) for name, counts in self.per_type.items()]
        rows.append(("relations", self.relations))
        for name, counts in self.per_relation.items():
            rows.append((f"  {name}", counts))
            if name == RelationType.MEMBER_OF:
                rows.append((f"  {_MEMBER_ROLE}", self.member_of_role))
        return rows

    def format_table(self) -> str:
        """An aligned text table of all scores.

        Examples
        --------
        >>> from kg.eval.gold import GoldDocument
        >>> r = score(GoldDocument((), ()), GoldDocument((), ()))
        >>> r.format_table().splitlines()[1].split()
        ['entities', '(typed)', '0', '0', '0', '1.000', '1.000', '1.000']
        """
        width = max(len(label) for label, _ in self.rows())
        lines = [f"{'':<{width}} {'tp':>6} {'fp':>6} {'fn':>6} {'prec':>6} {'rec':>6} {'f1':>6}"]
        for label, c in self.rows():
            lines.append(
                f"{label:<{width}} {c.tp:>6} {c.fp:>6} {c.fn:>6} "
                f"{c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}"
            )
        lines.append(f"duplicate nodes: {self.duplicates}")
        if self.documents != 1:
            lines.append(f"documents: {self.documents} (micro-average)")
        return "\n".join(lines)

    def format_details(self) -> str:
        """Misses, spurious items, duplicates, type and role errors, one per line."""
        sections: list[tuple[str, Sequence[EntityItem | RelationItem]]] = [
            ("missed entities (gold, not found)", self.missed_entities),
            ("spurious entities (predicted, not in gold)", self.spurious_entities),
            ("wrong type (predicted; gold in brackets)", self.type_errors),
            ("missed relations (gold, not found)", self.missed_relations),
            ("spurious relations (predicted, not in gold)", self.spurious_relations),
            ("wrong role (predicted; gold in brackets)", self.role_errors),
        ]
        documents = {item.document for _, items in sections for item in items}
        lines: list[str] = []
        for title, items in sections:
            lines.append(f"{title}: {len(items)}")
            for item in items:
                prefix = f"{item.document}: " if len(documents) > 1 else ""
                lines.append(f"  {prefix}{item.describe()}")
        return "\n".join(lines)

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        """A JSON-ready dict; with ``details``, the listed items too."""
        data: dict[str, Any] = {
            "documents": self.documents,
            "role_match": self.role_match,
            "entities": {
                "typed": self.entities_typed.to_dict(),
                "untyped": self.entities_untyped.to_dict(),
                "by_type": {k: v.to_dict() for k, v in self.per_type.items()},
            },
            "relations": {
                "all": self.relations.to_dict(),
                "by_relation": {k: v.to_dict() for k, v in self.per_relation.items()},
                _MEMBER_ROLE: self.member_of_role.to_dict(),
            },
            "duplicates": self.duplicates,
        }
        if details:
            data["details"] = {
                name: [_item_dict(item) for item in getattr(self, name)]
                for name in (
                    "missed_entities",
                    "spurious_entities",
                    "duplicate_entities",
                    "type_errors",
                    "missed_relations",
                    "spurious_relations",
                    "role_errors",
                )
            }
        return data


def score(
    predicted: Facts | rdflib.Graph | nx.Graph,
    gold: GoldDocument,
    *,
    role_match: RoleMatch = "exact",
) -> EvalReport:
    """Score predicted facts against one gold document (matching rules in module doc).

    Parameters
    ----------
    predicted
        A :class:`PredictedDocument` (or a gold document, e.g. to score a file against
        itself), or a graph: an exported ``rdflib.Graph`` or the networkx model, converted
        with :func:`facts_from_rdf` / :func:`facts_from_networkx`.
    gold
        From :func:`kg.eval.gold.load_gold` (or :func:`kg.eval.gold.pool_gold`).
    role_match
        ``"exact"`` (default) or ``"contains"``, for the ``memberOf+role`` figure.

    Returns
    -------
    EvalReport

    Examples
    --------
    >>> from kg.eval.gold import GoldDocument, GoldEntity
    >>> g = GoldDocument((GoldEntity("e1", EntityType.UNION, "西安市总工会", ("市总工会",)),), ())
    >>> p = GoldDocument((GoldEntity("n1", EntityType.UNION, "市总工会"),
    ...                   GoldEntity("n2", EntityType.UNION, "西安市总工会")), ())
    >>> r = score(p, g)
    >>> r.entities_untyped, r.duplicates
    (Counts(tp=1, fp=1, fn=0), 1)
    """
    if role_match not in ("exact", "contains"):
        raise ValueError(f"unknown role match mode {role_match!r}; choose 'exact' or 'contains'")
    if isinstance(predicted, rdflib.Graph):
        predicted = facts_from_rdf(predicted)
    elif isinstance(predicted, nx.Graph):
        predicted = facts_from_networkx(predicted)
    doc = gold.source
    pred_entities = sorted(predicted.entities, key=lambda e: e.id)
    gold_entities = list(gold.entities)
    pred_names = [_name_set(e.name, e.aliases) for e in pred_entities]
    gold_names = [_name_set(e.name, e.aliases) for e in gold_entities]

    untyped = _align(pred_entities, gold_entities, pred_names, gold_names, typed=False)
    typed = _align(pred_entities, gold_entities, pred_names, gold_names, typed=True)

    # --- entities -------------------------------------------------------------
    per_type: dict[str, Counts] = {}
    n_pred = Counter(str(e.type) for e in pred_entities)
    n_gold = Counter(str(e.type) for e in gold_entities)
    tp_type = Counter(str(gold_entities[g].type) for g in typed.values())
    for entity_type in EntityType:
        t = str(entity_type)
        per_type[t] = Counts(tp_type[t], n_pred[t] - tp_type[t], n_gold[t] - tp_type[t])
    entities_typed = sum(per_type.values(), Counts())
    entities_untyped = Counts(
        len(untyped), len(pred_entities) - len(untyped), len(gold_entities) - len(untyped)
    )

    matched_gold = set(untyped.values())
    missed_entities = tuple(
        _entity_item(doc, e) for g, e in enumerate(gold_entities) if g not in matched_gold
    )
    gold_index = _name_index(gold_names)
    spurious: list[EntityItem] = []
    duplicates: list[EntityItem] = []
    type_errors: list[EntityItem] = []
    for p, entity in enumerate(pred_entities):
        if p in untyped:
            g = gold_entities[untyped[p]]
            if g.type != entity.type:
                type_errors.append(_entity_item(doc, entity, f"gold: {g.name} ({g.type})"))
            continue
        twins = sorted(
            {g for n in pred_names[p] for g in gold_index.get(n, ()) if g in matched_gold}
        )
        if twins:
            item = _entity_item(
                doc, entity, "duplicate of " + ", ".join(gold_entities[g].name for g in twins)
            )
            duplicates.append(item)
        else:
            item = _entity_item(doc, entity)
        spurious.append(item)

    # --- relations ------------------------------------------------------------
    pred_to_gold = {pred_entities[p].id: gold_entities[g].id for p, g in untyped.items()}
    pred_by_id = {e.id: e for e in pred_entities}
    gold_by_id = {e.id: e for e in gold_entities}
    open_gold: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, rel in enumerate(gold.relations):
        open_gold[relation_key(rel.head, rel.rel, rel.tail)].append(i)

    rel_tp: Counter[str] = Counter()
    rel_fp: Counter[str] = Counter()
    role_tp = 0
    spurious_relations: list[RelationItem] = []
    role_errors: list[RelationItem] = []
    pred_relations = sorted(
        predicted.relations, key=lambda r: (r.head, str(r.rel), r.tail, r.role or "")
    )
    for rel in pred_relations:
        rel_name = str(rel.rel)
        head, tail = pred_to_gold.get(rel.head), pred_to_gold.get(rel.tail)
        candidates = (
            open_gold.get(relation_key(head, rel_name, tail), [])
            if head is not None and tail is not None
            else []
        )
        if not candidates:
            rel_fp[rel_name] += 1
            note = ", ".join(
                f"{end} not in gold"
                for end, mapped in (("head", head), ("tail", tail))
                if mapped is None
            )
            spurious_relations.append(_relation_item(doc, rel, pred_by_id, note))
            continue
        chosen = candidates[0]
        if rel.rel == RelationType.MEMBER_OF:
            good = [
                i for i in candidates if roles_match(rel.role, gold.relations[i].role, role_match)
            ]
            if good:
                chosen = good[0]
                role_tp += 1
            else:
                role_errors.append(
                    _relation_item(
                        doc, rel, pred_by_id, f"gold role: {gold.relations[chosen].role or '-'}"
                    )
                )
        candidates.remove(chosen)
        rel_tp[rel_name] += 1

    n_gold_rel = Counter(str(r.rel) for r in gold.relations)
    per_relation = {
        str(r): Counts(rel_tp[str(r)], rel_fp[str(r)], n_gold_rel[str(r)] - rel_tp[str(r)])
        for r in RelationType
    }
    relations = sum(per_relation.values(), Counts())
    member = RelationType.MEMBER_OF.value
    n_pred_member = sum(1 for r in pred_relations if r.rel == RelationType.MEMBER_OF)
    member_of_role = Counts(role_tp, n_pred_member - role_tp, n_gold_rel[member] - role_tp)
    left = sorted(i for indices in open_gold.values() for i in indices)
    missed_relations = tuple(_relation_item(doc, gold.relations[i], gold_by_id) for i in left)

    return EvalReport(
        entities_typed=entities_typed,
        entities_untyped=entities_untyped,
        per_type=per_type,
        relations=relations,
        per_relation=per_relation,
        member_of_role=member_of_role,
        missed_entities=missed_entities,
        spurious_entities=tuple(spurious),
        duplicate_entities=tuple(duplicates),
        type_errors=tuple(type_errors),
        missed_relations=missed_relations,
        spurious_relations=tuple(spurious_relations),
        role_errors=tuple(role_errors),
        documents=1,
        role_match=role_match,
    )


def micro_average(reports: Iterable[EvalReport]) -> EvalReport:
    """Combine per-document reports: tp/fp/fn summed over documents, details concatenated.

    Raises
    ------
    ValueError
        No reports, or reports made with different ``role_match`` modes.
    """
    reports = list(reports)
    if not reports:
        raise ValueError("micro_average() needs at least one report")
    modes = {r.role_match for r in reports}
    if len(modes) > 1:
        raise ValueError(f"cannot average reports made with different role_match: {modes}")
    first = reports[0]

    def total(attr: str) -> Counts:
        return sum((getattr(r, attr) for r in reports), Counts())

    def concat(attr: str) -> tuple[Any, ...]:
        return tuple(item for r in reports for item in getattr(r, attr))

    return replace(
        first,
        entities_typed=total("entities_typed"),
        entities_untyped=total("entities_untyped"),
        per_type={k: sum((r.per_type[k] for r in reports), Counts()) for k in first.per_type},
        relations=total("relations"),
        per_relation={
            k: sum((r.per_relation[k] for r in reports), Counts()) for k in first.per_relation
        },
        member_of_role=total("member_of_role"),
        missed_entities=concat("missed_entities"),
        spurious_entities=concat("spurious_entities"),
        duplicate_entities=concat("duplicate_entities"),
        type_errors=concat("type_errors"),
        missed_relations=concat("missed_relations"),
        spurious_relations=concat("spurious_relations"),
        role_errors=concat("role_errors"),
        documents=sum(r.documents for r in reports),
    )


# --- alignment --------------------------------------------------------------------------


def align_entities(pred: Sequence[Any], gold: Sequence[Any], *, typed: bool) -> dict[int, int]:
    """The scorer's one-to-one alignment of entities: predicted index → gold index.

    Both sides need ``name``, ``aliases`` and ``type``; names are compared as
    :func:`normalise_name` leaves them (see the module doc for the weights).
    """
    pred_names = [_name_set(e.name, e.aliases) for e in pred]
    gold_names = [_name_set(g.name, g.aliases) for g in gold]
    return _align(pred, gold, pred_names, gold_names, typed=typed)


def _name_set(name: str, aliases: Iterable[str]) -> frozenset[str]:
    return frozenset(n for n in (normalise_name(x) for x in (name, *aliases)) if n)


def _name_index(name_sets: Sequence[frozenset[str]]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, names in enumerate(name_sets):
        for name in sorted(names):
            index[name].append(i)
    return index


def _align(
    pred: Sequence[Any],
    gold: Sequence[Any],
    pred_names: Sequence[frozenset[str]],
    gold_names: Sequence[frozenset[str]],
    *,
    typed: bool,
) -> dict[int, int]:
    """One-to-one alignment predicted index → gold index (see module doc)."""
    index = _name_index(gold_names)
    gold_canonical = [normalise_name(g.name) for g in gold]
    offset = len(pred)
    graph = nx.Graph()
    for p, entity in enumerate(pred):
        canonical = normalise_name(entity.name)
        for g in sorted({g for n in pred_names[p] for g in index.get(n, ())}):
            same_type = gold[g].type == entity.type
            if typed and not same_type:
                continue
            if canonical and canonical == gold_canonical[g]:
                strength = 3
            elif canonical and canonical in gold_names[g]:
                strength = 2
            else:
                strength = 1
            weight = strength if typed else 2 * strength + int(same_type)
            graph.add_edge(p, offset + g, weight=weight)

    alignment: dict[int, int] = {}
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: c[0])
    for nodes in components:
        if len(nodes) == 2:
            pairs: Iterable[tuple[int, int]] = [(nodes[0], nodes[1])]
        else:
            sub = nx.Graph()
            sub.add_nodes_from(nodes)
            sub.add_edges_from(
                sorted((min(u, v), max(u, v), d) for u, v, d in graph.edges(nodes, data=True))
            )
            pairs = nx.max_weight_matching(sub, maxcardinality=True, weight="weight")
        for u, v in pairs:
            p, g = min(u, v), max(u, v)
            alignment[p] = g - offset
    return dict(sorted(alignment.items()))


# --- details ----------------------------------------------------------------------------


def _entity_item(document: str, entity: Any, note: str = "") -> EntityItem:
    return EntityItem(document, entity.id, str(entity.type), entity.name, entity.aliases, note)


def _relation_item(
    document: str, rel: Any, entities: dict[str, Any], note: str = ""
) -> RelationItem:
    def name(entity_id: str) -> str:
        entity = entities.get(entity_id)
        return entity.name if entity is not None else entity_id

    return RelationItem(
        document, name(rel.head), str(rel.rel), name(rel.tail), rel.role, rel.amount, note
    )


def _item_dict(item: EntityItem | RelationItem) -> dict[str, Any]:
    if isinstance(item, EntityItem):
        return {
            "document": item.document,
            "id": item.id,
            "type": item.type,
            "name": item.name,
            "aliases": list(item.aliases),
            "note": item.note,
        }
    return {
        "document": item.document,
        "head": item.head,
        "rel": item.rel,
        "tail": item.tail,
        "role": item.role,
        "amount": item.amount,
        "note": item.note,
    }
