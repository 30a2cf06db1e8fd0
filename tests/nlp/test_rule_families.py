"""Entity rule families of issue 8 (item: entity recall), each on real sentences of the
seeds and dev set d01–d30, negatives included."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T


def _names(mentions, label=None) -> set[str]:
    return {m.display_name for m in mentions if label is None or m.label == label}


# a known division anywhere in a name is a place of its own (the name gives locatedIn);
# an unknown word in the middle of a name is not
INNER_PLACES = [
    ("人受到中华全国总工会表彰:国网石家庄供电公司获全国五一劳动奖状。", "石家庄市"),
    ("国网临汾供电公司工会准备了“暖心包”。", "临汾市"),
]
NOT_INNER_PLACES = [
    ("陕西海川医药有限公司工会主席同艳介绍。", "海川"),
]


@pytest.mark.parametrize(("text", "name"), INNER_PLACES)
def test_known_place_inside_a_name(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PLACE)


@pytest.mark.parametrize(("text", "word"), NOT_INNER_PLACES)
def test_unknown_word_inside_a_name_is_no_place(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in _names(mentions)


# a weak head (活动, 行动, 工程 …) written right after the verb that sets up, holds or runs
# it: every word from the verb to the head is the name
TRIGGER_PROGRAMMES = [
    ("通过实施职工建功立业创新创造活动,高质量办好工匠学院。", "职工建功立业创新创造活动"),
    ("现已组织26批次2024名职工参加职工疗休养活动,拉动本市消费。", "职工疗休养活动"),
    ("贵州省国防工会表示,下一步将全力推进军工技能提升行动。", "军工技能提升行动"),
    ("一是设立困难职工帮扶专项资金,二是成立州困难职工解困基金。", "困难职工帮扶专项资金"),
    ("户外劳动者服务站持续开展送清凉活动。", "送清凉活动"),
    (
        "先摸清职工培训需求,再组织实施“送教上门”产业工人提素专项行动。",
        "送教上门产业工人提素专项行动",
    ),
]
NOT_TRIGGER_PROGRAMMES = [
    # a function word or a number between the verb and the head
    ("工会组织开展了丰富多彩的文体活动。", "丰富多彩的文体活动"),
    ("区总工会开展各类活动30余场。", "各类活动"),
    # 机制, 平台: not a head a description makes a name
    ("市总工会建立了联动协调机制。", "联动协调机制"),
    # the quoted part opening the name is not a second programme
    ("先摸清职工培训需求,再组织实施“送教上门”产业工人提素专项行动。", "送教上门"),
]


@pytest.mark.parametrize(("text", "name"), TRIGGER_PROGRAMMES)
def test_programme_after_its_verb(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "word"), NOT_TRIGGER_PROGRAMMES)
def test_no_programme_after_its_verb(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in _names(mentions)
