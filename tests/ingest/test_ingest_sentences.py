"""Sentence splitting with document offsets."""

from __future__ import annotations

import pytest

from kg.ingest.sentences import split_sentences

CASES = [
    # closing quote stays with the sentence it closes
    (
        "“3位劳模工匠的故事让我明白,只要付出努力就能取得好成绩,今后我会更加努力,向榜样看齐。”"
        "内蒙古工业大学经济管理学院学生陈菲说。",
        [
            "“3位劳模工匠的故事让我明白,只要付出努力就能取得好成绩,今后我会更加努力,向榜样看齐。”",
            "内蒙古工业大学经济管理学院学生陈菲说。",
        ],
    ),
    # ? inside quotes; …… starts the next sentence
    (
        "“你们的晋升空间大吗?通道是否畅通?”“企业工会平常都会组织哪些活动?”……直播期间,"
        "王雷走进陕西海川医药有限公司。",
        [
            "“你们的晋升空间大吗?",
            "通道是否畅通?”",
            "“企业工会平常都会组织哪些活动?”",
            "……直播期间,王雷走进陕西海川医药有限公司。",
        ],
    ),
    # …… inside a sentence does not end it
    (
        "创新建设吉林“六新产业”工匠学院……近日,记者从吉林省总工会第十五届委员会第二次全体会议获悉。",
        [
            "创新建设吉林“六新产业”工匠学院……近日,记者从吉林省总工会第十五届委员会第二次全体会议获悉。"
        ],
    ),
    # …… at a line end does
    (
        "窗外,劳动竞赛的彩旗依然在长空中飞舞……\n当项目职工遇见工会组织,一场丰富多彩的文娱活动。",
        [
            "窗外,劳动竞赛的彩旗依然在长空中飞舞……",
            "当项目职工遇见工会组织,一场丰富多彩的文娱活动。",
        ],
    ),
    # semicolons, half and full width
    (
        "开展3期线上就业指导帮扶直播活动;依托西安市总工会人才市场平台开设线上招聘专区；同步链接。",
        [
            "开展3期线上就业指导帮扶直播活动;",
            "依托西安市总工会人才市场平台开设线上招聘专区；",
            "同步链接。",
        ],
    ),
    # exclamation inside a quote after a colon
    (
        "她说:“我能成为母婴护理师,这都是工会一手扶持的结果!”近年来,越来越多的求职者实现就业。",
        [
            "她说:“我能成为母婴护理师,这都是工会一手扶持的结果!”",
            "近年来,越来越多的求职者实现就业。",
        ],
    ),
    # an end credit after the last sentence; a byline after spaces
    ("进行推广宣传。(王钰哲)", ["进行推广宣传。", "(王钰哲)"]),
    ("推动婺剧传承发展。 本报通讯员 胡晋飞", ["推动婺剧传承发展。", "本报通讯员 胡晋飞"]),
    # headline lines (markdown marker left out) and line ends
    (
        "## 拓展技能提升体系 完善激励评价机制\n\n### 弘扬“三个精神”\n"
        "本报讯(记者彭冰 柳柳)全面提升。",
        ["拓展技能提升体系 完善激励评价机制", "弘扬“三个精神”", "本报讯(记者彭冰 柳柳)全面提升。"],
    ),
    # a URL's ? is no sentence end
    ("投稿邮箱: http://www.hzgh.org/tg.htm?id=1", ["投稿邮箱: http://www.hzgh.org/tg.htm?id=1"]),
    # several terminators together
    ("真的吗?!是的。。", ["真的吗?!", "是的。。"]),
    ("\n\n  \n", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_offsets_inside_window() -> None:
    text = "前文。\n## 标题\n正文一。正文二\n后文。"
    start = text.index("## 标题")
    end = text.index("\n后文")
    sentences = split_sentences(text, start, end)
    assert [(s.text, s.start) for s in sentences] == [
        ("标题", start + 3),
        ("正文一。", text.index("正文一")),
        ("正文二", text.index("正文二")),
    ]
    assert all(start <= s.start and s.end <= end for s in sentences)
