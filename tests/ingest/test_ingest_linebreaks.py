"""PDF line-break repair, checked on every break of the five seed pages."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kg.ingest.linebreaks import line_break_decisions, repair_line_breaks

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@cache
def seed(prefix: str) -> str:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@cache
def repaired(prefix: str) -> str:
    return repair_line_breaks(seed(prefix))


# (seed, the two halves of a sentence broken over lines); every join in the seeds
JOINS = [
    ("000", "转换增长动力、坚守", "主业、做强实业"),
    ("000", "邀请了廖丽娟、", "白妙馨、王雪梅"),
    ("000", "只要付出努力就能取得", "好成绩,今后"),
    ("000", "复审未升星或降星", "的工作室,不再"),
    ("000", "也有望获得2万元", "3万元和最高10万元"),
    ("000", "昌平区获市级职工创新工作", "室认定30家"),
    ("000", "“春风行动”是西安市工会就业服务的", "“开年大戏”,将持续"),
    ("000", "西安市北得龙金属", "材料有限公司"),
    ("001", "《关于推动村企联合开", "发特色产业助力乡村振兴的意见》"),
    ("001", "等3家农业龙", "头企业与五层"),
    ("001", "我们党始终注", "重发挥工人阶级"),
    ("001", "要发扬走在前", "列、勇挑重担"),
    ("001", "同以习近平同志为核心的党中央保持高度", "一致。完善"),
    ("002", "我们比以往", "任何时候都更加需要"),
    ("002", "解决职工群众急难愁盼问题能", "力。紧盯"),
    ("002", "实现路径、", "阶段成效"),
    ("002", "深化推进基层工", "会改革。"),
    ("002", "并通过现场", "亮“绿码”"),
    ("002", "线上线下畅通职工服", "务保障渠道"),
    ("002", "杭州六县(市、区)", "签约疗休养"),
    ("002", "多措并举", "推动工会法律进企业"),
    ("003", "督办、舆情监", "控、12351热线"),
    ("003", "工作人员阎晶品", "说,今年以来"),
    ("003", "全市职工诉求热点", "的变化规律"),
    ("003", "利用学校场", "地、设备、师资"),
    ("003", "对我来说太", "实用了。”"),
    ("003", "有效调", "动了职工参与"),
    ("004", "全面落实", "实企业工会经费缓缴"),
    ("004", "高温慰问“送清", "凉”服务"),
    ("004", "抓好农民工及就", "业困难群体"),
    ("004", "5000万元专项资金,", "继续对符合条件"),
    ("004", "新业态行业", "工会每年补助"),
    ("004", "建筑工地、户", "外职工服务站点"),
    ("004", "劳动和技能竞赛,覆", "盖竞赛工种"),
    ("004", "晋升为高级月", "嫂,工作预约"),
    ("004", "记录着每一期培", "训班的学员"),
]

# (seed, text that must stay as it is): headlines, bylines, captions, boxes, masthead
KEPT = [
    ("000", "全国广大企业和企业家们:\n\n和谐劳动关系"),
    ("000", "提供坚实物质基础。\n\n2024年3月19日\n\n## 拓展技能提升体系"),
    ("000", "技术改造革新业务。\n\n\n\n“非遗广播操”\n\n3月18日,浙江省"),
    ("000", "推动婺剧传承发展。 本报通讯员 胡晋飞\n\n## 确保安全生产"),
    ("000", "确保安全生产。\n\n本报通讯员 魏国军 刘婷婷 摄"),
    ("000", "## 打卡红色地标 传递工运力量\n\n本报记者 叶小钟 赵思远\n\n“作为新时代的青年"),
    ("000", "LED屏上显示\n\n### 阅读提示\n\n西安各级工会"),
    ("001", "上线“云端职代会”系统\n\n单位可定制云端会议议程 职工能随时随地线上参会\n\n全国机械"),
    ("001", "新华社记者 杨世尧 摄\n\n会的补充"),
    ("001", "老瓷厂变身文创产业园\n\n11月21日"),
    ("001", "新思路新办法新举措。\n\n充分发挥工人阶级主力军作用\n\n习近平总书记充分肯定"),
    ("002", "杭州工运\n\n\n\n新闻热线:(0571)87160990\n投稿邮箱"),
    ("002", "责任编辑:侯英帅\n\n联结企业和职工 联系发展与稳定\n\n市总工会召开"),
    ("002", "进行推广宣传。(王钰哲)\n\n在基层构建"),
    ("002", "聚焦主责主业,扛起构建新时代和谐劳动关系的工会担当\n\n建会入会有新成效。"),
    ("003", "有序参与企业治理,\n\n阅读提示\n\n常州市总工会出台"),
    ("003", "助力劳动关系和谐发展。\n\n以协商方式"),
    ("003", "企业职工共建共赢\n\n“基础工资怎么算?”"),
    ("003", "本报记者 李玉波\n本报通讯员 张媛 刘俊平\n\n“工会‘求学圆梦’"),
    ("003", "常州工会实施企事业单位民主管理三年行动计划,企业与职工共建共赢——\n\n让民主管理"),
    ("004", "(相关报道详见本报今日7版)\n\n全总法律工作部"),
    ("004", "进一步规范全民健身等相关工会经费使用管理\n\n(上接第1版)\n\n通知强调"),
    ("004", "大作用\n\n据大庆市总工会"),
    ("004", "技术不复杂、\n\n阅读提示\n\n发挥社区工作者作用"),
]


@pytest.mark.parametrize(("prefix", "before", "after"), JOINS)
def test_broken_sentence_is_joined(prefix: str, before: str, after: str) -> None:
    assert before + "\n\n" + after in seed(prefix) or before + "\n" + after in seed(prefix)
    assert before + after in repaired(prefix)


@pytest.mark.parametrize(("prefix", "kept"), KEPT)
def test_break_is_kept(prefix: str, kept: str) -> None:
    assert kept in seed(prefix)
    assert kept in repaired(prefix)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_joins_are_all_listed(prefix: str) -> None:
    joins = [b for b in line_break_decisions(seed(prefix)) if b.joined]
    assert len(joins) == sum(1 for p, _, _ in JOINS if p == prefix)
    # joining only removes whitespace between the lines
    assert "".join(repaired(prefix).split()) == "".join(seed(prefix).split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The union leader said at the meeting on Tuesday that the new contract will\n\n"
         "be signed by the union and the management of the company in Beijing.",
         "The union leader said at the meeting on Tuesday that the new contract will "
         "be signed by the union and the management of the company in Beijing."),
        ("短标题\n\n正文第一段。", "短标题\n\n正文第一段。"),
        ("## 标题\n\n正文", "## 标题\n\n正文"),
        ("", ""),
    ],
)  # fmt: skip
def test_small_cases(text: str, expected: str) -> None:
    assert repair_line_breaks(text) == expected


# (line before, line after, joined?): a short line (headline-like) whose last characters
# start a name's head word that the next line finishes is one sentence (dev pages)
SPLIT_HEADS = [
    ("来到覃家岗街道新立社", "区工会驿站,邓朝霞与新就业形态劳动者代表围坐交流。", True),
    ("仪式现场,天津市劳动模范、天津电力机车有限公司机车分", "厂调试工徐凤山宣读了倡议书。", True),
    ("随后,龚红敏一行先后来到东方社区、天门经济开发区总", "工会、万达广场爱心驿站。", True),
    # a headline and its body: "新路" + "上…" is no head word (seed 002)
    ("团结企业与职工走出共济共赢新路", "上城区总工会聚焦聚力构建新时代和谐劳动关系。", False),
    ("西安市总工会开展送温暖活动", "区总工会主席一行走访慰问困难职工。", False),
]


@pytest.mark.parametrize(("before", "after", "joined"), SPLIT_HEADS)
def test_a_head_word_split_by_the_break_joins_the_lines(
    before: str, after: str, joined: bool
) -> None:
    text = f"{before}\n\n{after}"
    expected = before + after if joined else text
    assert repair_line_breaks(text) == expected
