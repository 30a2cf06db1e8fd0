"""Errors issue 8 saw on the seeds' build (item 6), each on its real sentence, with a
sentence of the same kind that must still give the entity."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T


def _names(mentions, label=None) -> set[str]:
    return {m.display_name for m in mentions if label is None or m.label == label}


# a domain term that ends in a company head is no company (上市公司 gave 常州市公司);
# a name that opens on a modifier needs a proper part (老陶瓷厂)
NOT_COMPANIES = [
    ("常州工会始终坚持全心全意依靠工人阶级的方针,加速形成上市公司职代会制度高质量运行。", "市公司"),
    ("将老陶瓷厂的旧厂房改成“产、创、展、商”于一体的特色陶瓷产业园。", "老陶瓷厂"),
]
COMPANIES = [
    ("开平区将唐山陶瓷厂的旧厂房改成特色陶瓷产业园。", "唐山陶瓷厂"),
]


@pytest.mark.parametrize(("text", "word"), NOT_COMPANIES)
def test_not_companies(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in _names(mentions)


@pytest.mark.parametrize(("text", "name"), COMPANIES)
def test_companies(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.ENTERPRISE)


# jieba splits the last character of a three-character name off before a speech verb
# (阎晶|品|说); a function word there is no part of the name (王芳|也|说)
PERSONS = [
    (
        "青岛市总工会职工服务中心工作人员阎晶品说,今年以来,服务中心为职工提供权益维护641件次。",
        "阎晶品",
    ),
    ("青岛市总工会职工服务中心工作人员阎晶品表示,服务中心为职工提供权益维护。", "阎晶品"),
    ("市总工会副主席王芳也说,今年将继续开展送温暖活动。", "王芳"),
]


@pytest.mark.parametrize(("text", "name"), PERSONS)
def test_clipped_names(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    people = _names(mentions, T.PERSON)
    assert name in people
    assert not {p for p in people if p != name and (p in name or name in p)}
