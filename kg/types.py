"""The few types the pipeline stages share.

Offsets are character offsets into :attr:`Document.text` (the decoded text after PDF
line-break repair); :attr:`Document.analysis_text` has the same length, so an offset
means the same character in both.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Article",
    "Document",
    "Entity",
    "EntityType",
    "IngestProblem",
    "Mention",
    "Provenance",
    "Relation",
    "RelationMention",
    "RelationType",
    "Sentence",
]


class EntityType(StrEnum):
    """Entity classes of the exported graph (local names in the ontology)."""

    UNION = "Union"
    ENTERPRISE = "Enterprise"
    GOVERNMENT_BODY = "GovernmentBody"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    PROGRAMME = "Programme"
    PLACE = "Place"
    EVENT = "Event"

    @property
    def is_organisation(self) -> bool:
        return self in _ORGANISATIONS


_ORGANISATIONS = frozenset(
    {
        EntityType.UNION,
        EntityType.ENTERPRISE,
        EntityType.GOVERNMENT_BODY,
        EntityType.ORGANIZATION,
    }
)


class RelationType(StrEnum):
    """Relation properties of the exported graph (local names in the ontology)."""

    MEMBER_OF = "memberOf"
    SUB_ORGANIZATION_OF = "subOrganizationOf"
    ESTABLISHES = "establishes"
    ORGANIZES = "organizes"
    PARTNER_OF = "partnerOf"
    LOCATED_IN = "locatedIn"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article; offsets into the document text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One news article cut from a page.

    ``id`` is stable: it depends only on the document id and the article's position.
    ``text`` is the article's original text (line breaks repaired), ``analysis_text`` the
    same characters normalised to simplified Chinese (same length as ``text``).
    """

    id: str
    document_id: str
    source: str
    headline: str
    start: int
    end: int
    text: str
    analysis_text: str
    sentences: tuple[Sentence, ...] = ()
    byline: str = ""
    #: publication date, ISO 8601: ``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when only
    #: that is known ("" when unknown)
    date: str = ""
    publisher: str = ""  # the newspaper or site that published the page (工人日报)
    source_name: str = ""  # the outlet the text comes from, its "来源" (may differ)
    author: str = ""
    page: int | None = None  # PDF page (1-based) the article starts on


@dataclass(frozen=True, slots=True)
class Document:
    """One input file, decoded and repaired, split into articles."""

    id: str
    source: str
    encoding: str
    text: str
    analysis_text: str
    articles: tuple[Article, ...] = ()


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """A file that could not be read; the rest of the corpus still builds."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Provenance(Mapping[str, str | int]):
    """Where a fact comes from: an article and one sentence in it.

    Also a read-only mapping of its fields, so the graph model keeps these objects on its
    nodes and edges (``p["sentence"]``, ``p.get("start")``, ``dict(p)``) instead of a dict
    per piece of evidence, which cost three times the memory on a big corpus.

    Examples
    --------
    >>> p = Provenance("d1", "d1-a01", "市总工会成立。", 0, 7)
    >>> p["article_id"], dict(p)["end"], list(p)[:2]
    ('d1-a01', 7, ['document_id', 'article_id'])
    """

    document_id: str
    article_id: str
    sentence: str
    start: int
    end: int

    def __getitem__(self, key: str) -> str | int:
        if key not in _PROVENANCE_FIELDS:
            raise KeyError(key)
        return getattr(self, key)  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(_PROVENANCE_FIELDS)

    def __len__(self) -> int:
        return len(_PROVENANCE_FIELDS)


_PROVENANCE_FIELDS = ("document_id", "article_id", "sentence", "start", "end")


@dataclass(frozen=True, slots=True)
class Mention:
    """A typed span of text that names an entity.

    ``text`` is the surface form (simplified); ``name`` is the form to use as a name
    (quotes stripped, e.g. ``“劳模工匠进校园”行动`` → ``劳模工匠进校园行动``).
    ``start``/``end`` are document offsets.
    """

    text: str
    label: EntityType
    start: int
    end: int
    article_id: str
    name: str = ""
    rule: str = ""
    #: the decision layer's probability that this span is an entity (None: rules only)
    confidence: float | None = field(default=None, compare=False)

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.article_id, self.start, self.end)

    @property
    def display_name(self) -> str:
        return self.name or self.text


@dataclass(frozen=True, slots=True)
class RelationMention:
    """A relation between two mentions, found in one sentence."""

    head: Mention
    predicate: RelationType
    tail: Mention
    evidence: Provenance
    role: str | None = None
    amount: str | None = None
    #: 0–1: the decision layer's probability of this relation (:mod:`kg.learn.relations`,
    #: :mod:`kg.learn.confidence`); None: not scored, exported as certain
    confidence: float | None = field(default=None, compare=False)
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing after resolution: canonical name plus aliases."""

    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    provenance: tuple[Provenance, ...] = field(default=(), compare=False)
    #: 0–1, see :mod:`kg.learn.confidence` (None: not scored, exported as certain)
    confidence: float | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two resolved entities (by ``Entity.id``)."""

    head: str
    predicate: RelationType
    tail: str
    evidence: tuple[Provenance, ...] = field(default=(), compare=False)
    role: str | None = None
    amount: str | None = None
    #: 0–1, see :mod:`kg.learn.confidence` (None: not scored, exported as certain)
    confidence: float | None = field(default=None, compare=False)
