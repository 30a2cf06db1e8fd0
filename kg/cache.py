"""The per-document cache: each document's analysis under ``OUT/.kg-cache/``.

An entry is keyed by the document's content hash, its id and source, and the pipeline
version (a hash of every file of the installed ``kg`` package, code and data: lexicons,
gazetteer, rules, any learned weights; with the versions of Python and of kg's runtime
requirements: jieba and its dictionary, spaCy, OpenCC, the ingest parsers), so a changed
lexicon, rule, model or library invalidates every entry. Entries are JSON (never pickle:
a cache folder may come from elsewhere), written atomically; an entry that is missing,
partial, unreadable or for another key is not used, and the document is analysed again.
Entries are not forced to the disk one by one (no ``fsync``): one that a crash of the
machine left cut is such a partial entry.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass
from enum import Enum
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from kg.io import atomic_write_bytes
from kg.types import Document, EntityType, IngestProblem, Mention, RelationMention

__all__ = [
    "CACHE_DIR",
    "DocumentAnalysis",
    "DocumentCache",
    "cache_key",
    "compact",
    "decode_analysis",
    "encode_analysis",
    "encode_entry",
    "pipeline_version",
    "read_entry",
]

log = logging.getLogger(__name__)

CACHE_DIR = ".kg-cache"
_FORMAT = 2  # 2: dataclasses as arrays of their fields


@dataclass(frozen=True, slots=True)
class DocumentAnalysis:
    """The map step's result for one document: what the reduce step needs, no more.

    ``document`` keeps its metadata and articles but no text: each article keeps only
    the sentences that hold a mention (the resolver's context and the provenance), so
    the reduce step's memory follows the facts, not the corpus text. ``names`` holds,
    for each mention in order, the (type, name) the resolver's per-document step gives
    it (:func:`kg.resolve.document_names`), so the reduce step does not work it out
    again; empty when not known. ``problem`` is set (and the rest empty) when the file
    could not be read.
    """

    document: Document | None
    characters: int = 0
    mentions: tuple[Mention, ...] = ()
    relation_mentions: tuple[RelationMention, ...] = ()
    problem: IngestProblem | None = None
    names: tuple[tuple[EntityType, str], ...] = ()


@cache
def pipeline_version() -> str:
    """A hash of the installed ``kg`` package (every file, code and data) and of the
    libraries whose output the analysis depends on.

    Examples
    --------
    >>> len(pipeline_version())
    64
    """
    digest = hashlib.sha256()
    for name in ("kg", *_requirements()):
        try:
            digest.update(f"{name}={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=?\n".encode())
    digest.update(f"python={sys.version_info[:2]}\n".encode())
    root = resources.files("kg")
    for rel, data in sorted(_package_files(root, "")):
        digest.update(f"{rel}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _requirements() -> list[str]:
    """The names of kg's runtime requirements (jieba, spaCy, OpenCC, the ingest parsers
    …): a new version of any of them may change an analysis."""
    try:
        requires = metadata.requires("kg") or []
    except metadata.PackageNotFoundError:
        return ["jieba", "lxml", "spacy"]
    names = {"lxml"} | {
        re.match(r"[A-Za-z0-9._-]+", req).group(0).lower()
        for req in requires
        if "extra ==" not in req
    }
    return sorted(names)


def _package_files(node: Any, prefix: str) -> list[tuple[str, bytes]]:
    out = []
    for child in node.iterdir():
        name = child.name
        if name == "__pycache__" or name.endswith((".pyc", ".pyo")):
            continue
        rel = f"{prefix}{name}"
        if child.is_dir():
            out.extend(_package_files(child, rel + "/"))
        elif child.is_file():
            out.append((rel, child.read_bytes()))
    return out


def cache_key(content: bytes, document_id: str, source: str, fmt: str) -> str:
    """The entry key of one file's analysis (content, identity and pipeline version)."""
    digest = hashlib.sha256()
    for part in (pipeline_version(), document_id, source, fmt):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


class DocumentCache:
    """Entries under ``root`` (normally ``OUT/.kg-cache``), one JSON file per key."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.dir = self.root / f"v{_FORMAT}"

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str) -> DocumentAnalysis | None:
        """The cached analysis, or None when there is no complete, valid entry."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            return read_entry(data, key)
        except _BAD as err:
            log.warning("ignoring a bad cache entry %s: %s", path, err)
            return None

    def put(self, key: str, analysis: DocumentAnalysis) -> DocumentAnalysis:
        """Write one entry atomically (a reader sees the whole entry or none).

        Returns the analysis as the entry reads back (:func:`compact`), for the caller to
        keep instead of the one it gave: the same values in less memory.
        """
        encoded = encode_analysis(analysis)
        atomic_write_bytes(self._path(key), _entry_bytes(key, encoded), durable=False)
        return decode_analysis(encoded)

    def put_entry(self, key: str, data: bytes) -> DocumentAnalysis:
        """Write an entry made by :func:`encode_entry` (in a worker process, say) as
        :meth:`put` does; the analysis it holds is returned."""
        analysis = read_entry(data, key)  # never write what would not read back
        atomic_write_bytes(self._path(key), data, durable=False)
        return analysis

    def prune(self, keep: set[str]) -> int:
        """Delete every entry not in ``keep`` and leftovers of interrupted writes; the
        number of files deleted."""
        if not self.dir.is_dir():
            return 0
        removed = 0
        for path in self.dir.glob("*/*"):
            stale = path.name.startswith(".") or path.name.removesuffix(".json") not in keep
            if stale and path.is_file():
                path.unlink(missing_ok=True)
                removed += 1
        return removed


# --- JSON codec guided by the dataclasses' type hints ------------------------------
#
# A dataclass is written as a JSON array of its fields in declaration order, not as an
# object: entries are about half the size, and reading one is a call of the class on
# the array after converting only the fields that are not plain JSON values (enums,
# nested dataclasses, tuples). The order cannot drift from the code: the cache key
# covers every file of the package (:func:`pipeline_version`).


def encode_entry(key: str | None, analysis: DocumentAnalysis) -> bytes:
    """The cache entry of ``analysis`` under ``key``, as bytes: what a worker process
    hands back to the build process (see ``kg.pipeline``), which reads it with
    :func:`read_entry`.

    Examples
    --------
    >>> from kg.types import EntityType, Mention
    >>> a = DocumentAnalysis(None, 4, mentions=(Mention("市总", EntityType.UNION, 0, 2, "d-a01"),))
    >>> read_entry(encode_entry("k", a), "k") == a
    True
    """
    return _entry_bytes(key, encode_analysis(analysis))


def read_entry(data: bytes, key: str | None) -> DocumentAnalysis:
    """The analysis in an entry made by :func:`encode_entry`.

    Raises ``ValueError`` (or another of ``TypeError``, ``KeyError``, ``IndexError``,
    ``AttributeError``) when the bytes are no complete entry of this format for ``key``.
    """
    entry = json.loads(data)
    if type(entry) is not dict or entry.get("format") != _FORMAT or entry.get("key") != key:
        raise ValueError("entry for another key or format")
    return decode_analysis(entry["analysis"])


def _entry_bytes(key: str | None, encoded: dict) -> bytes:
    entry = {"format": _FORMAT, "key": key, "analysis": encoded}
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encode_analysis(analysis: DocumentAnalysis) -> dict:
    """A JSON-ready dict; relation ends are indices into the mention list."""
    index = {m: i for i, m in enumerate(analysis.mentions)}
    return {
        "document": _encode(analysis.document, {}),
        "characters": analysis.characters,
        "mentions": [_encode(m, {}) for m in analysis.mentions],
        "relation_mentions": [_encode(r, index) for r in analysis.relation_mentions],
        "problem": _encode(analysis.problem, {}),
        "names": [[label.value, name] for label, name in analysis.names],
    }


def compact(analysis: DocumentAnalysis) -> DocumentAnalysis:
    """The same analysis with its equal strings made one object, as a cache entry reads
    back: a worker's result holds separate copies (of a sentence in its evidence and its
    article, of a name in each mention), about a third of its memory in a big build.

    Examples
    --------
    >>> from kg.types import EntityType, Mention
    >>> article = "".join(["d-", "a01"])  # equal to "d-a01", another object
    >>> first = Mention("市总", EntityType.UNION, 0, 2, article)
    >>> second = Mention("工会", EntityType.UNION, 4, 6, "d-a01")
    >>> a = DocumentAnalysis(None, mentions=(first, second))
    >>> c = compact(a)
    >>> c == a, c.mentions[0].article_id is c.mentions[1].article_id
    (True, True)
    """
    return decode_analysis(encode_analysis(analysis))


def decode_analysis(data: dict) -> DocumentAnalysis:
    """Inverse of :func:`encode_analysis`; equal strings become one object."""
    strings: dict[str, str] = {}
    mention = _decoder(Mention)
    mentions = tuple([mention(m, strings, ()) for m in data["mentions"]])
    relation = _decoder(RelationMention)
    labels = _enum_members(EntityType)
    return DocumentAnalysis(
        document=_decoder(Document | None)(data["document"], strings, mentions),
        characters=int(data["characters"]),
        mentions=mentions,
        relation_mentions=tuple(
            [relation(r, strings, mentions) for r in data["relation_mentions"]]
        ),
        problem=_decoder(IngestProblem | None)(data["problem"], strings, mentions),
        names=tuple(
            [(labels[label], strings.setdefault(name, name)) for label, name in data["names"]]
        ),
    )


_PLAIN = frozenset({str, int, float, bool, type(None)})


def _encode(value: Any, mention_index: dict[Mention, int]) -> Any:
    kind = type(value)
    if kind in _PLAIN:  # most values: no isinstance chain (an Enum is never plain)
        return value
    if isinstance(value, Mention) and value in mention_index:
        return mention_index[value]
    names = _field_names(kind)
    if names is not None:
        return [_encode(getattr(value, name), mention_index) for name in names]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_encode(v, mention_index) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v, mention_index) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "isoformat"):  # dates on article metadata
        return value.isoformat()
    raise TypeError(f"cannot cache a {type(value).__name__}")


@cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, None for any other type."""
    return tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _enum_members(tp: type[Enum]) -> dict[Any, Enum]:
    return {member.value: member for member in tp}


_Decoder = Callable[[Any, dict[str, str], tuple[Mention, ...]], Any]
_BAD = (TypeError, ValueError, KeyError, AttributeError, IndexError)


def _as_is(value: Any, strings: dict[str, str], mentions: tuple[Mention, ...]) -> Any:
    return value


def _as_float(value: Any, strings: dict[str, str], mentions: tuple[Mention, ...]) -> Any:
    # JSON writes 1.0 as 1.0, but a float field may have been given an int
    return float(value) if type(value) is int else value


def _as_string(value: Any, strings: dict[str, str], mentions: tuple[Mention, ...]) -> Any:
    return strings.setdefault(value, value) if type(value) is str else value


@cache
def _decoder(tp: Any) -> _Decoder:
    """The decoding function of one type, built once from its hints (so a value is not
    matched against every kind of type again). Plain JSON values come back as they are
    (:func:`_as_is`): a dataclass's decoder skips those fields."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or isinstance(tp, types.UnionType):
        args = typing.get_args(tp)
        if all(a in _PLAIN for a in args):
            if str in args:
                return _as_string
            return _as_float if float in args else _as_is
        options = [_decoder(a) for a in args if a is not type(None)]
        if len(options) == 1:
            (option,) = options
            return lambda value, s, m: None if value is None else option(value, s, m)

        def union(value, strings, mentions):
            if value is None:
                return None
            for option in options:
                try:
                    return option(value, strings, mentions)
                except _BAD:
                    continue
            raise ValueError(f"no type of {tp} fits {value!r}")

        return union
    if isinstance(tp, type) and is_dataclass(tp):
        return _dataclass_decoder(tp)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            if item is _as_is:
                return lambda value, s, m: tuple(value)
            return lambda value, s, m: tuple([item(v, s, m) for v in value])
        items = [_decoder(a) for a in args]
        return lambda value, s, m: tuple([d(v, s, m) for d, v in zip(items, value, strict=True)])
    if origin is list:
        (arg,) = typing.get_args(tp)
        item = _decoder(arg)
        return lambda value, s, m: [item(v, s, m) for v in value]
    if origin is dict:
        _, arg = typing.get_args(tp)
        item = _decoder(arg)
        return lambda value, s, m: {k: item(v, s, m) for k, v in value.items()}
    if isinstance(tp, type) and issubclass(tp, Enum):
        members = _enum_members(tp)
        return lambda value, s, m: members[value]
    if tp is str:
        return _as_string
    if tp is float:
        return _as_float
    if tp in _PLAIN:
        return _as_is
    if hasattr(tp, "fromisoformat"):
        return lambda value, s, m: tp.fromisoformat(value)
    raise TypeError(f"cannot decode a {tp}")


def _dataclass_decoder(tp: type) -> _Decoder:
    names = _field_names(tp)
    size = len(names)
    texts: list[int] = []  # positions of the string fields (each string kept once)
    steps: list[tuple[int, _Decoder]] = []  # other fields to convert, with their decoder
    ready: list[bool] = []
    is_mention = tp is Mention

    def dataclass(row, strings, mentions):
        if is_mention and type(row) is int:
            return mentions[row]
        if type(row) is not list or len(row) != size:
            raise TypeError(f"{tp.__name__} expects an array of its {size} fields")
        if not ready:  # on first use: the hints may name this class itself
            hints = _hints(tp)
            for position, name in enumerate(names):
                decode = _decoder(hints[name])
                if decode is _as_string:
                    texts.append(position)
                elif decode is not _as_is:
                    steps.append((position, decode))
            ready.append(True)
        keep = strings.setdefault
        for position in texts:
            value = row[position]
            row[position] = keep(value, value)
        for position, decode in steps:
            row[position] = decode(row[position], strings, mentions)
        return tp(*row)

    return dataclass
