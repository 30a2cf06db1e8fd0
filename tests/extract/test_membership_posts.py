"""Posts of the NLP lexicon (kg/nlp/data/lexicon.yaml ``posts``) and appointment verbs
(relations.yaml ``election_verbs``, lexicon ``appointment_verbs``) that memberOf reads:
posts of unions, Party and government bodies, companies and institutions, and a trade
written after a company (安全员, 操作工), with the body written before the post."""

from __future__ import annotations

import pytest

HELD = [
    # a unit's post: a qualifier of up to four characters before a head post (呼吸科副|主任)
    (
        "全国先进工作者、滨州医学院附属医院呼吸科副主任李洪波告诉记者,参会最大的感受一是“满满的尊重”,"
        "二是“满满的干劲”。",
        ("李洪波", "滨州医学院附属医院", "呼吸科副主任"),
    ),
    # a list of people, one a line: the name, a space, the body and the post
    (
        "(以姓氏笔画为序)\n李雪贞 饿了么外卖配送员\n吴昊 饿了么外卖配送员\n张亚飞 美团外卖配送员",
        ("张亚飞", "美团", "外卖配送员"),
    ),
    # 离退休 (retired staff) is a word of a department's name, not an idiom ending it
    (
        "中建二局工会副主席、工会工作部部长田川,中建二局离退休工作部部长许涛,中建二局上海分公司党委"
        "副书记、纪委书记、工会主席樊学民等出席活动。",
        ("许涛", "中建二局离退休工作部", "部长"),
    ),
    # two names after one post: the second holds it too
    (
        "州委常委、副州长钟文标,州人大常委会副主任沈国伟、安华山出席启动仪式;州政协副主席、州总工会主席"
        "高桦主持。",
        ("安华山", "州人大常委会", "副主任"),
    ),
    # a link whose body no recogniser names is passed over to the posts before it
    (
        "会上,市交通运输局党组成员、副局长、市交通运输行业党委副书记薛河川同志到会并祝贺,她指出网约车"
        "行业是交通运输领域的新兴力量,是城市交通体系中不可或缺的一部分。",
        ("薛河川", "市交通运输局", "党组成员、副局长"),
    ),
    # posts of a national union's Party group (分党组)
    (
        "中国能源化学地质工会分党组成员、副主席贾海涛,重庆市总工会党组成员、副主席王平出席闭幕式,"
        "国网重庆市电力公司副总经理、党委委员徐韬出席闭幕式并宣读了表彰通报。",
        ("贾海涛", "中国能源化学地质工会", "分党组成员、副主席"),
    ),
    # a name jieba knows is a person's before 同志 (comrade)
    (
        "宣布了第一届郑州市网约车行业工会联合会第一届委员会第一次全体会议的选举结果,张中华同志当选为"
        "市网约车行业工会联合会主席,赵晓斐同志当选为副主席。",
        ("张中华", "市网约车行业工会联合会", "主席"),
    ),
    # a group's numbered bureau (中铁二十一局, 中建二局) is a company
    (
        "7月16日,中铁二十一局集团公司党委副书记、工会主席田爱平一行到四公司东乡项目部开展“送清凉”活动,"
        "慰问一线干部职工。",
        ("田爱平", "中铁二十一局集团公司", "党委副书记、工会主席"),
    ),
    (
        "中建二局工会副主席、工会工作部部长田川,中建二局离退休工作部部长许涛,中建二局上海分公司党委"
        "副书记、纪委书记、工会主席樊学民等出席活动。",
        ("樊学民", "中建二局上海分公司", "党委副书记、纪委书记、工会主席"),
    ),
    # a post in a programme a body's name opens is held in that body, the programme named
    # in the post (GUIDELINES: the longest named organisation before the post)
    (
        "全国技术能手、国务院政府特殊津贴获得者、重庆长安汽车股份有限公司(劳模创新)工作室领办人"
        "刘源等国家级技能大师为学员授课。",
        ("刘源", "重庆长安汽车股份有限公司", "(劳模创新)工作室领办人"),
    ),
    (
        "成立仪式上,山东威达重工股份有限公司齐鲁大工匠创新工作室负责人王亮与山东山森数控技术有限"
        "公司张士银创新工作室负责人孙强签订了工作室合作协议。",
        ("孙强", "山东山森数控技术有限公司", "张士银创新工作室负责人"),
    ),
    # a union delegate, a safety officer, a tester: the post makes the name a person's
    (
        "仪式上,中铁广州工程局港航公司平陆运河7标项目部职工代表马英宣读了倡议书。",
        ("马英", "中铁广州工程局港航公司平陆运河7标项目部", "职工代表"),
    ),
    (
        "福建省二建建设集团有限公司安全员金董宇带着父母赶来。",
        ("金董宇", "福建省二建建设集团有限公司", "安全员"),
    ),
    # posts of associations, Party committees, government and companies
    ("山东省工匠学院联盟名誉理事长许振超出席。", ("许振超", "山东省工匠学院联盟", "名誉理事长")),
    ("江苏省企业联合会常务副会长陈建国到会致辞。", ("陈建国", "江苏省企业联合会", "常务副会长")),
    ("南京市总工会专职副主席刘红梅主持会议。", ("刘红梅", "南京市总工会", "专职副主席")),
    (
        "河北钢铁集团有限公司总会计师王志强介绍情况。",
        ("王志强", "河北钢铁集团有限公司", "总会计师"),
    ),
    (
        "中国建设银行苏州分行副行长周立新出席签约仪式。",
        ("周立新", "中国建设银行苏州分行", "副行长"),
    ),
    ("苏州市人民医院主任医师杨晓东为职工义诊。", ("杨晓东", "苏州市人民医院", "主任医师")),
    # a post written on the body's last character (勞工局長: the 局's 局长)
    (
        "研習會議中,包括台中市政府勞工局長吳威志、勞動部長許銘春、台中市總工會理事長陳金源均齊聚一堂。",
        ("吴威志", "台中市政府劳工局", "局长"),
    ),
    (
        "研習會議中,包括台中市政府勞工局長吳威志、勞動部長許銘春、台中市總工會理事長陳金源均齊聚一堂。",
        ("许铭春", "劳动部", "部长"),
    ),
    # posts joined by 兼, one in an organ's department (社会工作部部长): one role in the body
    (
        "澳門中聯辦副秘書長兼社會工作部部長黃華蓋,澳門中聯辦社工部副部長趙河清等出席。",
        ("黄华盖", "澳门中联办", "副秘书长兼社会工作部部长"),
    ),
    # a name written between its body and its post
    (
        "12月25日下午,福州市總工會王元榕副主席、鼓樓區總工會陳冬生主席一行蒞臨超大總部調研工會工作。",
        ("陈冬生", "鼓楼区总工会", "主席"),
    ),
    (
        "服總一行受到廣州市總工會國際聯絡部部長呂帆、廣州市南沙區總工會梁博部長的熱情接待。",
        ("梁博", "广州市南沙区总工会", "部长"),
    ),
    # appointment and holding verbs
    ("张建华被任命为无锡市总工会副主席。", ("张建华", "无锡市总工会", "副主席")),
    ("张建华被选为无锡市总工会副主席。", ("张建华", "无锡市总工会", "副主席")),
]

NOT_HELD = [
    # a name that opens a programme's name holds no post in the body before it
    (
        "昌平区医院孙礼玲职工创新工作室集中研发新技术造福心血管患者,填补了区级医院技术空白。",
        "孙礼玲",
    ),
    # a post not written after a body links nobody (驾驶员 is a trade, not a post in a body)
    ("在无锡市总工会组织下,驾驶员张建华讲述了自己的故事。", "张建华"),
    # 被评为 names an honour, not an appointment
    ("张建华被评为无锡市总工会优秀工会积极分子。", "张建华"),
]


def _members(relations) -> set[tuple[str, str, str | None]]:
    return {
        (r.head.display_name, r.tail.display_name, r.role)
        for r in relations
        if r.predicate.value == "memberOf"
    }


@pytest.mark.parametrize(("text", "member"), HELD)
def test_post_after_its_body(analyse, text: str, member: tuple) -> None:
    _, _, relations = analyse(text)
    assert member in _members(relations)


@pytest.mark.parametrize(("text", "person"), NOT_HELD)
def test_no_post_without_its_body(analyse, text: str, person: str) -> None:
    _, _, relations = analyse(text)
    assert not [m for m in _members(relations) if m[0] == person]


def test_community_post_keeps_the_place(analyse) -> None:
    """火车站社区党委书记薛卫兰: 社区 ends the place's name, not a post 社区党委书记."""
    _, mentions, _ = analyse("火车站社区党委书记薛卫兰等到会。")
    assert ("火车站社区", "Place") in {(m.text, m.label.value) for m in mentions}
