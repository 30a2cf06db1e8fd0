"""Load the recognisers' word lists and gazetteer from ``kg/nlp/data``."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from kg.errors import Errors, ResourceError
from kg.io import load_yaml
from kg.nlp.regional import REGIONAL_DIVISIONS, extend_word_lists, regional_words
from kg.types import EntityType

__all__ = ["Division", "GazetteerEntry", "Lexicon", "load_lexicon"]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One phrase pattern, as in spaCy's EntityRuler JSONL: label, pattern, id.

    ``bounded`` patterns only match whole jieba words (上城区 but not 西安区 in 西安区域).
    ``traditional`` patterns only match text written in traditional characters (工聯會 is
    Hong Kong's federation; 行业工联会 in mainland text is an industry's).
    """

    label: EntityType
    pattern: str
    id: str
    bounded: bool = False
    traditional: bool = False


@dataclass(frozen=True, slots=True)
class Division:
    """An administrative division from ``data/divisions.tsv``; ``parent`` is the name of
    the division it belongs to, or None when the name is shared (朝阳区) or top level."""

    code: str
    name: str
    level: str
    parent: str | None


@dataclass(frozen=True)
class Lexicon:
    """Every word list the recognisers and relation rules read."""

    org_suffixes: dict[str, EntityType]
    subunit_suffixes: tuple[str, ...]
    place_branch_heads: frozenset[str]
    unit_heads: tuple[str, ...]
    unit_not_bodies: tuple[str, ...]
    standalone_bodies: frozenset[str]
    place_bound_heads: tuple[str, ...]
    place_opened_heads: frozenset[str]
    numbered_bureau_heads: frozenset[str]
    organ_departments: frozenset[str]
    enterprise_brand_heads: tuple[str, ...]
    enterprise_trade_initials: frozenset[str]
    enumeration_closers: dict[str, tuple[str, ...]]
    media_patterns: tuple[str, ...]
    false_org_heads: tuple[str, ...]
    words_over_heads: tuple[str, ...]
    body_posts: tuple[str, ...]
    person_nouns: tuple[str, ...]
    person_noun_endings: tuple[str, ...]
    collective_place_words: tuple[str, ...]
    collective_regions: frozenset[str]
    collective_numerals: frozenset[str]
    collective_determiners: tuple[str, ...]
    province_abbreviations: frozenset[str]
    generic_modifiers: frozenset[str]
    level_words: frozenset[str]
    zone_words: frozenset[str]
    closed_place_levels: tuple[str, ...]
    national_openers: tuple[str, ...]
    left_breaks: frozenset[str]
    appointment_verbs: tuple[str, ...]
    posts: frozenset[str]
    weak_posts: frozenset[str]
    name_honorifics: tuple[str, ...]
    post_modifiers: tuple[str, ...]
    post_word_organs: tuple[str, ...]
    name_spans: frozenset[str]
    name_internal_posts: frozenset[str]
    name_internal_verbs: frozenset[str]
    name_internal_chars: frozenset[str]
    domain_words: tuple[str, ...]
    jieba_splits: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    name_followers: tuple[str, ...]
    byline_roles: tuple[str, ...]
    photo_credits: tuple[str, ...]
    name_stop_chars: frozenset[str]
    name_final_stops: frozenset[str]
    not_person: frozenset[str]
    plural_markers: tuple[str, ...]
    forms_of_address: tuple[str, ...]
    family_place_finals: frozenset[str]
    non_person_followers: tuple[str, ...]
    ambiguous_surnames: frozenset[str]
    common_name_word_frequency: int
    non_name_final_chars: frozenset[str]
    surnames: frozenset[str]
    programme_suffixes: tuple[str, ...]
    weak_programme_suffixes: tuple[str, ...]
    programme_grades: frozenset[str]
    shared_programme_heads: tuple[str, ...]
    ownerless_programme_heads: tuple[str, ...]
    conjoined_heads: frozenset[str]
    committee_heads: frozenset[str]
    union_kinds: frozenset[str]
    common_name_heads: tuple[str, ...]
    team_heads: tuple[str, ...]
    quoted_group_heads: tuple[str, ...]
    organiser_roles: tuple[str, ...]
    programme_purpose_words: frozenset[str]
    programme_users: frozenset[str]
    programme_class_words: tuple[str, ...]
    programme_kind_words: frozenset[str]
    programme_triggers: tuple[str, ...]
    programme_followers: tuple[str, ...]
    loose_tail_heads: tuple[str, ...]
    programme_runners: tuple[str, ...]
    programme_title_heads: tuple[str, ...]
    title_qualifiers: tuple[str, ...]
    regional_title_names: tuple[str, ...]
    award_verbs: tuple[str, ...]
    award_marked_verbs: tuple[str, ...]
    prize_ranks: tuple[str, ...]
    contest_titles: tuple[str, ...]
    descriptive_programme_heads: frozenset[str]
    event_suffixes: tuple[str, ...]
    event_weak_heads: tuple[str, ...]
    event_weak_breaks: tuple[str, ...]
    event_series_marks: tuple[str, ...]
    ceremony_heads: tuple[str, ...]
    ceremony_verbs: tuple[str, ...]
    event_openers: tuple[str, ...]
    event_opener_copulas: tuple[str, ...]
    event_subject_breaks: tuple[str, ...]
    event_name_links: frozenset[str]
    programme_contests: tuple[str, ...]
    joint_meeting_heads: tuple[str, ...]
    grant_verbs: tuple[str, ...]
    coordinated_heads: tuple[str, ...]
    construction_heads: tuple[str, ...]
    launch_heads: tuple[str, ...]
    owned_heads: frozenset[str]
    launched_after: tuple[str, ...]
    campus_heads: tuple[str, ...]
    construction_markers: tuple[str, ...]
    meeting_system_heads: tuple[str, ...]
    prepositions: frozenset[str]
    aspect_particles: frozenset[str]
    event_classifiers: tuple[str, ...]
    count_classifiers: frozenset[str]
    recipient_classifiers: frozenset[str]
    event_patterns: tuple[str, ...]
    self_references: dict[str, str]
    place_suffixes: tuple[str, ...]
    venue_suffixes: tuple[str, ...]
    community_suffixes: frozenset[str]
    community_kinds: frozenset[str]
    lower_place_suffixes: tuple[str, ...]
    venue_prepositions: frozenset[str]
    conjunctions: frozenset[str]
    list_links: frozenset[str]
    listed_place_levels: tuple[str, ...]
    company_forms: tuple[str, ...]
    not_place: frozenset[str]
    abbreviation_markers: tuple[str, ...]
    triggers: dict[str, tuple[str, ...]]
    relation_words: dict[str, tuple[str, ...]]
    anaphors: dict[str, EntityType | None]
    level_suffix_words: frozenset[str]
    not_toponym_stems: frozenset[str]
    union_parent_heads: tuple[str, ...]
    union_branded_heads: tuple[str, ...]
    gazetteer: tuple[GazetteerEntry, ...]
    divisions: dict[str, Division]

    @cached_property
    def name_breaking_posts(self) -> frozenset[str]:
        """Posts that end a name growing leftwards (常务副主席郑荣新主持会议 is no event)."""
        return frozenset(
            p for p in self.posts - self.weak_posts if p not in self.name_internal_posts
        )

    @cached_property
    def place_names(self) -> frozenset[str]:
        """Every written form of a known place (吉林, 吉林省, 上城区 …)."""
        return frozenset(e.pattern for e in self.gazetteer if e.label == EntityType.PLACE)

    @cached_property
    def division_stems(self) -> dict[str, str]:
        """A prefecture's or county's name without its level (中山 → 中山市), when no
        written form of the gazetteer is the same: the one prefecture of that stem (中山市,
        not 大连's 中山区), else the one county."""
        counts: Counter[tuple[str, str]] = Counter()
        named: dict[tuple[str, str], str] = {}
        for division in self.divisions.values():
            if division.level in ("prefecture", "county") and division.name.endswith(
                ("市", "区", "县")
            ):
                key = (division.name[:-1], division.level)
                counts[key] += 1
                named[key] = division.name
        known = self.place_names
        stems: dict[str, str] = {}
        for level in ("county", "prefecture"):  # a prefecture's name overrides a county's
            for (stem, of), name in sorted(named.items()):
                if of == level and counts[stem, of] == 1 and len(stem) >= 2 and stem not in known:
                    stems[stem] = name
        return dict(sorted(stems.items()))

    @cached_property
    def place_initials(self) -> frozenset[str]:
        """The first characters of provinces' and prefectures' names, and the provinces'
        one-character abbreviations: how a short name writes its place (太 for 太原)."""
        names = (d.name for d in self.divisions.values() if d.level in ("province", "prefecture"))
        return frozenset({n[0] for n in names} | set(self.province_abbreviations))

    @cached_property
    def programme_kinds(self) -> frozenset[str]:
        """The gazetteer's programmes: standing kinds that many bodies run under one name."""
        return frozenset(e.pattern for e in self.gazetteer if e.label == EntityType.PROGRAMME)

    @cached_property
    def collective_place_re(self) -> re.Pattern[str]:
        """Opens a text on places taken together: a collective word (各县, 两地) or a
        count and a level (六县, 两市, 三区), which names no one place."""
        words = "|".join(map(re.escape, self.collective_place_words))
        counts = "".join(sorted(self.collective_numerals))
        levels = "".join(sorted(s for s in self.level_suffix_words if len(s) == 1))
        return re.compile(rf"(?:{words}|[{counts}][{levels}])")

    @property
    def max_post_len(self) -> int:
        return max(map(len, self.posts))


def _read(name: str) -> str:
    path = resources.files("kg.nlp") / "data" / name
    if not path.is_file():
        raise ResourceError(Errors.E101.format(name=f"kg/nlp/data/{name}"))
    return path.read_text(encoding="utf-8")


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(words), key=lambda w: (-len(w), w)))


def _gazetteer(text: str) -> tuple[GazetteerEntry, ...]:
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            entries.append(
                GazetteerEntry(
                    EntityType(row["label"]),
                    row["pattern"],
                    row.get("id") or row["pattern"],
                    traditional=bool(row.get("traditional", False)),
                    bounded=bool(row.get("bounded", False)),
                )
            )
        except (ValueError, KeyError) as err:
            raise ResourceError(
                Errors.E102.format(name="gazetteer.jsonl", line=number, reason=err)
            ) from err
    return tuple(entries)


def _countries(text: str, known: set[str]) -> tuple[GazetteerEntry, ...]:
    """Foreign countries as Places matched on whole words; each short form names its
    country (印尼 → 印度尼西亚)."""
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, *shorts = line.split("\t")
        entries += [
            GazetteerEntry(EntityType.PLACE, form, name, bounded=True)
            for form in (name, *shorts)
            if form not in known
        ]
    return tuple(entries)


def _divisions(text: str) -> dict[str, Division]:
    rows = [
        line.split("\t")
        for line in text.splitlines()
        if line.strip() and not line.startswith(("#", "code\t"))
    ]
    if any(len(row) != 4 for row in rows):
        raise ResourceError(Errors.E102.format(name="divisions.tsv", line="?", reason="4 columns"))
    by_code = {code: name for code, name, _, _ in rows}
    counts: dict[str, int] = {}
    for _, name, _, _ in rows:
        counts[name] = counts.get(name, 0) + 1
    return {
        name: Division(code, name, level, by_code.get(parent) if counts[name] == 1 else None)
        for code, name, level, parent in rows
    }


def _division_entries(
    divisions: dict[str, Division],
    known: set[str],
    excluded: frozenset[str],
    ethnic_groups: tuple[str, ...] = (),
) -> list[GazetteerEntry]:
    """County-level names as bounded Place patterns; generic (城区, 新城区) and clashing
    ones (西安区, whose stem is the short form of a city) are left out. Prefecture-level
    names the gazetteer lacks (楚雄彝族自治州, 阿克苏地区, 兴安盟) are added too, and an
    autonomous prefecture or county also by its usual short form, its place name and
    level without the peoples (楚雄州, 彭水县)."""
    entries = []
    for name, division in sorted(divisions.items()):
        stem = name[:-1]
        if name in known or name in excluded:
            continue
        county = division.level == "county" and len(stem) >= 2 and stem not in known
        if not (county or division.level == "prefecture"):
            continue
        entries.append(GazetteerEntry(EntityType.PLACE, name, name, bounded=True))
        short = _autonomous_short_form(name, ethnic_groups)
        if short and short not in known and short not in excluded:
            entries.append(GazetteerEntry(EntityType.PLACE, short, short, bounded=True))
    return entries


def _autonomous_short_form(name: str, ethnic_groups: tuple[str, ...]) -> str | None:
    """楚雄彝族自治州 → 楚雄州, 彭水苗族土家族自治县 → 彭水县; None for other names."""
    for level in ("自治州", "自治县"):
        if not name.endswith(level):
            continue
        stem = name[: -len(level)]
        while (group := next((g for g in ethnic_groups if stem.endswith(g)), None)) is not None:
            stem = stem[: -len(group)]
        if len(stem) >= 2 and stem != name[: -len(level)]:
            return stem + level[-1]
    return None


@cache
def load_lexicon() -> Lexicon:
    """Read the packaged lexicon once per process.

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex.org_suffixes["总工会"]
    <EntityType.UNION: 'Union'>
    """
    data = extend_word_lists(load_yaml(_read("lexicon.yaml")), regional_words("lexicon"))
    surnames = [
        line.strip()
        for line in _read("surnames.txt").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    gazetteer = _gazetteer(_read("gazetteer.jsonl"))
    divisions = _divisions(_read("divisions.tsv") + "\n" + _read(REGIONAL_DIVISIONS))
    known = {e.pattern for e in gazetteer}
    excluded = frozenset(data["not_division"])
    ethnic = _longest_first(data["ethnic_groups"])
    gazetteer += tuple(_division_entries(divisions, known, excluded, ethnic))
    gazetteer += _countries(_read("countries.tsv"), known)
    org_suffixes = {
        suffix: EntityType(label)
        for label, suffixes in data["org_suffixes"].items()
        for suffix in suffixes
    }
    body_heads = [
        *(s + h for s in data["government_sectors"] for h in data["government_sector_heads"]),
        *data["standalone_bodies"],
        *data["place_bound_heads"],
    ]
    for head in body_heads:
        org_suffixes.setdefault(head, EntityType.GOVERNMENT_BODY)
    return Lexicon(
        org_suffixes=dict(sorted(org_suffixes.items(), key=lambda kv: (-len(kv[0]), kv[0]))),
        subunit_suffixes=_longest_first(data["subunit_suffixes"]),
        place_branch_heads=frozenset(data["place_branch_heads"]),
        unit_heads=_longest_first(data["unit_heads"]),
        unit_not_bodies=_longest_first(data["unit_not_bodies"]),
        standalone_bodies=frozenset(data["standalone_bodies"]),
        place_bound_heads=_longest_first(data["place_bound_heads"]),
        place_opened_heads=frozenset(data["place_opened_heads"]),
        numbered_bureau_heads=frozenset(data["numbered_bureau_heads"]),
        organ_departments=frozenset(data["organ_departments"]),
        enterprise_brand_heads=_longest_first(data["enterprise_brand_heads"]),
        enterprise_trade_initials=frozenset(data["enterprise_trade_initials"]),
        media_patterns=tuple(data["media_patterns"]),
        enumeration_closers={k: tuple(v) for k, v in data["enumeration_closers"].items()},
        false_org_heads=_longest_first(data["false_org_heads"]),
        words_over_heads=tuple(data["words_over_heads"]),
        body_posts=_longest_first(data["body_posts"]),
        person_nouns=_longest_first(data["person_nouns"]),
        person_noun_endings=_longest_first(data["person_noun_endings"]),
        collective_place_words=_longest_first(data["collective_place_words"]),
        collective_regions=frozenset(data["collective_regions"]),
        collective_numerals=frozenset(data["collective_numerals"]),
        collective_determiners=tuple(data["collective_determiners"]),
        province_abbreviations=frozenset(data["province_abbreviations"]),
        generic_modifiers=frozenset(data["generic_modifiers"]),
        level_words=frozenset(data["level_words"]),
        zone_words=frozenset(data["zone_words"]),
        closed_place_levels=tuple(data["closed_place_levels"]),
        national_openers=_longest_first(data["national_openers"]),
        left_breaks=frozenset(data["left_breaks"] + data["appointment_verbs"]),
        appointment_verbs=_longest_first(data["appointment_verbs"]),
        posts=frozenset(data["posts"]),
        weak_posts=frozenset(data["weak_posts"]),
        name_honorifics=tuple(data["name_honorifics"]),
        post_modifiers=tuple(data["post_modifiers"]),
        post_word_organs=tuple(data["post_word_organs"]),
        name_spans=frozenset(data["name_spans"]),
        name_internal_posts=frozenset(data["name_internal_posts"]),
        name_internal_verbs=frozenset(data["name_internal_verbs"]),
        name_internal_chars=frozenset(data["name_internal_chars"]),
        domain_words=tuple(data["domain_words"]),
        jieba_splits=tuple(data["jieba_splits"]),
        speech_verbs=_longest_first(data["speech_verbs"]),
        name_followers=_longest_first(data["speech_verbs"] + data["name_followers"]),
        byline_roles=_longest_first(data["byline_roles"]),
        photo_credits=_longest_first(data["photo_credits"]),
        name_stop_chars=frozenset(data["name_stop_chars"]),
        name_final_stops=frozenset(data["name_final_stops"]),
        not_person=frozenset(data["not_person"]),
        plural_markers=tuple(data["plural_markers"]),
        forms_of_address=_longest_first(data["forms_of_address"]),
        family_place_finals=frozenset(data["family_place_finals"]),
        non_person_followers=_longest_first(data["non_person_followers"]),
        ambiguous_surnames=frozenset(data["ambiguous_surnames"]),
        common_name_word_frequency=int(data["common_name_word_frequency"]),
        non_name_final_chars=frozenset(data["non_name_final_chars"]),
        surnames=frozenset(surnames),
        programme_suffixes=_longest_first(data["programme_suffixes"]),
        weak_programme_suffixes=_longest_first(data["weak_programme_suffixes"]),
        programme_grades=frozenset(data["programme_grades"]),
        shared_programme_heads=_longest_first(data["shared_programme_heads"]),
        ownerless_programme_heads=_longest_first(data["ownerless_programme_heads"]),
        conjoined_heads=frozenset(data["conjoined_heads"]),
        committee_heads=frozenset(data["committee_heads"]),
        union_kinds=frozenset(data["union_kinds"]),
        common_name_heads=_longest_first(data["common_name_heads"]),
        team_heads=_longest_first(data["team_heads"]),
        quoted_group_heads=_longest_first(data["quoted_group_heads"]),
        organiser_roles=_longest_first(data["organiser_roles"]),
        programme_purpose_words=frozenset(data["programme_purpose_words"]),
        programme_users=frozenset(data["programme_users"]),
        programme_class_words=_longest_first(data["programme_class_words"]),
        programme_kind_words=frozenset(data["programme_kind_words"]),
        programme_triggers=_longest_first(data["programme_triggers"]),
        programme_followers=_longest_first(data["programme_followers"]),
        loose_tail_heads=tuple(data["loose_tail_heads"]),
        programme_runners=_longest_first(data["programme_runners"]),
        programme_title_heads=_longest_first(data["programme_title_heads"]),
        title_qualifiers=_longest_first(data["title_qualifiers"]),
        regional_title_names=_longest_first(data["regional_title_names"]),
        award_verbs=_longest_first(data["award_verbs"]),
        award_marked_verbs=_longest_first(data["award_marked_verbs"]),
        prize_ranks=_longest_first(data["prize_ranks"]),
        contest_titles=_longest_first(data["contest_titles"]),
        descriptive_programme_heads=frozenset(data["descriptive_programme_heads"]),
        event_suffixes=_longest_first(data["event_suffixes"]),
        event_weak_heads=_longest_first(data["event_weak_heads"]),
        event_weak_breaks=tuple(data["event_weak_breaks"]),
        event_series_marks=tuple(data["event_series_marks"]),
        ceremony_heads=_longest_first(data["ceremony_heads"]),
        ceremony_verbs=_longest_first(data["ceremony_verbs"]),
        event_openers=_longest_first(data["event_openers"]),
        event_opener_copulas=_longest_first(data["event_opener_copulas"]),
        event_name_links=frozenset(data["event_name_links"]),
        programme_contests=_longest_first(data["programme_contests"]),
        joint_meeting_heads=_longest_first(data["joint_meeting_heads"]),
        grant_verbs=_longest_first(data["grant_verbs"]),
        coordinated_heads=_longest_first(data["coordinated_heads"]),
        construction_heads=_longest_first(data["construction_heads"]),
        launch_heads=_longest_first(data["launch_heads"]),
        owned_heads=frozenset(data["owned_heads"]),
        launched_after=_longest_first(data["launched_after"]),
        campus_heads=_longest_first(data["campus_heads"]),
        construction_markers=_longest_first(data["construction_markers"]),
        meeting_system_heads=_longest_first(data["meeting_system_heads"]),
        event_subject_breaks=_longest_first(data["speech_verbs"] + data["event_subject_breaks"]),
        prepositions=frozenset(data["prepositions"]),
        aspect_particles=frozenset(data["aspect_particles"]),
        event_classifiers=tuple(data["event_classifiers"]),
        count_classifiers=frozenset(data["count_classifiers"]),
        recipient_classifiers=frozenset(data["recipient_classifiers"]),
        event_patterns=tuple(data["event_patterns"]),
        self_references=dict(data["self_references"]),
        place_suffixes=_longest_first(data["place_suffixes"]),
        venue_suffixes=_longest_first(data["venue_suffixes"]),
        community_suffixes=frozenset(data["community_suffixes"]),
        community_kinds=frozenset(data["community_kinds"]),
        lower_place_suffixes=_longest_first(data["lower_place_suffixes"]),
        venue_prepositions=frozenset(data["venue_prepositions"]),
        conjunctions=frozenset(data["conjunctions"]),
        list_links=frozenset(data["list_links"]),
        listed_place_levels=tuple(data["listed_place_levels"]),
        company_forms=_longest_first(data["company_forms"]),
        not_place=frozenset(data["not_place"]),
        abbreviation_markers=_longest_first(data["abbreviation_markers"]),
        triggers={k: _longest_first(v) for k, v in data["triggers"].items()},
        relation_words={k: _longest_first(v) for k, v in data["relation_words"].items()},
        anaphors={k: EntityType(v) if v else None for k, v in data["anaphors"].items()},
        level_suffix_words=frozenset(data["level_suffix_words"]),
        not_toponym_stems=frozenset(data["not_toponym_stems"]),
        union_parent_heads=tuple(data["union_parent_heads"]),
        union_branded_heads=_longest_first(data["union_branded_heads"]),
        gazetteer=gazetteer,
        divisions=divisions,
    )
