"""Entity rule families (issue 8) on real sentences of the dev set and seeds, negatives
included: verbs that end a name, people-nouns after a head, service centres named by
their users and purpose."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T

# verbs of the clause end a name growing leftwards
NOT_NAMES = [
    ("延边州总工会到延吉市调研工会重点工作", "延吉市调研工会"),
    ("171名代表共商长白山工会发展", "共商长白山工会"),
    ("亮相首届大国工匠创新交流大会;国网邯郸供电公司高鹏获奖。", "亮相首届大国工匠创新交流大会"),
    ("2022年杭州市社会化职业化工会工作者招聘笔试于近期举行。", "杭州市社会化职业化工会"),
    ("市总工会负责人来区讲授产业工人队伍建设改革。", "来区讲"),
    ("大会由三圣街道总工会主办、区总工会指导。", "由三圣"),
    ("将在炼钢浇钢工(连铸工)、转炉炼钢工等个人项目中一较高下。", "连铸工"),
]

# Hong Kong, Macau and Taiwan: union heads, districts, cities (text given in traditional
# characters, names in simplified)
TRADITIONAL = [
    ("澳門工會聯合總會理事長出席活動。", T.UNION, "澳门工会联合总会"),
    ("中華海員工業聯合總會會長致辭。", T.UNION, "中华海员工业联合总会"),
    ("活動在台中市舉行，勞工朋友踴躍參加。", T.PLACE, "台中市"),
    ("工聯會在荃灣區設立服務中心。", T.PLACE, "荃湾区"),
]
NAMES = [
    ("亮相首届大国工匠创新交流大会;国网邯郸供电公司获奖。", T.EVENT, "首届大国工匠创新交流大会"),
    ("全总调研组到宁夏吴忠调研工会工作。", T.PLACE, "吴忠市"),
]

# a 中心 named only by the people it serves and what it does is a service (a Programme);
# one named by a body or place is an organisation
SERVICE_CENTRES = [
    ("龚红敏逐一察看了职工书屋、职工心理健康服务中心、职工婚恋中心。", "职工心理健康服务中心"),
    ("龚红敏逐一察看了职工书屋、职工心理健康服务中心、职工婚恋中心。", "职工婚恋中心"),
    ("为了把服务做得更好,市总工会新建了职工健康管理中心。", "职工健康管理中心"),
    ("州总工会和各县总工会已建成困难职工帮扶中心和法律援助中心7个。", "困难职工帮扶中心"),
    ("州总工会和各县总工会已建成困难职工帮扶中心和法律援助中心7个。", "法律援助中心"),
]
ORGANISATION_CENTRES = [
    ("襄州区妇幼保健院婴幼儿托育早教服务中心揭牌。", "襄州区妇幼保健院婴幼儿托育早教服务中心"),
]


def _names(mentions, label=None) -> set[str]:
    return {m.display_name for m in mentions if label is None or m.label == label}


@pytest.mark.parametrize(("text", "word"), NOT_NAMES)
def test_not_names(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in _names(mentions)


@pytest.mark.parametrize(("text", "label", "name"), NAMES + TRADITIONAL)
def test_names(analyse, text: str, label: T, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, label)


@pytest.mark.parametrize(("text", "name"), SERVICE_CENTRES)
def test_service_centres_are_programmes(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)
    assert name not in _names(mentions, T.ORGANIZATION)


@pytest.mark.parametrize(("text", "name"), ORGANISATION_CENTRES)
def test_named_centres_stay_organisations(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.ORGANIZATION)


# several places' unions together are not one body; one place's union with its level is
COLLECTIVE_UNIONS = [
    ("这是粤港澳三地工会首次联合举办活动。", "粤港澳三地工会"),
    ("大湾区内地九市总工会负责人出席。", "大湾区内地九市总工会"),
    ("港澳两地工会代表参加交流。", "港澳两地工会"),
]
PLACE_UNIONS = [
    ("阿克苏地区工会开展送温暖活动。", "阿克苏地区工会"),
]

# zones and districts with their own names are places
ZONES = [
    ("推动沙头角深港国际消费合作区职工服务提质。", "沙头角深港国际消费合作区"),
    ("天门经济开发区企业工会积极参与。", "天门经济开发区"),
]


@pytest.mark.parametrize(("text", "name"), COLLECTIVE_UNIONS)
def test_collective_unions_are_not_bodies(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.UNION)


@pytest.mark.parametrize(("text", "name"), PLACE_UNIONS)
def test_place_unions_stay(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.UNION)


@pytest.mark.parametrize(("text", "name"), ZONES)
def test_zones_are_places(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PLACE)


def test_byline_is_not_part_of_a_name(analyse) -> None:
    _, mentions, _ = analyse("(记者郑莉)澳门工会联合总会日前举办研讨会。")
    names = _names(mentions, T.UNION)
    assert "澳门工会联合总会" in names
    assert not any(n.startswith("(") for n in names)
