"""The resolver (see the package docstring)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

from kg.io import load_yaml
from kg.resolve.implied import division_parent, division_short_form, written_locations
from kg.signatures import admits
from kg.types import (
    Article,
    Document,
    Entity,
    EntityType,
    Mention,
    Provenance,
    Relation,
    RelationMention,
    RelationType,
)

__all__ = ["DocumentNames", "document_names", "resolve"]

DocumentNames = dict[tuple[str, int, int], tuple[EntityType, str]]
"""Per mention key, the (type, name) resolution gives a mention within its document."""

_YEAR = re.compile(r"(?:\d{4}年度?)?")

_ORG_TYPES = frozenset(
    {EntityType.UNION, EntityType.ENTERPRISE, EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION}
)
# place → place links the text writes together (江苏省如皋市, 湖北省襄阳市总工会): kept even
# when the document also names the level between them (南通市)
_WRITTEN_TOGETHER = frozenset({"adjacent-places", "nesting-place-chain"})
# which type wins when one name was read with several
_TYPE_ORDER = (
    EntityType.PERSON,
    EntityType.UNION,
    EntityType.GOVERNMENT_BODY,
    EntityType.ENTERPRISE,
    EntityType.EVENT,
    EntityType.PROGRAMME,
    EntityType.ORGANIZATION,
    EntityType.PLACE,
)


@cache
def _config() -> dict:
    path = resources.files("kg.resolve") / "data" / "qualifiers.yaml"
    return load_yaml(path.read_text(encoding="utf-8"))


def clean_name(name: str) -> str:
    """Drop quotes and surrounding space: ``“劳模工匠进校园”行动`` → ``劳模工匠进校园行动``."""
    quotes = _config()["quotes"]
    return "".join(ch for ch in name if ch not in quotes).strip()


@dataclass
class _Cluster:
    type_votes: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    surfaces: set[str] = field(default_factory=set)
    provenance: set[Provenance] = field(default_factory=set)


def document_names(document: Document, mentions: Iterable[Mention]) -> DocumentNames:
    """The first, per-document half of :func:`resolve` for one document's mentions (in
    the order of its analysis): it reads nothing of the other documents, so the map
    step works it out once and the cache keeps it (see ``known`` in :func:`resolve`).

    Examples
    --------
    >>> from kg.ingest import parse_text
    >>> text = "西安市总工会召开会议。市总工会主席讲话。"
    >>> doc = parse_text(text, source="d.txt", document_id="d")
    >>> at = {t: doc.text.index(t, i) for t, i in (("西安市总工会", 0), ("市总工会", 8))}
    >>> ms = [Mention(t, EntityType.UNION, s, s + len(t), doc.articles[0].id)
    ...       for t, s in at.items()]
    >>> sorted(name for _, name in document_names(doc, ms).values())
    ['西安市总工会', '西安市总工会']
    """
    return _resolve_document(list(mentions), {a.id: a for a in document.articles})


def _rekey(
    key_of: dict[tuple[str, int, int], tuple[EntityType, str]],
    change: Callable[[EntityType, str], tuple[EntityType, str]],
) -> None:
    """Apply ``change`` to every value of ``key_of`` in place, one new tuple per distinct
    value (a million mentions' keys are neither copied nor each given a tuple)."""
    made: dict[tuple[EntityType, str], tuple[EntityType, str]] = {}
    for k, value in key_of.items():
        new = made.get(value)
        if new is None:
            new = made[value] = change(*value)
        key_of[k] = new


def resolve(
    documents: Iterable[Document],
    mentions: Iterable[Mention],
    relations: Iterable[RelationMention],
    known: Mapping[str, DocumentNames] | None = None,
) -> tuple[list[Entity], list[Relation]]:
    """Merge mentions into entities and lift relation mentions onto them.

    Parameters
    ----------
    documents
        The corpus (for article context: places, headlines, sentences).
    mentions, relations
        Output of the NLP and extraction stages.
    known
        Document id → :func:`document_names` of that document's mentions, worked out
        before (the per-document cache); the documents not in it are resolved here.

    Returns
    -------
    (entities, relations)
        Sorted by id; relation evidence is merged for repeated facts.
    """
    documents = list(documents)
    mentions = list(mentions)
    articles = {a.id: a for d in documents for a in d.articles}
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[articles[m.article_id].document_id].append(m)

    known = known or {}
    key_of: dict[tuple[str, int, int], tuple[EntityType, str]] = {}
    for doc_id, doc_mentions in sorted(by_doc.items()):
        names = known.get(doc_id)
        key_of.update(names if names is not None else _resolve_document(doc_mentions, articles))
    _rekey(key_of, lambda label, name: (_settled_type(label, name), name))
    corpus = _corpus_names(
        set(key_of.values()), [key_of[m.key][1] for m in mentions if m.label == EntityType.PLACE]
    )
    _rekey(key_of, lambda label, name: (label, corpus.get((label, name), name)))

    # type vote per name, then clusters
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        label, name = key_of[m.key]
        votes[name][label] += 1
    winners = {name: _winning_type(counts) for name, counts in votes.items()}
    clusters: dict[tuple[EntityType, str], _Cluster] = defaultdict(_Cluster)
    sentence_of = _SentenceProvenance(articles)
    final: dict[str, tuple[EntityType, str]] = {name: (winners[name], name) for name in winners}
    for m in mentions:
        key = key_of[m.key] = final[key_of[m.key][1]]  # every key now its winning type's
        cluster = clusters[key]
        cluster.surfaces.update({m.text, m.display_name})
        sentence = sentence_of(m.article_id, m.start)
        written = sentence.sentence[m.start - sentence.start : m.end - sentence.start]
        if len(written) == len(m.text) and written != m.text:
            cluster.surfaces.add(written)  # the spelling of the source: 台中市勞工總工會
        cluster.provenance.add(sentence)

    entities = []
    ids: dict[tuple[EntityType, str], str] = {}
    venue_forms = _place_forms(sorted({n for lbl, n in clusters if lbl == EntityType.PLACE}))
    for (label, name), cluster in sorted(
        clusters.items(), key=lambda kv: (kv[0][0].value, kv[0][1])
    ):
        entity_id = f"{label.value}/{name}"
        ids[(label, name)] = entity_id
        aliases = sorted(s for s in cluster.surfaces if s != name and clean_name(s))
        if label == EntityType.PLACE and (venue := _venue_core(name, venue_forms)) is not None:
            aliases = sorted({*aliases, venue})
        elif label in _ORG_TYPES and (core := _core(name, label, venue_forms)) != name:
            aliases = sorted({*aliases, core})  # 山东省枣庄市山亭区总工会 → 山亭区总工会
        entities.append(
            Entity(
                entity_id,
                label,
                name,
                tuple(aliases),
                tuple(sorted(cluster.provenance, key=_prov_key)),
            )
        )

    merged: dict[tuple[str, RelationType, str], list] = {}
    written_places = list(written_locations(entities))
    side_by_side: set[tuple] = set()  # 江苏省如皋市 in running text: written together
    for implied in written_places:
        entry = merged.setdefault(
            (implied.head, implied.predicate, implied.tail), [set(), None, None]
        )
        entry[0].update(implied.evidence)
    for rel in relations:
        head = ids.get(key_of.get(rel.head.key, (None, None)))
        tail = ids.get(key_of.get(rel.tail.key, (None, None)))
        if head is None or tail is None or head == tail:
            continue
        if rel.predicate == RelationType.PARTNER_OF and tail < head:
            head, tail = tail, head
        key = (head, rel.predicate, tail)
        if rel.rule in _WRITTEN_TOGETHER:
            side_by_side.add(key)
        entry = merged.setdefault(key, [set(), None, None])
        entry[0].add(rel.evidence)
        entry[1] = entry[1] or rel.role
        entry[2] = entry[2] or rel.amount
    types = {e.id: e.type for e in entities}  # the ontology's domains and ranges hold
    merged = {k: v for k, v in merged.items() if admits(k[1], types[k[0]], types[k[2]])}
    written = {(r.head, r.predicate, r.tail) for r in written_places} | side_by_side
    for key in _skipped_levels(merged, entities):
        if key not in written:
            del merged[key]
    out = [
        Relation(h, p, t, tuple(sorted(ev, key=_prov_key)), role=role, amount=amount)
        for (h, p, t), (ev, role, amount) in sorted(
            merged.items(), key=lambda kv: (kv[0][0], kv[0][1].value, kv[0][2])
        )
    ]
    return entities, out


def _corpus_names(
    keys: set[tuple[EntityType, str]], places: list[str]
) -> dict[tuple[EntityType, str], str]:
    """One name per thing across the corpus: names of one type that agree after their
    leading places, class words and, for programmes, generic leading words
    (陕西省西安市总工会 / 西安市总工会, 美团公司 / 美团, 工会服务司机之家 / 司机之家)
    take the least qualified of them, the others as aliases, when their place chains
    agree (one is the tail of the other: 北京市朝阳区总工会 and 长春市朝阳区总工会 stay
    two)."""
    config = _config()
    forms = _place_forms(sorted(set(places)))
    groups: dict[tuple[EntityType, str], list[tuple[str, list[str], bool]]] = defaultdict(list)
    for label, name in sorted(keys, key=lambda k: (k[0].value, k[1])):
        if label in (EntityType.PERSON, EntityType.PLACE):
            continue
        chain, rest = _place_chain(_expanded(name, config), forms)
        if label == EntityType.PROGRAMME:  # 工会服务司机之家 = 司机之家
            rest = _without_generic_prefix(rest)
        elif label == EntityType.EVENT:  # 党的十九大 = 十九大
            rest = _without_event_prefix(rest)
        bare = True
        for word in config["class_words"].get(label.value, ()):
            if rest.endswith(word) and len(rest) - len(word) >= 2:
                rest, bare = rest[: -len(word)], False
                break
        groups[(label, (chain[-1] if chain else "") + rest)].append((name, chain, bare))
    renames: dict[tuple[EntityType, str], str] = {}
    for (label, _), members in groups.items():
        if len(members) < 2:
            continue
        longest = max((chain for _, chain, _ in members), key=len)
        if any(chain != longest[len(longest) - len(chain) :] for _, chain, _ in members):
            continue  # the places disagree
        # the name with the fewest leading places (its other forms become aliases); of
        # those, one without a class word (美团, not 美团公司)
        fewest = min(len(chain) for _, chain, _ in members)
        target = max(
            (m for m in members if len(m[1]) == fewest), key=lambda m: (m[2], len(m[0]), m[0])
        )[0]
        renames |= {(label, name): target for name, _, _ in members if name != target}
    return renames


def _without_generic_prefix(name: str) -> str:
    """A programme name without a leading generic word (``programme_generic_prefixes``),
    when at least four characters are left: 工会爱心驿站 → 爱心驿站."""
    for prefix in sorted(_config()["programme_generic_prefixes"], key=len, reverse=True):
        if name.startswith(prefix) and len(name) - len(prefix) >= 4:
            return name[len(prefix) :]
    return name


def _without_event_prefix(name: str) -> str:
    """An event name without a leading word that only says whose it is
    (``event_generic_prefixes``), when at least three characters are left: 党的十九大 →
    十九大, 党的十九届五中全会 → 十九届五中全会."""
    for prefix in _config()["event_generic_prefixes"]:
        if name.startswith(prefix) and len(name) - len(prefix) >= 3:
            return name[len(prefix) :]
    return name


def _expanded(name: str, config: dict) -> str:
    """``name`` with short forms written out (``equivalents``) and each synonym read as
    its group's first member (``synonyms``): the form two names are compared in."""
    for short, full in config["equivalents"].items():
        if short in name and full not in name:
            name = name.replace(short, full)
    for group in config["synonyms"]:
        for word in sorted(group[1:], key=len, reverse=True):
            name = name.replace(word, group[0])
    return name


def _place_chain(name: str, places: _PlaceForms) -> tuple[list[str], str]:
    """The leading places of ``name`` in their fullest forms, and what follows them."""
    chain: list[str] = []
    while len(chain) < 4:
        head = _leading_place(name, places)
        if head is None:
            break
        chain.append(places[head])
        name = name[len(head) :]
    return chain, name


def _skipped_levels(merged: dict, entities: list[Entity]) -> list[tuple]:
    """Place → place links that skip a level the document names (抚远市 → 黑龙江省 when
    佳木斯市 is named too: 抚远市 is in 佳木斯市, which is in 黑龙江省)."""
    places = {e.id: e.name for e in entities if e.type == EntityType.PLACE}
    names = set(places.values())
    skipped = []
    for head, predicate, tail in merged:
        if predicate != RelationType.LOCATED_IN or head not in places or tail not in places:
            continue
        nearest = division_parent(places[head], names)
        far = division_parent(places[head], {places[tail]})
        if nearest is not None and far == places[tail] and nearest != far:
            skipped.append((head, predicate, tail))
    return skipped


def _settled_type(label: EntityType, name: str) -> EntityType:
    """A union's formal name read as another organisation type is the union's
    (中国海员建设工会全国委员会: ``union_forms``)."""
    if label in _ORG_TYPES and name.endswith(_union_forms()):
        return EntityType.UNION
    return label


@cache
def _union_forms() -> tuple[str, ...]:
    return tuple(_config()["union_forms"])


def _winning_type(votes: Counter) -> EntityType:
    return max(votes, key=lambda t: (votes[t], -_TYPE_ORDER.index(t)))


def _prov_key(p: Provenance) -> tuple:
    return (p.document_id, p.article_id, p.start, p.end)


class _SentenceProvenance:
    """The provenance of an offset of an article: the sentence that holds it (the
    headline when none does). Each is made once, however many mentions it holds."""

    def __init__(self, articles: Mapping[str, Article]) -> None:
        self._articles = articles
        self._starts: dict[str, list[int]] = {}
        self._made: dict[tuple[str, int], Provenance] = {}

    def __call__(self, article_id: str, offset: int) -> Provenance:
        article = self._articles[article_id]
        starts = self._starts.get(article_id)
        if starts is None:  # the segmenter's sentences are in order and do not overlap
            starts = self._starts[article_id] = [s.start for s in article.sentences]
        index = bisect_right(starts, offset) - 1
        if index >= 0 and offset >= article.sentences[index].end:
            index = -1
        made = self._made.get((article_id, index))
        if made is None:
            if index < 0:
                made = Provenance(
                    article.document_id, article.id, article.headline, article.start, article.start
                )
            else:
                s = article.sentences[index]
                made = Provenance(article.document_id, article.id, s.text, s.start, s.end)
            self._made[(article_id, index)] = made
        return made


def _sentence_bounds(article, offset: int) -> tuple[int, int]:
    for s in article.sentences:
        if s.start <= offset < s.end:
            return s.start, s.end
    return offset, offset


def _resolve_document(
    mentions: list[Mention], articles: dict
) -> dict[tuple[str, int, int], tuple[EntityType, str]]:
    """Name of every mention of one document after short-form and alias rules."""
    levels: dict[str, list[str]] = _config()["levels"]
    grades = set(_config()["level_grades"])
    venues = tuple(_venue_suffixes())
    names = {m.key: _without_filler(clean_name(m.display_name), m.label) for m in mentions}
    doc_names_by_type: dict[EntityType, set[str]] = defaultdict(set)
    for m in mentions:
        doc_names_by_type[m.label].add(names[m.key])
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(m)

    def places_of(items: list[Mention]) -> list[str]:
        return [names[m.key] for m in items if m.label == EntityType.PLACE]

    doc_places = places_of(mentions)
    known_places = _place_forms(doc_places)
    result: dict[tuple[str, int, int], tuple[EntityType, str]] = {}
    for _article_id, items in by_article.items():
        art_names: dict[EntityType, set[str]] = defaultdict(set)
        for m in items:
            art_names[m.label].add(names[m.key])
        ordered = sorted(items, key=lambda m: m.start)
        art_places = places_of(ordered)
        for m in items:
            name = names[m.key]
            # 2022年市社会化…笔试: the level word follows the year
            year = _YEAR.match(name).group(0) if m.label == EntityType.EVENT else ""
            name = name[len(year) :]
            level = next(
                (lv for lv in sorted(levels, key=len, reverse=True) if name.startswith(lv)), None
            )
            if level is not None and name[len(level) : len(level) + 1] in grades:
                level = None  # 县级工会加强年: a grade, not a short form
            # places are divisions, but a venue is named like an organisation (新区图书馆)
            named_like_org = m.label != EntityType.PLACE or name.endswith(venues)
            if level is not None and named_like_org and len(name) > len(level):
                # the nearest place before it in its sentence, then the article's places
                lo, _ = _sentence_bounds(articles[m.article_id], m.start)
                near = places_of([o for o in ordered if lo <= o.start and o.end <= m.start])
                name = _qualify(
                    name,
                    level,
                    levels[level],
                    m.label,
                    art_names,
                    doc_names_by_type,
                    near[::-1],
                    art_places,
                    doc_places,
                    lambda n, label=m.label: _match_key(n, label, known_places),
                )
            result[m.key] = (m.label, year + name)
    # (以下简称Y) aliases used as the start of longer names of the same article (a page's
    # other article may use Y for another body): 合肥产投集团工会
    aliases: dict[str, dict[str, str]] = defaultdict(dict)
    for m in sorted(mentions, key=lambda m: m.key):
        if m.rule == "abbreviation" and m.text != names[m.key]:
            aliases[m.article_id].setdefault(m.text, names[m.key])
    for key, (label, name) in list(result.items()):
        for short, full in aliases[key[0]].items():
            if name.startswith(short) and name != short and not name.startswith(full):
                result[key] = (label, full + name[len(short) :])
    # 中国教科文卫体工会全委会 (no session before it) is the union itself, not a meeting
    result |= _standing_bodies(result)
    # one core per org after leading places: 北京昌平区总工会 = 北京市昌平区总工会
    cores: dict[tuple[EntityType, str], set[str]] = defaultdict(set)
    for label, name in result.values():
        cores[(label, _match_key(name, label, known_places))].add(name)
    for key, (label, name) in list(result.items()):
        group = cores[(label, _match_key(name, label, known_places))]
        if len(group) > 1:
            result[key] = (label, max(group, key=lambda n: (len(n), n)))
    # 吉林工会 → 吉林省总工会: a place + 工会 is the place's federation when that is named
    union_names = {n for lbl, n in result.values() if lbl == EntityType.UNION}
    for key, (label, name) in list(result.items()):
        if label == EntityType.UNION and name.endswith("工会") and not name.endswith("总工会"):
            place = known_places.get(name[:-2])
            # 西安工会 → 陕西省西安市总工会 when the document names exactly one such
            federation = [n for n in union_names if place and n.endswith(place + "总工会")]
            if len(federation) == 1:
                result[key] = (label, federation[0])
    # contained names: 苏杭公司工会 → 中建安装苏杭公司工会; 孙礼玲职工创新工作室 → 昌平区医院孙礼玲…
    final_names = defaultdict(set)
    for label, name in result.values():
        final_names[label].add(name)
    org_names = set().union(*(final_names[t] for t in _ORG_TYPES)) if final_names else set()
    for key, (label, name) in list(result.items()):
        # follow the chain: 县总工会 → 清河县总工会 → 河北省邢台市清河县总工会
        for _ in range(4):
            longer = _container(name, label, final_names[label], org_names)
            if longer is None:
                break
            name = longer
        result[key] = (label, name)
    # 众惠公司 → 大庆市众惠人力资源有限公司: a company's short name
    # 集卡中心 → 集卡服务中心: an organisation's, by the same rule (no initials)
    for label, section in (
        (EntityType.ENTERPRISE, "companies"),
        (EntityType.ORGANIZATION, "organizations"),
    ):
        bodies = sorted({n for lbl, n in result.values() if lbl == label})
        renames = _company_short_names(bodies, known_places, section)
        for key, (lbl, name) in list(result.items()):
            if lbl == label and name in renames:
                result[key] = (lbl, renames[name])
    for article_items in by_article.values():
        keys = [m.key for m in sorted(article_items, key=lambda m: m.start)]
        named = [result[k] for k in keys]
        renames = (
            _generic_programme_names(named)
            | _purpose_programme_names(named)
            | _shortened_events(named)
        )
        for k in keys:
            label, name = result[k]
            if label in (EntityType.PROGRAMME, EntityType.EVENT) and name in renames:
                result[k] = (label, renames[name])
    # 李绍玉劳模工作室 … 苗绣工作室: a site named by what it does, right after a named one
    for article_id, article_items in by_article.items():
        renames = _described_sites(article_items, result, articles[article_id])
        for m in article_items:
            label, name = result[m.key]
            if label == EntityType.PROGRAMME and name in renames:
                result[m.key] = (label, renames[name])
    return result


def _described_sites(
    items: list[Mention], result: dict[tuple[str, int, int], tuple[EntityType, str]], article
) -> dict[str, str]:
    """A site named only by what is done there (苗绣工作室: no person, body or place in
    its name) in the sentence of a site with the same head that a person's name
    qualifies (李绍玉劳模工作室), or in the sentence right after it, is that site: the text
    describes the site it has just named. Only when that named site is the one such site
    of the two sentences.

    Examples
    --------
    >>> from kg.ingest import parse_text
    >>> text = "在李绍玉劳模工作室,一行参观了展厅。勉励团队把苗绣工作室建设成窗口。"
    >>> doc = parse_text(text, source="d.txt", document_id="d")
    >>> a = doc.articles[0]
    >>> P, H = EntityType.PROGRAMME, EntityType.PERSON
    >>> def at(t, label):
    ...     s = doc.text.index(t)
    ...     return Mention(t, label, s, s + len(t), a.id)
    >>> ms = [at("李绍玉劳模工作室", P), at("李绍玉", H), at("苗绣工作室", P)]
    >>> _described_sites(ms, {m.key: (m.label, m.text) for m in ms}, a)
    {'苗绣工作室': '李绍玉劳模工作室'}
    >>> ms = [at("李绍玉劳模工作室", P), at("苗绣工作室", P)]  # no person named in it
    >>> _described_sites(ms, {m.key: (m.label, m.text) for m in ms}, a)
    {}
    """
    from kg.nlp.lexicon import load_lexicon

    lex = load_lexicon()
    heads = sorted(_config()["site_heads"], key=len, reverse=True)
    generic = lex.programme_purpose_words | lex.programme_users
    named = [m for m in items if m.label not in (EntityType.PROGRAMME, EntityType.EVENT)]
    people = [m for m in items if m.label == EntityType.PERSON]
    starts = [s.start for s in article.sentences]

    def sentence(m: Mention) -> int:
        return max((i for i, st in enumerate(starts) if st <= m.start), default=-1)

    def head_of(name: str) -> str | None:
        return next((h for h in heads if name.endswith(h) and len(name) > len(h)), None)

    sites = [m for m in items if result[m.key][0] == EntityType.PROGRAMME]
    renames: dict[str, str] = {}
    for m in sites:
        name = result[m.key][1]
        head = head_of(name)
        what = name[: -len(head)] if head else ""
        if not 2 <= len(what) <= 4 or what in generic or name != m.text or _generic_site(name):
            continue
        if any(m.start <= o.start < m.end - len(head) for o in named):
            continue  # a person, body or place names it
        here = sentence(m)
        owned = {
            o
            for o in sites
            if o.start < m.start
            and here - 1 <= sentence(o) <= here
            and head_of(result[o.key][1]) == head
            and any(o.start <= p.start and p.end <= o.end for p in people)
        }
        if len({result[o.key][1] for o in owned}) != 1:
            continue
        site = max(owned, key=lambda o: o.start)
        between = _between(article, site.end, m.start)
        if between is not None and between.strip(" ,，") in _config()["list_joiners"]:
            continue  # 张伟劳模创新工作室、焊接工作室: two sites listed
        if here == 0 or article.sentences[here - 1].end + 2 >= starts[here]:
            renames[name] = result[site.key][1]
    return renames


def _between(article, start: int, end: int) -> str | None:
    """The text of ``article`` from ``start`` to ``end`` when one kept sentence holds it."""
    for s in article.sentences:
        if s.start <= start and end <= s.end:
            return s.text[start - s.start : end - s.start]
    return None


def _standing_bodies(
    result: dict[tuple[str, int, int], tuple[EntityType, str]],
) -> dict[tuple[str, int, int], tuple[EntityType, str]]:
    """Event mentions that are an organisation of the document followed directly by its
    standing committee (``standing_bodies``): the organisation. A session written between
    them (四届一次全委会) keeps the meeting an event.

    Examples
    --------
    >>> U, E = EntityType.UNION, EntityType.EVENT
    >>> r = {("a", 0, 9): (U, "中国教科文卫体工会"), ("a", 9, 20): (E, "中国教科文卫体工会全委会"),
    ...      ("a", 30, 45): (E, "中国教科文卫体工会四届一次全委会")}
    >>> _standing_bodies(r)
    {('a', 9, 20): (<EntityType.UNION: 'Union'>, '中国教科文卫体工会')}
    """
    bodies = tuple(_config()["standing_bodies"])
    orgs = {name: label for label, name in result.values() if label in _ORG_TYPES}
    found = {}
    for key, (label, name) in result.items():
        if label != EntityType.EVENT or not name.endswith(bodies):
            continue
        word = next(b for b in bodies if name.endswith(b))
        owner = name[: -len(word)]
        if owner in orgs:
            found[key] = (orgs[owner], owner)
    return found


@cache
def _venue_suffixes() -> tuple[str, ...]:
    from kg.nlp.lexicon import load_lexicon

    return tuple(load_lexicon().venue_suffixes)


def _without_filler(name: str, label: EntityType) -> str:
    """A company name without a leading filler word (辖区万事利集团 → 万事利集团)."""
    if label == EntityType.ENTERPRISE:
        for filler in _config()["companies"]["leading_fillers"]:
            if name.startswith(filler) and len(name) > len(filler) + 1:
                return name[len(filler) :]
    return name


def _company_parts(
    name: str, places: _PlaceForms, section: str = "companies"
) -> tuple[tuple[str, ...], str, str]:
    """(leading places, core, class word) of a company name: 大庆市众惠人力资源有限公司 →
    ((大庆市,), 众惠人力资源, 有限公司); ``section`` of qualifiers.yaml gives the class
    words."""
    config = _config()[section]
    chain, rest = _place_chain(name, places)
    for word in config["class_words"]:
        if rest.endswith(word) and len(rest) > len(word):
            return tuple(chain), rest[: -len(word)], word
    return tuple(chain), rest, ""


def _abbreviates(short: str, full: str, descriptors: tuple[str, ...], classed: bool) -> bool:
    """Whether company core ``short`` names company core ``full``: the same, or ``full``
    is ``short`` and business words (众惠 / 众惠人力资源), or, for a short name with a
    class word, ``short`` takes ``full``'s characters in order from its start (国铁集团 /
    中国国家铁路集团有限公司; never 国网 / 国网甘肃省电力公司, a branch)."""
    if short == full:
        return True
    if full.startswith(short):
        rest = full[len(short) :]
        while rest:
            word = next((d for d in descriptors if rest.startswith(d)), None)
            if word is None:
                return False
            rest = rest[len(word) :]
        return True
    if not classed or len(short) < 2 or short[0] not in full[:2]:
        return False
    chars = iter(full)
    return all(ch in chars for ch in short)


def _company_short_names(
    companies: list[str], places: _PlaceForms, section: str = "companies"
) -> dict[str, str]:
    """A company's short name in one document → its full name: the places agree, the
    short core abbreviates the full one (:func:`_abbreviates`), and no other company of
    the document fits (众惠公司 → 大庆市众惠人力资源有限公司, 万事利 → 万事利集团). With
    ``section="organizations"`` the same for organisations: both names carry a class
    word, and the short core is the full one without business words (集卡中心 →
    集卡服务中心), never taken by initials.

    Examples
    --------
    >>> forms = _place_forms(["大庆市"])
    >>> _company_short_names(["众惠公司", "大庆市众惠人力资源有限公司"], forms)
    {'众惠公司': '大庆市众惠人力资源有限公司'}
    >>> _company_short_names(["众惠公司", "众惠人力资源有限公司", "众惠物流有限公司"], forms)
    {}
    >>> _company_short_names(["集卡中心", "集卡服务中心"], forms, "organizations")
    {'集卡中心': '集卡服务中心'}
    >>> _company_short_names(["职工中心", "职工文体中心"], forms, "organizations")
    {}
    """
    descriptors = tuple(sorted(_config()["companies"]["descriptors"], key=len, reverse=True))
    initials = _config()[section].get("initials", True)
    parts = {name: _company_parts(name, places, section) for name in companies}

    def fits(short: str, full: str) -> bool:
        chain, core, word = parts[short]
        f_chain, f_core, f_word = parts[full]
        if full == short or len(full) <= len(short) or len(core) < 2:
            return False
        if chain and f_chain[len(f_chain) - len(chain) :] != chain:
            return False  # the places disagree
        if word and f_word and word not in f_word:
            return False  # 众惠集团 is not 众惠有限公司
        if not initials and not (word and f_word):
            return False
        return _abbreviates(core, f_core, descriptors, bool(word) and initials)

    renames: dict[str, str] = {}
    for short in companies:
        found = [full for full in companies if fits(short, full)]
        # the fullest of one chain of names (万事利 → 万事利集团 → 杭州万事利集团)
        ends = [f for f in found if not any(fits(f, o) for o in found)]
        if len(ends) > 1:  # a regional branch is not what a name without its place means
            ends = [f for f in ends if not _branch_of(parts[short][1], parts[f][1])]
        if len(ends) == 1:
            renames[short] = ends[0]
    return renames


def _branch_of(short: str, full: str) -> bool:
    """Whether company core ``full`` names a province or prefecture (or its short form)
    that ``short`` does not: a regional branch (中国铁路哈尔滨局 for 国铁, beside
    中国国家铁路). Counties are too many to tell from words (资源县: 众惠人力资源).

    Examples
    --------
    >>> _branch_of("国铁", "中国铁路哈尔滨局"), _branch_of("国铁", "中国国家铁路")
    (True, False)
    >>> _branch_of("众惠", "众惠人力资源")
    False
    """
    words = _region_words()
    return any(
        full[i : i + n] in words and full[i : i + n] not in short
        for n in range(2, 5)
        for i in range(len(full) - n + 1)
    )


def _shortened_events(named: list[tuple[EntityType, str]]) -> dict[str, str]:
    """A headline's short name for an event the article names in full: the short name
    without its head sits inside the full one (深入构建新时代和谐劳动关系工作交流会 →
    贯彻党的二十大精神深入构建新时代和谐劳动关系工作交流视频会议).

    Examples
    --------
    >>> E = EntityType.EVENT
    >>> _shortened_events([(E, "全市工会数字化改革推进会"), (E, "全市工会数字化改革推进会")])
    {}
    >>> _shortened_events([(E, "职工交流会"), (E, "贯彻精神职工交流视频会议")])
    {}
    >>> _shortened_events([(E, "职工书屋阅读交流会"), (E, "学习二十大职工书屋阅读交流会")])
    {'职工书屋阅读交流会': '学习二十大职工书屋阅读交流会'}
    >>> _shortened_events([(E, "产改推进会"), (E, "全市产业工人队伍建设改革推进会")])
    {'产改推进会': '全市产业工人队伍建设改革推进会'}
    """
    from kg.nlp.lexicon import load_lexicon

    heads, config = load_lexicon().event_suffixes, _config()
    names = sorted({n for label, n in named if label == EntityType.EVENT}, key=len)
    written = {n: _expanded(n, config) for n in names}  # 产改 read as 产业工人队伍建设改革
    renames: dict[str, str] = {}
    for short in names:
        head = next((h for h in heads if short.endswith(h)), None)
        core = written[short][: -len(head)] if head else ""
        if len(core) < 4:
            continue  # too short to be sure (职工交流会)
        # the core inside the full name, or (for a shorter core) the whole short name
        # ending it, after a theme (…建功新时代职工书屋阅读交流会)
        fuller = [
            n
            for n in names
            if n != short
            and len(n) > len(short)
            and (core in written[n] if len(core) >= 8 else written[n].endswith(written[short]))
        ]
        if len(fuller) == 1:
            renames[short] = fuller[0]
    return renames


def _purpose_programme_names(named: list[tuple[EntityType, str]]) -> dict[str, str]:
    """劳模工作室 → 劳模和工匠人才创新工作室: in one article, a programme named only by a
    purpose word (``programme_purpose_words``) and its head is the one other programme
    there that starts with that word and ends with that head, unless that name is itself
    a standing kind of the gazetteer, which names the kind, not a shortened site.

    Examples
    --------
    >>> P = EntityType.PROGRAMME
    >>> _purpose_programme_names([(P, "劳模工作室"), (P, "劳模和工匠人才创新工作室")])
    {'劳模工作室': '劳模和工匠人才创新工作室'}
    >>> _purpose_programme_names([(P, "劳模工作室"), (P, "劳模张三工作室"), (P, "劳模李四工作室")])
    {}
    >>> _purpose_programme_names([(P, "劳模工作室"), (P, "苗绣工作室")])
    {}
    >>> _purpose_programme_names([(P, "劳模创新工作室"), (P, "劳模技师创新工作室")])
    {}
    """
    from kg.nlp.lexicon import load_lexicon

    lex = load_lexicon()
    names = list(dict.fromkeys(n for label, n in named if label == EntityType.PROGRAMME))
    renames: dict[str, str] = {}
    for name in names:
        head = next((h for h in lex.programme_suffixes if name.endswith(h)), None)
        if (
            head is None
            or name[: -len(head)] not in lex.programme_purpose_words
            or name in lex.programme_kinds
        ):
            continue
        purpose = name[: -len(head)]
        fuller = [
            n
            for n in names
            if n != name and len(n) > len(name) and n.startswith(purpose) and n.endswith(head)
        ]
        if len(fuller) == 1:
            renames[name] = fuller[0]
    return renames


def _generic_programme_names(named: list[tuple[EntityType, str]]) -> dict[str, str]:
    """职工子女托管班 → 爱心托管班: in one article, a programme named only by its generic
    users (职工, 工会 …) and its head is the one other programme there with that head.

    Examples
    --------
    >>> P = EntityType.PROGRAMME
    >>> _generic_programme_names([(P, "爱心托管班"), (P, "职工子女托管班")])
    {'职工子女托管班': '爱心托管班'}
    >>> _generic_programme_names([(P, "示范职工之家"), (P, "先进职工之家"), (P, "职工之家")])
    {}
    """
    from kg.nlp.lexicon import load_lexicon

    lex = load_lexicon()
    owners, heads = tuple(lex.programme_users), lex.programme_suffixes
    names = list(dict.fromkeys(n for label, n in named if label == EntityType.PROGRAMME))
    by_head: dict[str, list[str]] = defaultdict(list)
    for name in names:
        head = next((h for h in heads if name.endswith(h) and len(name) > len(h)), None)
        if head is not None:
            by_head[head].append(name)
    renames: dict[str, str] = {}
    for head, group in by_head.items():
        generic = [n for n in group if n[: -len(head)] in owners]
        specific = [n for n in group if n not in generic]
        if len(specific) > 1 or (not specific and len(generic) < 2):
            continue
        if specific and specific[0][: -len(head)].endswith(owners):
            continue  # 示范职工之家 is a grade of 职工之家, not another name for it
        target = specific[0] if specific else generic[0]
        renames |= {n: target for n in generic if n != target}
    return renames


def _qualify(
    name: str,
    level: str,
    endings: list[str],
    label: EntityType,
    art_names: dict[EntityType, set[str]],
    doc_names: dict[EntityType, set[str]],
    near: list[str],
    art_places: list[str],
    doc_places: list[str],
    same: Callable[[str], str],
) -> str:
    """The fullest form of a level-word short name (市总工会): the place of that level
    written before it in its sentence (nearest first: 西宁市委常委、…、市总工会主席), else
    the one longer name of the article ending so, else the article's place of that level,
    else the document's one longer name, else its places. Another article's name never
    outranks this article's own place (省总工会 under a 青海 headline is 青海省总工会
    even when an earlier article names 甘肃省总工会). Longer names that are one name by
    ``same`` count as one (达州高新区总工会 = 达州高新技术产业园区总工会)."""
    rest = name[len(level) :]
    not_admin = tuple(_config()["not_qualifiers"])

    def from_names(pool: set[str]) -> str | None:
        if label == EntityType.EVENT:
            pool = {n[len(_YEAR.match(n).group(0)) :] for n in pool}
        longer = sorted(n for n in pool if n != name and n.endswith(name) and len(n) > len(name))
        fulls = {n for n in longer if not any(n != o and o.endswith(n) for o in longer)}
        if fulls and len({same(n) for n in fulls}) == 1:
            return max(fulls, key=lambda n: (len(n), n))
        return name if fulls else None

    def from_places(places: list[str]) -> str | None:
        admin = [p for p in places if not p.endswith(not_admin)]
        place = next((p for p in admin if p.endswith(tuple(endings)) and len(p) > len(level)), None)
        return None if place is None else place + rest

    found = from_places(near) or from_names(art_names[label]) or from_places(near + art_places)
    if found is not None:
        return found
    # a programme is named within its article: another article's place never qualifies it
    if label == EntityType.PROGRAMME:
        return from_names(doc_names[label]) or name
    return from_names(doc_names[label]) or from_places(doc_places) or name


# levels of autonomous divisions, whose short form drops the peoples (龙胜各族自治县 → 龙胜县)
_AUTONOMOUS_LEVELS = ("自治州", "自治县")


def _place_forms(places: list[str]) -> _PlaceForms:
    """Every written form of the document's places → its fullest form (吉林 → 吉林省)."""
    forms = _PlaceForms(_gazetteer_place_forms())
    for place in places:
        level = next((lv for lv in _AUTONOMOUS_LEVELS if place.endswith(lv)), None)
        stem = division_short_form(place) if level else None
        if level and stem is not None and stem != place[: -len(level)]:  # peoples before it
            # 海西州 → 海西蒙古族藏族自治州, 龙胜县 and 龙胜 → 龙胜各族自治县
            forms[stem + place[-1]] = place
            forms.setdefault(stem, place)
        elif place.endswith(("区", "县", "市")) and len(place) >= 3 and not _zone_or_venue(place):
            # 上城工会 → 上城区 + 工会; a zone or venue (关港园区, 科技城) has no such short form
            forms.setdefault(place[:-1], place)
    short_forms = _config()["city_short_forms"]
    for place in places:
        forms.setdefault(place, place)
        if place in short_forms:
            forms.setdefault(short_forms[place], place)  # 中市 → 台中市 when 台中市 is named
    # a place named after a shorter one takes that one's fullest form when the document
    # names the result too: 黄州工业园 → 黄州区工业园
    for place in places:
        head = _leading_place(forms[place], forms)
        if head is not None and forms[head] != head:
            fuller = forms[head] + forms[place][len(head) :]
            if fuller in places and fuller != forms[place]:
                forms[place] = fuller
    return forms


def _venue_core(name: str, places: _PlaceForms) -> str | None:
    """A venue's own name after the places written before it (浙江省金华市婺城区婺城广场 →
    婺城广场, 上海市徐汇区华泾镇关港园区 → 关港园区), or None when ``name`` is no venue or
    starts with no place; a venue of a kind every place has keeps its place
    (:func:`_core`: 陕西省西安市土门工人文化宫 → 西安市土门工人文化宫)."""
    if not name.endswith(_venue_suffixes()):
        return None
    core = _core(name, EntityType.PLACE, places)
    return core if core != name and core.endswith(_venue_suffixes()) else None


def _zone_or_venue(place: str) -> bool:
    """Whether ``place`` ends with a zone or venue head of two or more characters
    (关港园区, 天门经济开发区, 中关村科技城), whose last character is no level word."""
    from kg.resolve.implied import _zones

    heads = (*_zones(), *_venue_suffixes())
    return any(place.endswith(h) and len(h) > 1 and len(place) > len(h) for h in heads)


@cache
def _gazetteer_place_forms() -> dict[str, str]:
    """The gazetteer's places, pattern → id (the start of every :func:`_place_forms`)."""
    from kg.nlp.lexicon import load_lexicon

    return {e.pattern: e.id for e in load_lexicon().gazetteer if e.label == EntityType.PLACE}


def _match_key(name: str, label: EntityType, places: _PlaceForms) -> str:
    """What two names of one thing share: equivalents expanded, the leading place in its
    fullest form, 总工会 = 工会 after a place, then leading qualifiers dropped."""
    config = _config()
    name = _expanded(name, config)
    head = _leading_place(name, places, proper=False)
    if head is not None:
        name = places[head] + name[len(head) :]
        if label == EntityType.UNION:
            for union_head in config["union_heads"]:
                if name.endswith(union_head) and name[: -len(union_head)] in places.fullest:
                    name = name[: -len(union_head)] + config["union_heads"][-1]
                    break
    if label == EntityType.EVENT:
        name = _without_event_prefix(re.sub(r"^\d{4}年度?", "", name).replace("系列", ""))
    elif label == EntityType.PROGRAMME:  # 2011年农民工平安返乡行动 = 农民工平安返乡行动
        name = re.sub(r"^\d{4}年度?", "", name)
    return _core(name, label, places)


def _leading_place(name: str, places: dict[str, str], *, proper: bool = True) -> str | None:
    """The longest written place form ``name`` starts with (shorter than ``name`` when
    ``proper``)."""
    longest = len(name) - 1 if proper else len(name)
    for length in range(longest, 0, -1):
        if name[:length] in places:
            return name[:length]
    return None


class _PlaceForms(dict[str, str]):
    """Every written form of a place → its fullest form."""

    @cached_property
    def fullest(self) -> frozenset[str]:
        return frozenset(self.values())


def _core(name: str, label: EntityType, places: dict[str, str]) -> str:
    """The name without its leading place qualifiers, as long as what is left still starts
    with a place (so 西安市总工会 keeps 西安市, 北京市昌平区总工会 → 昌平区总工会)."""
    if label not in _ORG_TYPES and label != EntityType.PLACE:
        return name
    for _ in range(3):
        head = _leading_place(name, places)
        if head is None:
            break
        rest = name[len(head) :]
        if _leading_place(rest, places) is not None or (
            label == EntityType.PLACE and not rest.endswith(_generic_venues())
        ):
            if label == EntityType.PLACE and len(rest) < 3:
                break
            name = rest
        else:
            break
    return name


@cache
def _generic_venues() -> tuple[str, ...]:
    """Venue heads that name a kind, not one venue, once the place before them is gone
    (福州工人文化宫 and 厦门市工人文化宫 are two, not one 工人文化宫)."""
    return tuple(_config()["generic_venues"])


def _qualifying_prefix(prefix: str, org_names: set[str]) -> bool:
    """Whether ``prefix`` only says whose or where a programme is: an organisation named
    in the document, a place (also without its level word, or a township-level name),
    each optionally followed by 工会 (宝安工会户外劳动者服务站 = 户外劳动者服务站), or a
    generic word (``programme_generic_prefixes``)."""
    from kg.nlp.lexicon import load_lexicon

    lex = load_lexicon()
    owner = prefix[:-2] if prefix.endswith("工会") and len(prefix) > 2 else prefix
    if prefix in _config()["programme_generic_prefixes"]:
        return True
    if prefix in org_names or owner in org_names:
        return True
    return owner in _place_words() or (len(owner) >= 3 and owner.endswith(lex.lower_place_suffixes))


@cache
def _place_words() -> frozenset[str]:
    """Gazetteer place names and their short forms without the level word."""
    from kg.nlp.lexicon import load_lexicon
    from kg.resolve.implied import division_short_form

    places = {e.pattern for e in load_lexicon().gazetteer if str(e.label) == "Place"}
    short = {division_short_form(p) for p in places} - {None}
    return frozenset(places | short)


@cache
def _region_words() -> frozenset[str]:
    """Names of provinces and prefectures and their short forms (哈尔滨市, 哈尔滨)."""
    from kg.nlp.lexicon import load_lexicon
    from kg.resolve.implied import division_short_form

    names = {d.name for d in load_lexicon().divisions.values() if d.level != "county"}
    return frozenset(names | ({division_short_form(n) for n in names} - {None}))


def _container(
    name: str, label: EntityType, same_type: set[str], org_names: set[str]
) -> str | None:
    """The shortest other name of ``label`` that is ``name`` with a qualifying prefix (or,
    for a programme, with a class word after it). A programme the document also names
    with a national scope (职工书屋 beside 全国职工书屋) is the national programme, not
    one site of it (滨海新区职工书屋), and a site named by its users alone (工会驿站) is
    the kind of site (:func:`_generic_site`): None."""
    if len(name) < 2:
        return None
    from kg.nlp.lexicon import load_lexicon

    lex = load_lexicon()
    found: str | None = None
    for other in sorted(same_type, key=lambda n: (len(n), n)):
        if other == name:
            continue
        # 云端职代会 → 云端职代会系统: the same programme with its class word
        if (
            label == EntityType.PROGRAMME
            and other.startswith(name)
            and other[len(name) :] in lex.programme_class_words
        ):
            return other
        if not other.endswith(name) or len(name) < 4:
            continue
        prefix = other[: -len(name)]
        if label == EntityType.PROGRAMME:
            if _qualifying_prefix(prefix, org_names):
                found = other
                break
        elif label in _ORG_TYPES and len(prefix) >= 2:
            return other
    if found is None:
        return None
    # 全国职工书屋 named too: 职工书屋 is the national programme, not one site of it
    if any(scope + name in same_type for scope in _config()["national_scopes"]):
        return None
    # 工会驿站, 职工书屋: the kind of site, not the one site a place or body qualifies
    if _generic_site(name):
        return None
    return found


def _generic_site(name: str) -> bool:
    """Whether a programme name is only its users and a site head (``site_heads``): the
    kind of site (工会驿站, 职工书屋, 劳模(职工)疗休养基地), never one site of it.

    Examples
    --------
    >>> _generic_site("工会驿站"), _generic_site("劳模(职工)疗休养基地")
    (True, True)
    >>> _generic_site("银河社区工会驿站"), _generic_site("职工阅读年")
    (False, False)
    """
    from kg.nlp.lexicon import load_lexicon

    config = _config()
    head = next((h for h in config["site_heads"] if name.endswith(h) and len(name) > len(h)), None)
    if head is None:
        return False
    users = sorted(set(load_lexicon().programme_users) | set(config["site_users"]), key=len)
    word = "|".join(re.escape(u) for u in reversed(users))
    return re.fullmatch(f"(?:{word}|[(（](?:{word})[)）])+", name[: -len(head)]) is not None
