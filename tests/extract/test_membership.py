"""memberOf after an election or appointment verb (kg.extract.membership): PERSON
担任/出任/现任/接任… ORG POST, with adverbs or a date before the verb, a pronoun for the
last person named, and the sentence's one body when the post comes alone."""

from __future__ import annotations

import pytest

APPOINTED = [
    # the body starts after the verb: 担任 is no part of its name
    (
        "张向丽担任安徽徽大姐家政服务集团有限公司工会主席。",
        "张向丽",
        "安徽徽大姐家政服务集团有限公司工会",
        "主席",
    ),
    ("吴秋北出任香港工会联合会会长,任期三年。", "吴秋北", "香港工会联合会", "会长"),
    # adverbs, a date or a form of address before the verb
    ("吴秋北目前担任香港工会联合会会长。", "吴秋北", "香港工会联合会", "会长"),
    ("吴秋北于2018年接任香港工会联合会会长。", "吴秋北", "香港工会联合会", "会长"),
    ("吴秋北同志,现任香港工会联合会会长。", "吴秋北", "香港工会联合会", "会长"),
    # a chain of posts after the body
    ("吴秋北先后担任香港工会联合会副会长、会长。", "吴秋北", "香港工会联合会", "副会长、会长"),
    # a pronoun stands for the last person named
    (
        "吴秋北是一名老工运人。他现任香港工会联合会会长,带领会员维权。",
        "吴秋北",
        "香港工会联合会",
        "会长",
    ),
    ("吴秋北出席会议。她曾担任香港工会联合会理事长。", "吴秋北", "香港工会联合会", "理事长"),
    # 是 with the body written: PERSON 是 ORG (的一名) POST
    ("吴秋北是香港工会联合会会长。", "吴秋北", "香港工会联合会", "会长"),
    ("吴秋北出席会议。她是香港工会联合会的一名理事。", "吴秋北", "香港工会联合会", "理事"),
    # a post alone: the sentence's one body
    (
        "香港工会联合会召开第一届会员大会,选举吴秋北担任会长。",
        "吴秋北",
        "香港工会联合会",
        "会长",
    ),
]

NOT_APPOINTED = [
    # two bodies in the sentence: a post alone belongs to neither
    ("在香港工会联合会和香港教育工作者联会支持下,吴秋北担任队长。", "吴秋北"),
    # 是 with no body written links nobody, not even the sentence's one body
    ("香港工会联合会组织义工活动,吴秋北是一名志愿者。", "吴秋北"),
    # 其他 is no pronoun
    ("香港工会联合会表彰会员。其他担任香港工会联合会会长的人也出席。", None),
]


def _members(relations) -> set[tuple[str, str, str | None]]:
    return {
        (r.head.display_name, r.tail.display_name, r.role)
        for r in relations
        if r.predicate.value == "memberOf"
    }


@pytest.mark.parametrize(("text", "person", "body", "role"), APPOINTED)
def test_appointment_gives_the_post(analyse, text: str, person: str, body: str, role: str) -> None:
    _, _, relations = analyse(text)
    assert (person, body, role) in _members(relations)


@pytest.mark.parametrize(("text", "person"), NOT_APPOINTED)
def test_no_post_without_its_body(analyse, text: str, person: str | None) -> None:
    _, _, relations = analyse(text)
    assert not [m for m in _members(relations) if person in (None, m[0])]


# posts written after a comma belong to the body before the earlier posts; a comma after
# anything but a post chain (or after a person) ends the chain
COMMA_CHAINS = [
    (
        "本报讯 6月13日,中华全国总工会副主席、书记处书记、党组成员,机关党委书记,"
        "中国金融工会全国委员会主席阎京华带领调研组来到宁夏吴忠市。",
        ("阎京华", "中华全国总工会", "副主席、书记处书记、党组成员,机关党委书记"),
        True,
    ),
    (
        "西安市总工会举办春季招聘会,机关党委书记王雷出席。",
        ("王雷", "西安市总工会", "机关党委书记"),
        False,
    ),
]


@pytest.mark.parametrize(("text", "member", "present"), COMMA_CHAINS)
def test_chain_across_a_comma(analyse, text: str, member: tuple, present: bool) -> None:
    _, _, relations = analyse(text)
    assert (member in _members(relations)) is present


# 市委常委、统战部部长: the department after 、 is the organ's own, written short
DEPARTMENT_CHAINS = [
    (
        "10月10日,天门市委常委、统战部部长龚红敏就全市工会服务职工阵地建设开展调研。",
        ("龚红敏", "天门市委统战部", "部长"),
    ),
    (
        "10月10日,天门市委常委、统战部部长龚红敏就全市工会服务职工阵地建设开展调研。",
        ("龚红敏", "天门市委", "常委"),
    ),
    (
        "如皋市委常委、组织部部长王卫华到会。",
        ("王卫华", "如皋市委组织部", "部长"),
    ),
]


@pytest.mark.parametrize(("text", "member"), DEPARTMENT_CHAINS)
def test_department_in_a_chain(analyse, text: str, member: tuple) -> None:
    _, _, relations = analyse(text)
    assert member in _members(relations)


def test_department_in_a_chain_is_part_of_the_organ(analyse) -> None:
    _, _, relations = analyse("如皋市委常委、组织部部长王卫华到会。")
    parts = {
        (r.head.display_name, r.tail.display_name)
        for r in relations
        if r.predicate.value == "subOrganizationOf"
    }
    assert ("如皋市委组织部", "如皋市委") in parts


def test_department_without_a_post_is_not_the_organs(analyse) -> None:
    _, mentions, _ = analyse("天门市委常委、统战部和宣传部联合开展调研。")
    assert "天门市委统战部" not in {m.display_name for m in mentions}


# a post after a unit of a body is a post in the unit (GUIDELINES: the longest named
# organisation written right before it), and the unit is part of the body
UNIT_POSTS = [
    (
        "鞍钢集团钢铁研究院热轧带钢产品研究室一级研究员郭晓宏,鞍钢工程重机公司灵山机械重型车间"
        "班长陈世谊。",
        ("郭晓宏", "memberOf", "鞍钢集团钢铁研究院热轧带钢产品研究室", "一级研究员"),
    ),
    (
        "黑龙江省绥阳重点国有林管理局二道岗经营所主任孙士杰获得全国五一劳动奖章。",
        ("孙士杰", "memberOf", "黑龙江省绥阳重点国有林管理局二道岗经营所", "主任"),
    ),
    (
        "黑龙江省绥阳重点国有林管理局二道岗经营所主任孙士杰获得全国五一劳动奖章。",
        (
            "黑龙江省绥阳重点国有林管理局二道岗经营所",
            "subOrganizationOf",
            "黑龙江省绥阳重点国有林管理局",
            None,
        ),
    ),
    # negative shape: the secretariat is the post's qualifier, the post is in the union
    (
        "中华全国总工会书记处书记张新武带队慰问。",
        ("张新武", "memberOf", "中华全国总工会", "书记处书记"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), UNIT_POSTS)
def test_post_in_a_unit(analyse, text: str, expected: tuple) -> None:
    _, _, relations = analyse(text)
    found = {
        (r.head.display_name, r.predicate.value, r.tail.display_name, r.role) for r in relations
    }
    assert expected in found, sorted(found)


# people written right after their bodies, in a list closed by a count of staff
STAFF_LISTS = [
    (
        "国网石家庄供电公司获全国五一劳动奖状,国网衡水供电公司程旭、国网邯郸供电公司王彦军"
        "2名职工获全国五一劳动奖章。",
        ("王彦军", "国网邯郸供电公司", "职工"),
        True,
    ),
    (
        "国网石家庄供电公司获全国五一劳动奖状,国网衡水供电公司程旭、国网邯郸供电公司王彦军"
        "2名职工获全国五一劳动奖章。",
        ("程旭", "国网衡水供电公司", "职工"),
        True,
    ),
    # no count of staff closing the list: a body before a name gives no post
    ("西安市总工会王雷出席会议。", ("王雷", "西安市总工会", "职工"), False),
]


@pytest.mark.parametrize(("text", "member", "present"), STAFF_LISTS)
def test_people_listed_after_their_bodies(analyse, text: str, member: tuple, present: bool) -> None:
    _, _, relations = analyse(text)
    assert (member in _members(relations)) is present


# a person named by a transliterated name with no Chinese surname (托娅) after a post
# holds it; a post with no one named after it gives nothing
TRANSLITERATED_HOLDERS = [
    (
        "由内蒙古锡林浩特市总工会和锡林浩特市卫健委共同举办的筛查活动启动仪式,近日在锡林浩特市"
        "妇幼保健院举行。锡林浩特市人大副主任、总工会主席托娅到场,把一张张免费“两癌”筛查体检卡"
        "交到新业态女性手中。",
        ("托娅", "锡林浩特市人大", "副主任"),
        True,
    ),
    (
        "由内蒙古锡林浩特市总工会和锡林浩特市卫健委共同举办的筛查活动启动仪式,近日在锡林浩特市"
        "妇幼保健院举行。锡林浩特市人大副主任、总工会主席托娅到场,把一张张免费“两癌”筛查体检卡"
        "交到新业态女性手中。",
        ("托娅", "内蒙古锡林浩特市总工会", "主席"),
        True,
    ),
    (
        "锡林浩特市人大副主任到场,把一张张免费“两癌”筛查体检卡交到新业态女性手中。",
        ("到场", "锡林浩特市人大", "副主任"),
        False,
    ),
]


@pytest.mark.parametrize(("text", "member", "present"), TRANSLITERATED_HOLDERS)
def test_transliterated_holder(analyse, text: str, member: tuple, present: bool) -> None:
    _, _, relations = analyse(text)
    assert (member in _members(relations)) is present


# several bodies after one verb (A常务理事、B理事长等职), bodies joined before 的 sharing a
# post (A与B的理事长), a short clause of the same subject before 先后, and a body's short
# form in brackets before the post (台中, 香港 texts)
SEVERAL_BODIES = [
    (
        "蔡滿玉長年投身工會事務,先後擔任台中市總工會常務理事、台中市芳療整體保養職業工會理事長等職。",
        ("蔡满玉", "台中市总工会", "常务理事"),
        True,
    ),
    (
        "蔡滿玉長年投身工會事務,先後擔任台中市總工會常務理事、台中市芳療整體保養職業工會理事長等職。",
        ("蔡满玉", "台中市芳疗整体保养职业工会", "理事长"),
        True,
    ),
    (
        "蔡滿玉出席。在公益領域,她同時是台灣關懷輔導弱勢職能發展協會與台中三棲救難協會的理事長。",
        ("蔡满玉", "台中三栖救难协会", "理事长"),
        True,
    ),
    (
        "出席大會的有:中央人民政府駐港聯絡辦公室(中聯辦)副主任何靖、勞工及福利局局長孫玉菡。",
        ("何靖", "中央人民政府驻港联络办公室", "副主任"),
        True,
    ),
    # negative: 与 joins a partner of the body, not a body of the post
    (
        "吴秋北是香港工会联合会与香港教育工作者联会合作的推动者。",
        ("吴秋北", "香港教育工作者联会", "推动者"),
        False,
    ),
    # negative: the clause before the comma is another subject's speech
    (
        "吴秋北表示,工會事務繁重,先後擔任香港工会联合会会长的人都很辛苦。",
        ("吴秋北", "香港工会联合会", "会长"),
        False,
    ),
]


@pytest.mark.parametrize(("text", "member", "present"), SEVERAL_BODIES)
def test_one_verb_or_one_post_for_several_bodies(
    analyse, text: str, member: tuple, present: bool
) -> None:
    _, _, relations = analyse(text)
    assert (member in _members(relations)) is present, sorted(_members(relations))


def test_bodies_sharing_a_post_are_no_partners(analyse) -> None:
    _, _, relations = analyse(
        "蔡滿玉出席。她同時是台灣關懷輔導弱勢職能發展協會與台中三棲救難協會的理事長。"
    )
    assert not [r for r in relations if r.predicate.value == "partnerOf"]


# jobs on a site (安全员, 操作工, 调度员 …, lexicon posts) are posts: the person after one
# works in the body before it; a job with no body written before it gives nothing
JOB_POSTS = [
    (
        "福州工人文化宫秋龙园同样迎来不少排队拍照的家庭。福建省二建建设集团有限公司安全员金董宇"
        "带着父母赶来:“平时工作忙,过年能和爸妈拍一张全家福,很难得。”",
        ("金董宇", "福建省二建建设集团有限公司", "安全员"),
        True,
    ),
]
NO_JOB_BODY = ["“能喝上水、充上电,真的很贴心,我们跑单的总算有个歇脚的地方了。”一名外卖配送员说。"]


@pytest.mark.parametrize(("text", "member", "present"), JOB_POSTS)
def test_job_posts(analyse, text: str, member: tuple, present: bool) -> None:
    _, _, relations = analyse(text)
    assert (member in _members(relations)) is present


@pytest.mark.parametrize("text", NO_JOB_BODY)
def test_job_without_body(analyse, text: str) -> None:
    _, _, relations = analyse(text)
    assert not _members(relations)
