"""kg.nlp.components.words: the lexicon's words in jieba's dictionary, whatever else the
process built or processed before."""

from __future__ import annotations

import jieba
import pytest

from kg.nlp import create_pipeline, load_pipeline
from kg.nlp.tokenizer import posseg_words

SENTENCES = [
    # an event name whose first words jieba would glue to a person name (花开/nr) once its
    # dictionary's total frequency grew
    "当天,2024年英雄花开英雄城·传递工运力量主题活动启动。活动由广州市总工会主办,南沙区总工会承办。",
    "昌平区总工会党组书记、常务副主席王冰说。",
    # negative: a sentence with no lexicon word cuts the same way too
    "他说天气很好。",
]


def _analysis(text: str) -> tuple[list, list]:
    doc = load_pipeline()(text)
    words = [(w.text, w.tag) for w in posseg_words(text)]
    return words, [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text", SENTENCES)
def test_output_does_not_depend_on_pipelines_built_before(text: str) -> None:
    before = _analysis(text)
    total = jieba.dt.total
    for _ in range(3):  # notebooks, kg serve, tests: more pipelines in the same process
        create_pipeline()(SENTENCES[1])
    assert jieba.dt.total == total
    assert _analysis(text) == before


def test_second_pipeline_keeps_the_lexicon_words() -> None:
    create_pipeline()
    assert ("总工会", "n") in [(w.text, w.tag) for w in posseg_words("广州市总工会主办")]
