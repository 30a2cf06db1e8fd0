"""kg.nlp.posseg: the faster Viterbi and tagger give exactly jieba's results."""

from __future__ import annotations

import random

import jieba.posseg
import pytest
from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
from jieba.posseg.viterbi import viterbi as jieba_viterbi

from kg.nlp import load_pipeline
from kg.nlp.posseg import POSTagger, viterbi

SENTENCES = [
    "郑荣新主持会议，易梅森、欧阳春晓和司马光宇出席。",
    "西安市总工会联合陕西海川医药有限公司举办2024年“春风送岗”招聘会。",
    "杭州市上城区总工会（以下简称上城区总工会）在湖滨街道设立爱心母婴室。",
    "中建安装苏杭公司工会与天津市总工会劳动关系部签订合作协议暨启动仪式。",
    "临安区玲珑街道总工会组织快递小哥、网约车司机参加“司机之家”体验活动。",
    "荃湾区工联会与澳门街坊总会合办第3届粤港澳大湾区职工技能大赛，ABC公司派员参赛。",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_viterbi_is_jiebas(sentence: str) -> None:
    # runs of 2–6 characters from every other position, as jieba hands unknown runs to the HMM
    runs = {sentence[i : i + n] for n in range(2, 7) for i in range(0, len(sentence) - n + 1, 2)}
    for run in sorted(runs):
        assert viterbi(run) == jieba_viterbi(run, char_state_tab_P, start_P, trans_P, emit_P)


def test_viterbi_is_jiebas_on_any_characters() -> None:
    # random runs mixing the sentences' characters with letters, digits, symbols and rare
    # characters the model has no states for (then every state is allowed)
    alphabet = "".join(SENTENCES) + "abcXYZ019，。、“”ⅧⅫ①㐀𠀀"
    rng = random.Random(7)
    for _ in range(1500):
        run = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24)))
        assert viterbi(run) == jieba_viterbi(run, char_state_tab_P, start_P, trans_P, emit_P)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tagger_cuts_as_jieba_posseg(sentence: str) -> None:
    load_pipeline()  # the lexicon's words in jieba's dictionary, as in the pipeline
    expected = [(p.word, p.flag) for p in jieba.posseg.dt.cut(sentence, HMM=True)]
    found = [(p.word, p.flag) for p in POSTagger().cut(sentence, HMM=True)]
    assert found == expected
    assert "".join(w for w, _ in found) == sentence
