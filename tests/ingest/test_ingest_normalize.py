"""Traditional → simplified and full → half width, with offsets preserved."""

from __future__ import annotations

import pytest

from kg.ingest import normalize, parse_text
from kg.ingest.normalize import simplify, to_analysis_text, to_half_width

TRADITIONAL_PAGE = (
    "## 臺灣總工會發佈「勞動」報告\n\n"
    "本報訊（記者王小明）臺北市勞工局於今日發佈報告，裡面說：這裡的工會聯合\n\n"
    "會很重要！各級工會組織職工參加勞動競賽。\n"
)


@pytest.mark.parametrize(
    ("original", "simplified"),
    [
        ("臺灣總工會發佈報告", "台湾总工会发布报告"),
        ("這裡的工會聯合會", "这里的工会联合会"),
        ("乾淨的車間裡,職工們說", "干净的车间里,职工们说"),  # 乾 converted in traditional text
        ("本报记者 张世光 本报实习生 王乾志", "本报记者 张世光 本报实习生 王乾志"),  # kept
        ("吉林推动“产改”工作提质增效", "吉林推动“产改”工作提质增效"),
    ],
)
def test_simplify(original: str, simplified: str) -> None:
    assert simplify(original) == simplified


def test_half_width() -> None:
    assert to_half_width("ＡＢＣ１２３，（記者）：「工會」　") == "ABC123,(記者):“工會” "


def test_traditional_page_offsets() -> None:
    doc = parse_text(TRADITIONAL_PAGE, source="t.txt", document_id="t")
    assert len(doc.text) == len(doc.analysis_text)
    assert "本報訊（記者王小明）" in doc.text  # original kept
    assert "本报讯(记者王小明)台北市劳工局于今日发布报告,里面说:这里的工会联合会很重要!" in (
        doc.analysis_text
    )  # simplified, half-width, and the broken line joined
    [article] = doc.articles
    assert article.headline == "臺灣總工會發佈「勞動」報告"
    assert article.byline == "本報訊（記者王小明）"  # found on the analysis text
    assert doc.text[article.start : article.end] == article.text
    assert doc.analysis_text[article.start : article.end] == article.analysis_text
    assert article.analysis_text.startswith("台湾总工会发布“劳动”报告")
    assert [s.text for s in article.sentences] == [
        "臺灣總工會發佈「勞動」報告",
        "本報訊（記者王小明）臺北市勞工局於今日發佈報告，裡面說：這裡的工會聯合會很重要！",
        "各級工會組織職工參加勞動競賽。",
    ]
    for s in article.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert len(doc.analysis_text[s.start : s.end]) == len(s.text)


def test_length_changing_conversion_falls_back_to_characters(monkeypatch) -> None:
    real = normalize._convert

    def expanding(text: str) -> str:  # a phrase rule that adds a character
        out = real(text)
        return out.replace("台湾", "台湾省") if len(text) > 1 else out

    monkeypatch.setattr(normalize, "_convert", expanding)
    text = "臺灣總工會發佈報告\n第二行"
    out = to_analysis_text(text)
    assert len(out) == len(text)
    assert out == "台湾总工会发布报告\n第二行"


@pytest.mark.parametrize(
    "seed_text",
    ["這裡\n\n　　臺灣", "ＡＢＣ\r\n「」", "𠀀𠀁 工會", "\ufeff工會"],
)
def test_length_invariant(seed_text: str) -> None:
    assert len(to_analysis_text(seed_text)) == len(seed_text)
