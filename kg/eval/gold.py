"""Read and validate gold files (one JSONL file per input document, see GUIDELINES.md).

A gold file is a *bag of facts*: one line per entity (canonical name plus aliases) and
one line per relation between entity ids. :func:`load_gold` checks every line and raises
:class:`kg.errors.GoldFormatError` naming the file and the line of the first problem.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from kg.errors import Errors, GoldFormatError
from kg.types import EntityType, RelationType

__all__ = [
    "AMOUNT_RELATIONS",
    "GoldDocument",
    "GoldEntity",
    "GoldRelation",
    "load_gold",
    "parse_gold",
    "pool_gold",
    "relation_key",
]

#: Relations that may carry an ``amount`` (GUIDELINES.md).
AMOUNT_RELATIONS = frozenset({RelationType.ESTABLISHES, RelationType.ORGANIZES})

_ENTITY_KEYS = frozenset({"kind", "id", "type", "name", "aliases"})
_RELATION_KEYS = frozenset({"kind", "head", "rel", "tail", "role", "amount"})
_ENTITY_TYPES = {t.value: t for t in EntityType}
_RELATION_TYPES = {r.value: r for r in RelationType}


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """One real-world thing of the gold: canonical ``name`` plus every other surface form.

    Examples
    --------
    >>> e = GoldEntity("e1", EntityType.UNION, "杭州市总工会", ("市总工会",))
    >>> e.names
    ('杭州市总工会', '市总工会')
    """

    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Canonical name first, then the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """A relation between two gold entities (by :attr:`GoldEntity.id`)."""

    head: str
    rel: RelationType
    tail: str
    role: str | None = None
    amount: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """The facts of one gold file (or of several, pooled by :func:`pool_gold`).

    ``source`` is the file the facts come from (a label; empty when built in memory).
    """

    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    source: str = ""

    def entity(self, entity_id: str) -> GoldEntity:
        """The entity with this id.

        Raises
        ------
        KeyError
            No entity has that id.
        """
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)


def load_gold(path: str | os.PathLike[str]) -> GoldDocument:
    """Read and validate one gold JSONL file.

    Parameters
    ----------
    path
        A ``.jsonl`` file following GUIDELINES.md (UTF-8, a BOM is tolerated; blank
        lines are skipped).

    Returns
    -------
    GoldDocument
        Entities and relations in file order; ``source`` is ``str(path)``.

    Raises
    ------
    GoldFormatError
        The file is missing or unreadable, or a line is not valid: bad JSON, unknown
        ``kind``/``type``/``rel``, missing or unknown fields, duplicate entity id or
        relation, a relation naming an id no entity line defines, ``role`` on a relation
        other than ``memberOf``, ``amount`` on one other than ``establishes``/``organizes``.
        The message names the file and the line (``[E301] path: line N: reason``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.jsonl"
    >>> _ = p.write_text('{"kind": "entity", "id": "e1", "type": "Place", '
    ...                  '"name": "吉林省", "aliases": ["吉林"]}\\n', encoding="utf-8")
    >>> load_gold(p).entities[0].aliases
    ('吉林',)
    """
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GoldFormatError(Errors.E302.format(path=source)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(Errors.E303.format(path=source, reason=exc)) from exc
    return parse_gold(text.splitlines(), source=source)


def parse_gold(lines: Iterable[str], source: str = "<gold>") -> GoldDocument:
    """Validate gold lines already in memory (what :func:`load_gold` does after reading).

    Parameters
    ----------
    lines
        The file's lines; line numbers in errors count from 1.
    source
        The name used in error messages and as :attr:`GoldDocument.source`.

    Raises
    ------
    GoldFormatError
        See :func:`load_gold`.
    """
    entities: list[GoldEntity] = []
    entity_lines: dict[str, int] = {}
    relations: list[tuple[int, GoldRelation]] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            _fail(source, number, f"invalid JSON ({exc.msg} at column {exc.colno})")
        if not isinstance(record, dict):
            _fail(source, number, f"expected a JSON object, got {type(record).__name__}")
        kind = record.get("kind")
        if kind == "entity":
            entity = _parse_entity(record, source, number)
            if entity.id in entity_lines:
                _fail(
                    source,
                    number,
                    f"duplicate entity id {entity.id!r} (first defined on line "
                    f"{entity_lines[entity.id]})",
                )
            entity_lines[entity.id] = number
            entities.append(entity)
        elif kind == "relation":
            relations.append((number, _parse_relation(record, source, number)))
        else:
            _fail(source, number, f"unknown kind {kind!r} (expected 'entity' or 'relation')")

    seen: dict[tuple[str, str, str], int] = {}
    for number, rel in relations:
        for end in (rel.head, rel.tail):
            if end not in entity_lines:
                _fail(source, number, f"relation refers to unknown entity id {end!r}")
        key = relation_key(rel.head, rel.rel, rel.tail)
        if key in seen:
            _fail(
                source,
                number,
                f"duplicate relation {rel.head} {rel.rel} {rel.tail} (also on line {seen[key]}); "
                "join several posts into one role with 、",
            )
        seen[key] = number
    return GoldDocument(tuple(entities), tuple(rel for _, rel in relations), source)


def pool_gold(documents: Sequence[GoldDocument]) -> GoldDocument:
    """Pool several gold documents into one bag of facts.

    Entity ids are prefixed with the source file's stem (``000_x:e12``) so they stay
    unique; a single document is returned unchanged.

    Parameters
    ----------
    documents
        Loaded gold documents.

    Returns
    -------
    GoldDocument
        ``source`` is the sources joined with ``+``.
    """
    if len(documents) == 1:
        return documents[0]
    prefixes = _unique_prefixes(documents)
    entities: list[GoldEntity] = []
    relations: list[GoldRelation] = []
    for prefix, doc in zip(prefixes, documents, strict=True):
        entities.extend(
            GoldEntity(f"{prefix}:{e.id}", e.type, e.name, e.aliases) for e in doc.entities
        )
        relations.extend(
            GoldRelation(f"{prefix}:{r.head}", r.rel, f"{prefix}:{r.tail}", r.role, r.amount)
            for r in doc.relations
        )
    return GoldDocument(
        tuple(entities), tuple(relations), "+".join(doc.source for doc in documents)
    )


def relation_key(head: str, rel: str, tail: str) -> tuple[str, str, str]:
    """Identity of a relation: ``partnerOf`` is symmetric, so its ends are sorted."""
    if rel == RelationType.PARTNER_OF and tail < head:
        head, tail = tail, head
    return (head, str(rel), tail)


def _parse_entity(record: dict[str, Any], source: str, number: int) -> GoldEntity:
    _check_keys(record, _ENTITY_KEYS, {"id", "type", "name"}, source, number)
    entity_id = _string(record, "id", source, number)
    type_name = _string(record, "type", source, number)
    if type_name not in _ENTITY_TYPES:
        _fail(
            source,
            number,
            f"unknown entity type {type_name!r} (expected one of {', '.join(_ENTITY_TYPES)})",
        )
    name = _string(record, "name", source, number)
    aliases = record.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        _fail(source, number, "'aliases' must be a list of non-empty strings")
    return GoldEntity(entity_id, _ENTITY_TYPES[type_name], name, tuple(aliases))


def _parse_relation(record: dict[str, Any], source: str, number: int) -> GoldRelation:
    _check_keys(record, _RELATION_KEYS, {"head", "rel", "tail"}, source, number)
    head = _string(record, "head", source, number)
    tail = _string(record, "tail", source, number)
    rel_name = _string(record, "rel", source, number)
    if rel_name not in _RELATION_TYPES:
        _fail(
            source,
            number,
            f"unknown relation {rel_name!r} (expected one of {', '.join(_RELATION_TYPES)})",
        )
    rel = _RELATION_TYPES[rel_name]
    role = _string(record, "role", source, number) if "role" in record else None
    amount = _string(record, "amount", source, number) if "amount" in record else None
    if role is not None and rel != RelationType.MEMBER_OF:
        _fail(source, number, f"'role' is only allowed on memberOf, not on {rel_name}")
    if amount is not None and rel not in AMOUNT_RELATIONS:
        _fail(source, number, f"'amount' is only allowed on establishes/organizes, not {rel_name}")
    return GoldRelation(head, rel, tail, role, amount)


def _check_keys(
    record: dict[str, Any],
    allowed: frozenset[str],
    required: set[str],
    source: str,
    number: int,
) -> None:
    missing = sorted(required - record.keys())
    if missing:
        _fail(source, number, f"missing field(s) {', '.join(missing)}")
    unknown = sorted(record.keys() - allowed)
    if unknown:
        _fail(source, number, f"unknown field(s) {', '.join(unknown)}")


def _string(record: dict[str, Any], key: str, source: str, number: int) -> str:
    value = record[key]
    if not isinstance(value, str) or not value.strip():
        _fail(source, number, f"{key!r} must be a non-empty string, got {value!r}")
    return value


def _fail(source: str, number: int, reason: str) -> NoReturn:
    raise GoldFormatError(Errors.E301.format(path=source, line=number, reason=reason))


def _unique_prefixes(documents: Sequence[GoldDocument]) -> list[str]:
    stems = [Path(doc.source).stem if doc.source else "" for doc in documents]
    if all(stems) and len(set(stems)) == len(stems):
        return stems
    return [f"{i}" for i in range(len(documents))]
