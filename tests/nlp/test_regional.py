"""Hong Kong, Macau and Taiwan vocabulary (kg/nlp/data/traditional.yaml) on traditional text."""

from __future__ import annotations

import pytest

from kg.errors import ResourceError
from kg.nlp.lexicon import load_lexicon
from kg.nlp.regional import extend_word_lists
from kg.pipeline import build_corpus


def _facts(tmp_path, text: str):
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    G = build_corpus([path]).graph
    nodes = {n: d for n, d in G.nodes(data=True) if d.get("type")}
    edges = {
        (nodes[u]["name"], d.get("predicate") or d.get("type"), nodes[v]["name"], d.get("role"))
        for u, v, d in G.edges(data=True)
        if u in nodes and v in nodes
    }
    return nodes, edges


@pytest.mark.parametrize(
    ("text", "person", "body", "role"),
    [
        (
            "香港紡織業職工會(紡職會)昨日舉行會員大會。紡職會榮譽會長陳志強表示,工友支持。",
            "陈志强",
            "香港纺织业职工会",
            "荣誉会长",
        ),
        (
            "澳門建造業職工會(建職會)舉行座談會。建職會理事長梁國華說,僱員權益要保障。",
            "梁国华",
            "澳门建造业职工会",
            "理事长",
        ),
        (
            "高雄市汽車修護職業工會理事長林文雄指出,勞方與資方應當對話。",
            "林文雄",
            "高雄市汽车修护职业工会",
            "理事长",
        ),
    ],
)
def test_posts_and_bare_short_forms(tmp_path, text, person, body, role):
    _, edges = _facts(tmp_path, text)
    members = {(h, t, r) for h, p, t, r in edges if "memberOf" in str(p)}
    assert (person, body, role) in members


def test_original_spelling_stays_an_alias(tmp_path):
    nodes, _ = _facts(tmp_path, "香港紡織業職工會(紡職會)昨日舉行會員大會。紡職會會長陳志強致辭。")
    union = next(d for d in nodes.values() if d["name"] == "香港纺织业职工会")
    aliases = set(union.get("aliases") or ())
    assert {"香港紡織業職工會", "纺职会", "紡職會"} <= aliases


def test_bare_parentheses_inside_a_name_are_no_short_form(tmp_path):
    nodes, _ = _facts(tmp_path, "合肥市产业投资控股(集团)有限公司召开职工代表大会。")
    names = {d["name"] for d in nodes.values()}
    assert not any(n.endswith("控股集团") for n in names)


@pytest.mark.parametrize(
    ("name", "parent"),
    [
        ("西屯区", "台中市"),
        ("湾仔区", "香港特别行政区"),
        ("花地玛堂区", "澳门特别行政区"),
        ("台中市", "台湾省"),
        ("板桥区", "新北市"),
    ],
)
def test_place_table(name, parent):
    lex = load_lexicon()
    assert lex.divisions[name].parent == parent
    assert name in lex.place_names


def test_mainland_reading_of_shared_names_is_kept():
    assert load_lexicon().divisions["金山区"].parent == "上海市"


def test_regional_lists_extend_the_lexicon():
    lex = load_lexicon()
    assert {"荣誉会长", "主委", "立委", "署长"} <= lex.posts
    assert "合办" in lex.triggers["organizes"]
    with pytest.raises(ResourceError):
        extend_word_lists({"posts": []}, {"no_such_list": ["x"]})


# heads of names: 工會聯合總會 is one union (no 澳門工會 inside it), 交流中心 an
# organisation's head (jieba keeps 交流中心 one word)
_HEADS = [
    (
        "澳門工會聯合總會(工聯總會)輪值承辦的「粵港澳大灣區工會第四次聯席會議」9日上午在澳門舉行。",
        "澳门工会联合总会",
        "Union",
        "澳门工会",
    ),
    (
        "出席會議的嘉賓還有:中華全國總工會中國職工交流中心秘書長張廣,廣東省總工會主席呂業升。",
        "中华全国总工会中国职工交流中心",
        "Organization",
        "中心",
    ),
]


@pytest.mark.parametrize(("text", "name", "label", "not_a_node"), _HEADS)
def test_heads_of_union_and_organisation_names(tmp_path, text, name, label, not_a_node):
    nodes, edges = _facts(tmp_path, text)
    by_name = {d["name"]: d for d in nodes.values()}
    assert by_name[name]["type"] == label
    assert not_a_node not in by_name
    assert not [e for e in edges if "subOrganizationOf" in str(e[1]) and e[2] == not_a_node]


def test_exchange_centre_staff_and_parent(tmp_path):
    _, edges = _facts(
        tmp_path,
        "出席會議的嘉賓還有:中華全國總工會中國職工交流中心秘書長張廣,廣東省總工會主席呂業升。",
    )
    found = {(h, str(p).rsplit("/", 1)[-1].rsplit("#", 1)[-1], t, r) for h, p, t, r in edges}
    assert ("张广", "memberOf", "中华全国总工会中国职工交流中心", "秘书长") in found, found
    assert ("中华全国总工会中国职工交流中心", "subOrganizationOf", "中华全国总工会", None) in found


# 工聯會 (Hong Kong's federation) in traditional text; posts of legislators and district
# councillors (立法會議員, 區議員) after a body or a district
_HK_POSTS = [
    ("工聯會秘書長何啟明指出,工友需要支援。", ("何启明", "香港工会联合会", "秘书长")),
    ("工聯會會長吳秋北率團訪問深圳市總工會。", ("吴秋北", "香港工会联合会", "会长")),
    (
        "工聯會立法會議員郭偉強表示,政府應保障打工仔權益。",
        ("郭伟强", "香港工会联合会", "立法会议员"),
    ),
    ("香港立法會議員郭偉強表示,政府應保障權益。", ("郭伟强", "香港立法会", "议员")),
]


@pytest.mark.parametrize(("text", "member"), _HK_POSTS)
def test_hong_kong_federation_and_legislators(tmp_path, text, member):
    _, edges = _facts(tmp_path, text)
    members = {(h, t, r) for h, p, t, r in edges if "memberOf" in str(p)}
    assert member in members, members


def test_district_councillor_is_a_person(tmp_path):
    nodes, _ = _facts(tmp_path, "觀塘區議員黃國明與街坊會面。")
    assert {"黄国明", "观塘区"} <= {d["name"] for d in nodes.values()}


# 工联会 in simplified text, or after a noun, is another federation's name
_NOT_THE_FEDERATION = [
    "新业态行业工联会和低空经济行业工联会也在中心设立了办公室。",
    "该工联会负责人表示,将吸纳骑手入会。",
    "深圳市工聯會主席張三出席。",
]


@pytest.mark.parametrize("text", _NOT_THE_FEDERATION)
def test_other_federations_are_not_hong_kongs(tmp_path, text):
    nodes, _ = _facts(tmp_path, text)
    assert "香港工会联合会" not in {d["name"] for d in nodes.values()}


def test_a_womans_post_names_no_union(tmp_path):
    nodes, _ = _facts(tmp_path, "台中市勞工總工會成立 蔡滿玉成為台中首位女性總工會理事長")
    assert "女性总工会" not in {d["name"] for d in nodes.values()}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("工會將延攬具勞動部資歷的勞資顧問,組建專業團隊。", "劳动部"),
        ("立法院昨日三讀通過勞基法修正案。", "立法院"),
    ],
)
def test_taiwan_bodies_named_by_their_head(tmp_path, text, name):
    nodes, _ = _facts(tmp_path, text)
    assert name in {d["name"] for d in nodes.values() if d["type"] == "GovernmentBody"}


# the short forms of Macau's federation and of a SAR (gazetteer.jsonl) name the same
# nodes as the full names: no second union, no place located in itself
def test_macau_short_forms_are_the_federation_and_the_region(tmp_path):
    nodes, edges = _facts(
        tmp_path,
        "澳門特區行政長官何厚鏵、全國政協副主席馬萬祺出席酒會。他贊揚澳門工聯會長期堅持愛國愛澳的"
        "職工運動,澳門工會聯合總會會長潘玉蘭致辭。",
    )
    names = {d["name"] for d in nodes.values()}
    assert {"澳门工会联合总会", "澳门特别行政区"} <= names
    assert not names & {"澳门工联会", "澳门特区"}
    assert not any(h == "澳门特别行政区" and p == "locatedIn" for h, p, _, _ in edges)
