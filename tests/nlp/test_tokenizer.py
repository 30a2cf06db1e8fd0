"""kg.nlp.tokenizer: one jieba pass gives the tokens and the words, and the pipeline finds
the same spans as over spaCy's own jieba tokenizer (which kg_words then re-segments)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import kg.nlp
from kg.nlp import COMPONENTS, load_pipeline
from kg.nlp.tokenizer import TOKENIZER, posseg_words

TEXTS = [
    "西安市总工会主席薛振虎在会上讲话。",
    "荃湾区工联会与澳门街坊总会合办第3届粤港澳大湾区职工技能大赛，ABC公司派员参赛。",
    "  标题 2024 年\n\n杭州市总工会  在萧山区\r\n举行 “工匠学院” 揭牌仪式 。 ",
]


def spans(doc: Doc) -> list[tuple[int, int, str, str, str]]:
    return [(s.start_char, s.end_char, s.label_, s._.kg_name, s._.kg_rule) for s in doc.spans["kg"]]


@pytest.fixture(scope="module")
def stock() -> spacy.Language:
    """The same components over spaCy's Chinese tokenizer (jieba.cut)."""
    load_pipeline()  # the lexicon's words in jieba's dictionary first
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_are_the_posseg_words(text: str) -> None:
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert doc._.kg_text == doc.text
    words = posseg_words(text)
    assert doc._.kg_words == words
    assert "".join(w.text for w in words) == text
    starts = {w.start: w.tag for w in words}
    for token in doc:
        assert token.idx in starts  # every token starts a word …
        assert token.tag_ == starts[token.idx]  # … and carries its tag
    assert {t.idx + len(t.text) for t in doc} <= {w.end for w in words}


def test_the_pipeline_names_its_tokenizer() -> None:
    nlp = kg.nlp.load()
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER


@pytest.mark.parametrize("text", TEXTS)
def test_same_spans_as_over_spacys_tokenizer(text: str, stock: spacy.Language) -> None:
    assert spans(load_pipeline()(text)) == spans(stock(text))


def test_same_spans_on_a_seed(seeds_dir: Path, stock: spacy.Language) -> None:
    text = sorted(seeds_dir.glob("*.txt"))[1].read_text(encoding="utf-8")[:4000]
    found = spans(load_pipeline()(text))
    assert len(found) > 20
    assert found == spans(stock(text))


# jieba's HMM glues a preposition or an aspect particle to a name before a level or head
# (由三圣|街道总工会, 介绍|了瑞青|工作室):
# the preposition is given back; a dictionary word and a name before no head are kept.
@pytest.mark.parametrize(
    ("text", "word", "before"),
    [
        ("大会由三圣街道总工会主办,锦江区总工会指导。", "三圣", "由"),
        ("华泾镇关港职工服务站启用仪式暨关港园区庆五一职工嘉年华活动举行。", "关港", "暨"),
        ("以色列工会代表团来访。", "以色列", None),
        # an aspect particle after a verb, before a programme head
        ("瑞青班李丹详细介绍了瑞青工作室作为我省第一批劳模创新工作室的建设工作。", "瑞青", "了"),
    ],
)
def test_glued_preposition(text: str, word: str, before: str | None) -> None:
    words = [w.text for w in posseg_words(text)]
    assert word in words, words
    if before is not None:
        assert any(words[i - 1] == before for i, w in enumerate(words) if w == word), words


def test_glued_preposition_names_the_union(analyse) -> None:
    _, mentions, _ = analyse("大会由三圣街道总工会主办,锦江区总工会指导。")
    names = {m.display_name for m in mentions}
    assert "三圣街道总工会" in names and "三圣街道" in names, names
    assert not any(n.startswith("大会") for n in names)
