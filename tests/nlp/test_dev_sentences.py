"""Rule families on real sentences of the dev set (../shared/dev), negatives included."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T

# a name right after a post, ended by punctuation or a word that follows names
PERSONS_AFTER_POSTS = [
    ("江门市总工会党组成员、副主席罗海华，新会区人大常委会副主任出席。", "罗海华"),
    ("新会区人大常委会副主任、总工会党组书记、主席何卫东等出席并参加揭牌。", "何卫东"),
    ("会议，州人民政府副州长吕永和，州人大常委会副主任出席。", "吕永和"),
    ("福州农商银行党委书记、董事长林向前及该行领导参加活动。", "林向前"),
    ("西宁市委常委、宣传部部长、市总工会主席王霞等陪同。", "王霞"),
]
NOT_PERSONS_AFTER_POSTS = [
    ("西宁市委常委、宣传部部长、市总工会主席王霞等陪同。", "王霞等"),
    ("昌平区总工会党组书记、常务副主席王冰说。", "王冰说"),
    ("培养造就更多大国工匠吉林行活动。", "吉林行"),
    ("职工代表劳动热情高涨。", "劳动"),
]

# Party committees, offices and groups are government bodies; 市委|市政府 are two
BODIES = [
    ("省委常委王宇燕在省委副秘书长侯鹏宁陪同下来到西宁市委。", T.GOVERNMENT_BODY, "西宁市委"),
    ("西双版纳州发改委、州工信委参加会议。", T.GOVERNMENT_BODY, "西双版纳州发改委"),
    ("锡林浩特市人大副主任、总工会主席托娅到场。", T.GOVERNMENT_BODY, "锡林浩特市人大"),
    ("南宁海关等单位参加签约。", T.GOVERNMENT_BODY, "南宁海关"),
]
NOT_BODIES = [
    ("要团结带领全市职工群众锚定市委市政府的中心任务。", "职工群众锚定市委市政府"),
    ("市总工会将认真落实市委市政府工作要求。", "认真落实市委市政府"),
]


@pytest.mark.parametrize(("text", "name"), PERSONS_AFTER_POSTS)
def test_person_after_post(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.PERSON, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_PERSONS_AFTER_POSTS)
def test_not_person_after_post(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in {m.display_name for m in mentions if m.label == T.PERSON}


@pytest.mark.parametrize(("text", "label", "name"), BODIES)
def test_bodies(analyse, text: str, label: T, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (label, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_BODIES)
def test_not_bodies(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in {m.display_name for m in mentions}
