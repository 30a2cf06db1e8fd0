"""The inputs people have (issue #10): saved web pages, PDFs, Word files; dates, sources.

Every input is made here (tests/ingest/fixtures.py): nothing is fetched.
"""

from __future__ import annotations

from pathlib import Path

import ingest_inputs as fixtures
import pytest

from kg.errors import IngestError
from kg.ingest import parse_text, read_corpus, read_document
from kg.ingest.meta import meta_line, parse_date
from kg.ingest.web import read_web_page


def _flat(text: str) -> str:
    return text.replace("\n", "")


# -- web pages ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def news_doc():
    return parse_text(fixtures.news_page(), source="page.html", document_id="page", fmt="html")


def test_news_page_is_one_article_of_main_content(news_doc) -> None:
    [article] = news_doc.articles
    assert article.headline == fixtures.HEADLINE  # not glued to "来源:工人日报 …"
    assert [s.text for s in article.sentences[1:]] == list(fixtures.BODY)
    for word in fixtures.BOILERPLATE:
        assert word not in news_doc.text, word


def test_news_page_metadata(news_doc) -> None:
    [article] = news_doc.articles
    assert (article.date, article.publisher, article.source_name, article.author) == (
        "2024-05-10",
        "工人日报网",
        "工人日报",
        "王晓",
    )


def test_no_boilerplate_word_becomes_an_entity(news_doc) -> None:
    from kg.nlp import annotate, mentions_from_doc

    [article] = news_doc.articles
    names = {m.display_name for m in mentions_from_doc(annotate(article), article)}
    assert "广东省总工会" in names  # the article's own entities are found
    for word in ("科技有限公司", "天河区", "体育西路", "重庆市总工会", "上海市总工会"):
        assert not any(word in name for name in names), (word, sorted(names))


def test_newspaper_page_splits_into_its_articles() -> None:
    doc = parse_text(fixtures.newspaper_page(), source="bm.html", document_id="bm", fmt="html")
    assert [a.headline for a in doc.articles] == [h for h, _ in fixtures.PAGE_ARTICLES]
    for article, (_, paragraphs) in zip(doc.articles, fixtures.PAGE_ARTICLES, strict=True):
        assert _flat(article.text).endswith("".join(paragraphs))
        assert (article.date, article.publisher) == ("2024-05-08", "工人日报")
    for word in ("上一版", "往期回顾", "第01版", "版权所有", "安德路"):
        assert word not in doc.text


@pytest.mark.parametrize(
    ("head", "h1", "expected"),
    [
        (
            '<meta property="og:title" content="社交标题"><title>页面标题_中工网</title>',
            "",
            "社交标题",
        ),
        ("<title>页面标题很长的一条_中工网</title>", "", "页面标题很长的一条"),
        ('<meta property="og:title" content="社交标题">', "<h1>正文大标题</h1>", "正文大标题"),
    ],
)
def test_headline_from_h1_og_title_or_title(head: str, h1: str, expected: str) -> None:
    html = f"<html><head>{head}</head><body>{h1}" + "".join(f"<p>{p}</p>" for p in fixtures.BODY)
    page = read_web_page(html + "</body></html>")
    assert page.text.split("\n")[0] == f"## {expected}"


# -- PDF --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_doc(tmp_path_factory: pytest.TempPathFactory):
    second = ("工会新闻第二页标题", "本报讯 第二页的正文写到这里结束。" * 3)
    path = fixtures.two_column_pdf(tmp_path_factory.mktemp("pdf") / "page.pdf", second_page=second)
    return read_document(path)


def test_pdf_keeps_column_order_and_repairs_line_breaks(pdf_doc) -> None:
    first, second, third = pdf_doc.articles
    for article, (headline, text) in zip((first, second), fixtures.PDF_COLUMNS, strict=True):
        assert article.headline == headline
        assert "\n" not in article.text[len(headline) :].strip()  # lines joined
        assert article.text.endswith(text)
    assert third.headline == "工会新闻第二页标题"
    assert fixtures.PDF_MASTHEAD not in "".join(a.text for a in pdf_doc.articles)


def test_pdf_pages_and_masthead_date(pdf_doc) -> None:
    assert [a.page for a in pdf_doc.articles] == [1, 1, 2]
    assert {a.date for a in pdf_doc.articles} == {"2024-05-08"}
    assert pdf_doc.encoding == "pdf"


def test_pdf_without_text_layer_is_named_and_the_rest_builds(tmp_path: Path) -> None:
    fixtures.two_column_pdf(tmp_path / "good.pdf")
    scan = fixtures.image_only_pdf(tmp_path / "scan.pdf")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF")
    docs, problems = read_corpus([tmp_path])
    assert [d.id for d in docs] == ["good"]
    reasons = {p.source: p.reason for p in problems}
    assert reasons[scan.as_posix()] == (
        f"[E013] {scan.as_posix()}: no text layer in its 1 page(s); OCR it first, skipped"
    )
    assert reasons[broken.as_posix()].startswith(f"[E014] {broken.as_posix()}: cannot parse")


# -- Word ---------------------------------------------------------------------------------


def test_docx_paragraphs_and_headings(tmp_path: Path) -> None:
    doc = read_document(fixtures.word_report(tmp_path / "report.docx"))
    [article] = doc.articles
    assert article.headline == fixtures.DOCX_HEADING
    for heading, text in fixtures.DOCX_SECTIONS:
        assert f"{heading}\n{text}" in article.text or f"{heading}\n\n{text}" in article.text
    assert article.author == "青岛市总工会办公室"
    assert doc.encoding == "docx"


def test_old_word_format_gets_a_clear_message(tmp_path: Path) -> None:
    old = tmp_path / "report.doc"
    old.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504)
    with pytest.raises(IngestError, match=r"^\[E015\] .*report\.doc: old binary Word format"):
        read_document(old)


# -- folders -------------------------------------------------------------------------------


def test_folder_of_every_format(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(fixtures.news_page(), encoding="utf-8")
    (tmp_path / "b.htm").write_text(fixtures.newspaper_page(), encoding="utf-8")
    fixtures.two_column_pdf(tmp_path / "c.pdf")
    fixtures.word_report(tmp_path / "d.docx")
    (tmp_path / "e.txt").write_text("## 标题\n\n本报讯(记者张三)今天开会。", encoding="utf-8")
    (tmp_path / "f.md").write_text("## 标题\n\n本报讯(记者李四)今天开会。", encoding="utf-8")
    (tmp_path / "g.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504)
    (tmp_path / "h.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    docs, problems = read_corpus([tmp_path])
    assert [d.id for d in docs] == ["a", "b", "c", "d", "e", "f"]
    assert [len(d.articles) for d in docs] == [1, 3, 2, 1, 1, 1]
    problems.sort(key=lambda p: p.source)
    assert [(Path(p.source).name, p.reason[:6]) for p in problems] == [
        ("g.doc", "[E015]"),
        ("h.png", "[E016]"),
    ]


# -- metadata rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2024年5月8日 星期三", "2024-05-08"),
        ("2024-05-10 09:30:00", "2024-05-10"),
        ("2024/5/1", "2024-05-01"),
        ("2024-05-10T09:30:00+08:00", "2024-05-10"),
        ("2023年12月", "2023-12"),
        ("2023年", "2023"),
        ("2023年2月30日", ""),
        ("第3版", ""),
    ],
)
def test_dates_parse(text: str, date: str) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            "来源:工人日报 2024-05-10 09:30 编辑:李明",
            {"source": "工人日报", "editor": "李明", "date": "2024-05-10"},
        ),
        (
            "发布时间：2023年12月28日  来源：市总工会办公室",
            {"date": "2023-12-28", "source": "市总工会办公室"},
        ),
        ("2024-05-10 09:30 来源:中工网", {"source": "中工网", "date": "2024-05-10"}),
        # other keys of a source (本文来源, 信息来源, 转自)
        ("本文来源: 总工会", {"source": "总工会"}),
        ("信息来源:山东省政府网", {"source": "山东省政府网"}),
        ("责任编辑:张华", {"editor": "张华"}),
        ("作者:王晓 浏览次数:123", {"author": "王晓"}),
        ("时间:5月20日上午9时 地点:市工人文化宫", None),
        ("西安市总工会来源于群众,编辑:不是元数据的一句话因为它不以键开头。", None),
    ],
)
def test_meta_lines(line: str, fields: dict | None) -> None:
    assert meta_line(line) == fields


def test_meta_lines_that_credit_no_one_never_reach_article_text() -> None:
    page = "## 标题\n发布时间:2024-05-10 浏览次数:12\n本报讯(记者张三)今天开会。"
    [article] = parse_text(page, source="p.txt", document_id="p").articles
    assert article.headline == "标题"
    assert "发布时间" not in article.text and "浏览次数" not in article.text
    assert article.date == "2024-05-10"


def test_a_meta_line_that_names_the_source_or_editor_stays_as_a_credit() -> None:
    """A 来源: line names the medium, its 编辑: the editor, which are entities: it stays in
    the text as a credit, and its fields are still read. A newspaper's furniture
    (责任编辑:… on a line of its own) is no article's."""
    page = (
        "## 标题\n来源:工人日报 编辑:李四 发布时间:2024-05-10\n本报讯(记者张三)今天开会。"
        "\n责任编辑:王五"
    )
    [article] = parse_text(page, source="p.txt", document_id="p").articles
    assert article.headline == "标题"
    assert "来源:工人日报 编辑:李四" in article.text and "王五" not in article.text
    assert article.byline.startswith("来源:工人日报 编辑:李四")
    assert (article.date, article.source_name) == ("2024-05-10", "工人日报")


def test_a_meta_line_that_names_writers_is_the_byline() -> None:
    """A meta line with 记者:/作者: stays in the text as the article's byline (the people
    and the medium it names are entities), and its fields are still read."""
    page = (
        "第二届粤港澳大湾区建设工程劳动竞赛暨书画摄影大赛正式启动\n"
        "2020-09-24 来源:南方工报 记者:王艳 通讯员:刘宇太 吴羊佩\n"
        "9月24日,以“当好主人翁 建功新时代”为主题的第二届粤港澳大湾区建设工程劳动竞赛正式启动。"
    )
    [article] = parse_text(page, source="p.txt", document_id="p").articles
    assert article.headline == "第二届粤港澳大湾区建设工程劳动竞赛暨书画摄影大赛正式启动"
    assert article.byline == "2020-09-24 来源:南方工报 记者:王艳 通讯员:刘宇太 吴羊佩"
    assert "记者:王艳" in article.text
    assert (article.date, article.source_name) == ("2020-09-24", "南方工报")


def test_dateline_dates_an_article_without_page_date() -> None:
    page = "## 标题\n\n本报讯 2020年11月23日下午,合肥市总工会召开会议。"
    [article] = parse_text(page, source="p.txt", document_id="p").articles
    assert article.date == "2020-11-23"


def test_a_source_line_after_the_body_ends_its_article() -> None:
    """A credit meta line after the body (来源:人民网) belongs to the article it ends; it
    starts no headline-less article of its own."""
    page = "标题一二三四五\n近日,北京市总工会召开会议,部署全年工作。\n来源:人民网\n"
    [article] = parse_text(page, source="p.txt", document_id="p").articles
    assert article.text.endswith("来源:人民网") and article.byline == "来源:人民网"


def test_a_web_pages_head_before_its_credit_line_is_one_article() -> None:
    """A headline, a subtitle and the writer's name before the credit line are one
    article's head: the name is its byline, not the headline of another article."""
    page = (
        "江蘇寶應縣職工服務陣地受熱捧\n“來到這里就像回到‘家’”\n黃洪濤\n"
        "2024年10月09日09:46  來源:工人日報\n"
        "“平時雖然工作辛苦,但一來到工會驛站,就像回到家一樣,疲憊很快煙消云散!”近日,在江蘇省揚州市寶應縣總工會舉辦的“工會在身邊,幸福同分享”發布會上,揚州市“最美新就業形態勞動者”、鹽城華樹生活服務公司(餓了么)寶應分公司外賣配送員朱兆艷同大家分享了使用工會驛站的感受。\n"
    )
    [article] = parse_text(page, source="p.txt", document_id="p").articles
    assert article.headline == "江蘇寶應縣職工服務陣地受熱捧 “來到這里就像回到‘家’”"
    assert article.byline.startswith("黃洪濤")
