"""Which boilerplate remover keeps more article text and less of the rest?

Runs readability-lxml (kg's choice), trafilatura and the plain tag walk
(:func:`kg.ingest.html_text.html_to_text`) over the real-shaped pages the ingest tests
generate (tests/ingest/fixtures.py) and prints, per page and extractor, the share of the
article's characters kept (recall) and how many of the page's boilerplate strings leaked
into the text. Usage: ``python bench/html_extractors.py`` (needs the dev extras).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ingest"))

import ingest_inputs as fixtures

from kg.ingest.web import read_web_page

EXTRACTORS = {
    "trafilatura": lambda html: read_web_page(html, extractors=("trafilatura",)).text,
    "readability (kg)": lambda html: read_web_page(html).text,
    "tag walk": lambda html: read_web_page(html, extractors=()).text,
}


def _pages() -> dict[str, tuple[str, list[str], tuple[str, ...]]]:
    """name → (html, article paragraphs, boilerplate strings)."""
    multi_body = [p for _, ps in fixtures.PAGE_ARTICLES for p in ps]
    multi_heads = [h for h, _ in fixtures.PAGE_ARTICLES]
    comments = fixtures.news_page().replace(
        "</aside>",
        "</aside><div class='comments'><h3>网友评论</h3>"
        + "".join(f"<div class='c'><p>网友{i}:这个政策好,点赞支持!</p></div>" for i in range(8))
        + "</div>",
    )
    table = (
        "<html><head><title>市总工会召开全委会_某市总工会网站</title></head><body>"
        "<table><tr><td class='nav'><a>首页</a> <a>工会动态</a> <a>关于我们</a></td></tr>"
        "<tr><td><table><tr><td class='title'>市总工会召开全委会</td></tr>"
        "<tr><td class='info'>发布时间:2023-12-28 来源:市总工会办公室</td></tr>"
        "<tr><td class='content'>"
        + "".join(f"<p>{p}</p>" for p in fixtures.BODY)
        + "</td></tr></table></td></tr>"
        "<tr><td class='foot'>版权所有 地址:广州市天河区体育西路123号 粤ICP备12345678号</td></tr>"
        "</table></body></html>"
    )
    br_body = fixtures.news_page().replace(
        "".join(f"<p>{p}</p>\n" for p in fixtures.BODY).rstrip("\n"),
        "<div>" + "<br><br>".join(fixtures.BODY) + "</div>",
    )
    short = ("会上,10名劳模受到表彰。", "与会职工深受鼓舞。", "活动持续一周。")
    short_page = fixtures.news_page(body=fixtures.BODY[:2] + short)
    return {
        "body as <br> lines": (br_body, list(fixtures.BODY), fixtures.BOILERPLATE),
        "short paragraphs": (
            short_page,
            [*fixtures.BODY[:2], *short],
            fixtures.BOILERPLATE,
        ),
        "news page": (fixtures.news_page(), list(fixtures.BODY), fixtures.BOILERPLATE),
        "news page + comments": (
            comments,
            list(fixtures.BODY),
            (*fixtures.BOILERPLATE, "网友评论", "点赞支持"),
        ),
        "table layout": (
            table,
            list(fixtures.BODY),
            ("首页", "工会动态", "关于我们", "版权所有", "天河区", "粤ICP备", "发布时间"),
        ),
        "版面 page (3 articles)": (
            fixtures.newspaper_page(),
            multi_body + multi_heads,
            ("上一版", "往期回顾", "第01版", "版权所有", "安德路"),
        ),
    }


def main() -> None:
    print(f"{'page':24} {'extractor':18} {'recall':>7} {'leaked':>7} {'ms':>6}")
    totals: dict[str, list[float]] = {}
    for name, (html, article, boilerplate) in _pages().items():
        for label, extract in EXTRACTORS.items():
            t0 = time.perf_counter()
            text = extract(html)
            ms = (time.perf_counter() - t0) * 1000
            flat = text.replace("\n", "")
            kept = sum(len(p) for p in article if p in flat) / sum(len(p) for p in article)
            leaked = sum(1 for b in boilerplate if b in text)
            totals.setdefault(label, []).extend([kept, leaked])
            print(f"{name:24} {label:18} {kept:7.1%} {leaked:4d}/{len(boilerplate):<2d} {ms:6.1f}")
    print()
    for label, values in totals.items():
        recall = sum(values[0::2]) / len(values[0::2])
        leaked = sum(values[1::2])
        print(f"{label:18} mean recall {recall:.1%}, boilerplate strings leaked {leaked:.0f}")


if __name__ == "__main__":
    main()
