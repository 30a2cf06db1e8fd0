"""kg_spans: a name that starts on a place's level word takes the place in (real sentences)."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T

# jieba cuts 新立|社区工会驿站: the site's name would start on 社区 and cross 新立社区
THROUGH = [
    (
        "来到覃家岗街道新立社区工会驿站,邓朝霞与新就业形态劳动者代表围坐交流。",
        (T.PROGRAMME, "覃家岗街道新立社区工会驿站"),
        (T.PLACE, "新立社区"),
    ),
]
# a name that does not start inside a place is left as it is
NOT_THROUGH = [
    ("西安市总工会人才市场平台上线。", (T.UNION, "西安市总工会")),
    ("昆明市五华区红云街道银河社区工会驿站揭牌。", (T.PLACE, "红云街道")),
]


@pytest.mark.parametrize(("text", "name", "place"), THROUGH)
def test_name_through_place(analyse, text: str, name: tuple, place: tuple) -> None:
    _, mentions, _ = analyse(text)
    found = {(m.label, m.display_name) for m in mentions}
    assert name in found and place in found, found


@pytest.mark.parametrize(("text", "name"), NOT_THROUGH)
def test_name_kept(analyse, text: str, name: tuple) -> None:
    _, mentions, _ = analyse(text)
    found = {(m.label, m.display_name) for m in mentions}
    assert name in found, found
    assert not any(n.startswith(("区", "道", "社区")) for _, n in found), found


# towns and streets jieba reads in pieces: a name word, one character and the level
# (崇文门|外|街道, 大宁|路|街道); a name led by a numeral (三门(m)|镇); a county the text
# names, without its level, before a town of it (泊头|营子镇)
TOWNS = [
    (
        "座谈会上,调研组一行听取了区总工会关于“县级工会加强年”工作的专项汇报,并与北京南门涮肉有限公司"
        "工会、北京京诚集团有限责任公司工会、龙潭街道总工会、崇文门外街道总工会分别就疫情期间集体协商、"
        "产业工人队伍建设、职工之家建设及新就业群体服务等方面进行座谈交流。",
        "崇文门外街道",
    ),
    (
        "自2016年起,在大宁路街道、德必易园的赋能下,白领健身角、职工书屋、爱心妈咪小屋等工会阵地也相继"
        "融入其中。",
        "大宁路街道",
    ),
    (
        "9月19至20日,由县总工会、县人力资源和社会保障局主办,广西龙胜华美滑石开发有限公司、广西龙广滑石开发股份有限"
        "公司、桂林桂广滑石开发有限公司承办的“我为打造桂林世界级旅游城市生态排头兵作贡献”劳动和技能竞赛暨2024年龙胜"
        "各族自治县矿业行业职工职业技能竞赛在三门镇举行。",
        "三门镇",
    ),
    (
        "在河北省泊头市总工会的积极推动下,泊头营子镇桑椹行业协会在《河北省女职工劳动保护特别规定》基础上,结合行业实际,"
        "在女职工专项集体合同中制定了更明确的哺乳假待遇标准:女职工产假期满后,经本人申请,企业批准,可再请哺乳假六个半月"
        ",哺乳假期间工资按照原工资性收入80%计发,便于基层企业执行操作。",
        "营子镇",
    ),
]
# a town's name is not read across a stem and the next level (滨海|港镇干河村)
NOT_TOWNS = [
    (
        "”近日,江苏省盐城市滨海县滨海港镇干河村党总支书记、村主任宋国光介绍,对本县具有潜力的农产品进行综合开发,同时挑"
        "选160名劳模、670名工匠与种植大户进行一对一专业技术辅导。",
        "港镇干河村",
    ),
]


@pytest.mark.parametrize(("text", "name"), TOWNS)
def test_towns_read_in_pieces(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.PLACE, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_TOWNS)
def test_no_town(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in {m.display_name for m in mentions}
