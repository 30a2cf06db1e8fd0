"""kg.nlp.automaton: one Aho-Corasick pass gives what the regex alternation gave."""

from __future__ import annotations

import re

import pytest

from kg.nlp.automaton import Phrases
from kg.nlp.lexicon import load_lexicon


def _regex(phrases: list[str]) -> re.Pattern[str]:
    alternatives = sorted(set(phrases), key=lambda p: (-len(p), p))
    return re.compile("|".join(map(re.escape, alternatives)))


SENTENCES = [
    "吉林省总工会在长春市召开全省工会工作会议，吉林市总工会主席出席。",
    "西安市总工会联合西安区域内企业，举办2024年“春风送岗”西安市春季大型招聘会。",
    "杭州市上城区总工会（以下简称上城区总工会）在湖滨街道设立爱心母婴室和司机之家。",
    "中建安装苏杭公司工会与天津市总工会劳动关系部签订合作协议暨启动仪式。",
    "湖北省襄阳市总工会常务副主席郑荣新主持会议，市人社局、市妇联负责同志参加。",
    "南沙区总工会、市第二工人文化宫承办第二届职工创新工作室联盟成果展示会。",
]


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.mark.parametrize("sentence", SENTENCES)
def test_gazetteer_matches_as_the_regex(lex, sentence: str) -> None:
    patterns = [e.pattern for e in lex.gazetteer]
    expected = [(m.group(0), m.start(), m.end()) for m in _regex(patterns).finditer(sentence)]
    assert [
        (m.group(), m.start(), m.end()) for m in Phrases(patterns).finditer(sentence)
    ] == expected


@pytest.mark.parametrize("sentence", SENTENCES)
def test_heads_match_as_the_regex(lex, sentence: str) -> None:
    heads = [*lex.org_suffixes, *lex.subunit_suffixes, *lex.event_suffixes]
    expected = [(m.group(0), m.start(), m.end()) for m in _regex(heads).finditer(sentence)]
    found = [(m.group(), m.start(), m.end()) for m in Phrases(heads).finditer(sentence)]
    assert found == expected
    assert found  # every sentence has a head


@pytest.mark.parametrize(
    ("phrases", "text", "expected"),
    [
        # the longest phrase at the leftmost start wins, even over a later longer one
        (["吉林", "吉林省", "林省长春"], "吉林省长春市", [("吉林省", 0, 3)]),
        # matches do not overlap: 工会 inside 总工会 is not reported again
        (["总工会", "工会", "会议"], "总工会议", [("总工会", 0, 3)]),
        # after a match the scan resumes at its end
        (["工会", "会议"], "工会会议", [("工会", 0, 2), ("会议", 2, 4)]),
        (["市总", "总工会"], "市总工会", [("市总", 0, 2)]),
        ([], "市总工会", []),
    ],
)
def test_leftmost_longest_rules(phrases: list[str], text: str, expected: list) -> None:
    assert [(m.group(), *m.span()) for m in Phrases(phrases).finditer(text)] == expected
    if phrases:
        regex = _regex(phrases)
        assert [(m.group(0), m.start(), m.end()) for m in regex.finditer(text)] == expected


@pytest.mark.parametrize(("pos", "endpos"), [(0, None), (3, None), (4, 20), (10, 11), (30, None)])
def test_window_offsets_as_the_regex(lex, pos: int, endpos: int | None) -> None:
    sentence = SENTENCES[1]
    patterns = [e.pattern for e in lex.gazetteer]
    stop = len(sentence) if endpos is None else endpos
    expected = [
        (m.group(0), m.start(), m.end()) for m in _regex(patterns).finditer(sentence, pos, stop)
    ]
    found = Phrases(patterns).finditer(sentence, pos, endpos)
    assert [(m.group(), m.start(), m.end()) for m in found] == expected


@pytest.mark.parametrize(
    ("pos", "expected"), [(0, "吉林省"), (1, None), (3, "总工会"), (4, "工会")]
)
def test_match_is_the_longest_at_pos(pos: int, expected: str | None) -> None:
    phrases = ["吉林", "吉林省", "总工会", "工会"]
    text = "吉林省总工会"
    found = Phrases(phrases).match(text, pos)
    assert (found.group() if found else None) == expected
    m = _regex(phrases).match(text, pos)
    assert (m.group(0) if m else None) == expected


@pytest.mark.parametrize(("pos", "endpos"), [(0, None), (0, 3), (3, 9), (7, 8), (9, None)])
def test_search_in_a_window_as_the_regex(pos: int, endpos: int | None) -> None:
    phrases = ["吉林", "吉林省", "总工会", "工会"]
    text = "吉林省总工会在吉林工会"
    stop = len(text) if endpos is None else endpos
    m = _regex(phrases).search(text, pos, stop)
    found = Phrases(phrases).search(text, pos, endpos)
    assert (found.span() if found else None) == (m.span() if m else None)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_longest_ending_at_is_the_longest_slice(lex, sentence: str) -> None:
    phrases = [*lex.org_suffixes, *lex.programme_suffixes, *lex.event_suffixes, *lex.posts]
    heads = Phrases(phrases)
    ends = list(range(len(sentence) + 1))
    expected = []
    for end in ends:  # every length, longest first, as a slice of the text
        for n in sorted({len(p) for p in heads.phrases}, reverse=True):
            if n <= end and sentence[end - n : end] in heads:
                expected.append((sentence[end - n : end], end - n, end))
                break
    found = [(m.group(), m.start(), m.end()) for m in heads.longest_ending_at(sentence, ends)]
    assert found == expected
    assert found  # each sentence ends a head somewhere
