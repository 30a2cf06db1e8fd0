"""The HTML view: content, styling from style.yaml, escaping, determinism, no network."""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from view_graphs import (
    S1,
    S2,
    XSS_ALIAS,
    XSS_HEADLINE,
    XSS_ID,
    XSS_NAME,
    XSS_ROLE,
    XSS_SENTENCE,
    XSS_TITLE,
    prov,
    xss_graph,
)

from kg.analysis import actor_communities
from kg.errors import ViewError
from kg.graph import build_graph
from kg.types import Entity, EntityType, Provenance, Relation, RelationType
from kg.views import ARTICLE_DATE, cjk_fonts, load_style, render_html, write_html

PAYLOADS = [XSS_NAME, XSS_ALIAS, XSS_SENTENCE, XSS_ROLE, XSS_HEADLINE, XSS_TITLE]


def _data(page: str, name: str) -> Any:
    """The JSON literal passed to ``new vis.DataSet`` for ``name`` (nodes/edges)."""
    match = re.search(rf"var {name} = new vis\.DataSet\((.*)\);$", page, re.M)
    assert match, f"no {name} data in page"
    return json.loads(match.group(1))


def _scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, re.S)


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(xss_graph(), title=XSS_TITLE)


@pytest.fixture(scope="module")
def nodes(page: str) -> dict[str, dict[str, Any]]:
    return {n["id"]: n for n in _data(page, "nodes")}


@pytest.fixture(scope="module")
def edges(page: str) -> list[dict[str, Any]]:
    return _data(page, "edges")


# -- determinism ------------------------------------------------------------------------


def test_same_graph_gives_byte_identical_html() -> None:
    assert render_html(xss_graph(30), title="t") == render_html(xss_graph(30), title="t")


def test_insertion_order_does_not_matter() -> None:
    G = xss_graph(10)
    shuffled = nx.MultiDiGraph()
    shuffled.graph.update(G.graph)
    shuffled.add_nodes_from(reversed(list(G.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert render_html(shuffled) == render_html(G)


def test_different_graphs_give_different_html() -> None:
    assert render_html(xss_graph(0)) != render_html(xss_graph(1))


# -- offline ----------------------------------------------------------------------------


def test_no_remote_src_or_href(page: str) -> None:
    attrs = re.findall(r"""\b(?:src|href|action|data)\s*=\s*["']?\s*([a-z]+:)""", page, re.I)
    assert all(scheme.lower() == "data:" for scheme in attrs), attrs
    assert not re.search(r"<(?:link|script|img|iframe)[^>]*https?://", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?https?:", page, re.I)


def test_vis_network_is_inlined(page: str) -> None:
    scripts = _scripts(page)
    assert len(scripts) == 2
    assert "vis-network" in scripts[0][:300]  # the library's banner
    assert "new vis.Network(" in scripts[1]


def test_csp_allows_exactly_the_inline_scripts(page: str) -> None:
    csp = html_lib.unescape(
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)[1]
    )
    hashes = set(re.findall(r"'sha256-([^']+)'", csp))
    expected = {
        base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in _scripts(page)
    }
    assert hashes == expected
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]


# -- escaping ---------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_never_appears_raw(page: str, payload: str) -> None:
    assert payload not in page


def test_script_element_cannot_be_closed_by_data(page: str) -> None:
    assert page.lower().count("</script") == 2
    assert "<!--" not in page


def test_title_is_escaped_text(page: str) -> None:
    escaped = html_lib.escape(XSS_TITLE, quote=True)
    assert f"<title>{escaped}</title>" in page
    assert f"<h1>{escaped}</h1>" in page


def test_tooltips_keep_article_text_verbatim(
    nodes: dict[str, dict[str, Any]], edges: list[dict[str, Any]]
) -> None:
    # vis-network shows string titles with innerText: the text must NOT be entity-escaped
    tip = nodes[XSS_ID]["title"]
    assert XSS_NAME in tip and XSS_ALIAS in tip and XSS_SENTENCE in tip
    assert "&lt;" not in tip
    role_edge = next(e for e in edges if e["from"] == "Person/王雷" and e["to"] == XSS_ID)
    assert role_edge["label"] == f"memberOf: {XSS_ROLE}"
    assert XSS_HEADLINE in role_edge["title"]


# -- content and style ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("node_id", "type_"),
    [
        ("Union/西安市总工会", "Union"),
        (XSS_ID, "Enterprise"),
        ("GovernmentBody/西安市人大常委会", "GovernmentBody"),
        ("Organization/西安交通大学", "Organization"),
        ("Person/王雷", "Person"),
        ("Programme/春风行动", "Programme"),
        ("Place/陕西省", "Place"),
        ("Event/西安市职工职业技能大赛", "Event"),
    ],
)
def test_node_colour_and_shape_come_from_style(
    nodes: dict[str, dict[str, Any]], node_id: str, type_: str
) -> None:
    spec = load_style()["types"][type_]
    node = nodes[node_id]
    assert node["shape"] == spec["shape"]
    assert node["color"]["background"] == spec["color"]
    assert node["color"]["border"] == spec["border"]
    assert f": {type_}" in node["title"]


def test_style_covers_every_entity_type_with_distinct_looks() -> None:
    types = load_style()["types"]
    assert set(types) == {str(t) for t in EntityType}
    looks = {(spec["shape"], spec["color"], bool(spec.get("dashed"))) for spec in types.values()}
    assert len(looks) == len(types)
    assert len({spec["color"] for spec in types.values()}) == len(types)


def test_event_border_is_dashed(nodes: dict[str, dict[str, Any]]) -> None:
    assert nodes["Event/西安市职工职业技能大赛"]["shapeProperties"]["borderDashes"]
    assert "shapeProperties" not in nodes["Union/西安市总工会"]


def test_legend_lists_all_types_with_counts(page: str) -> None:
    style = load_style()
    items = re.findall(
        r'<li data-type="([^"]+)">.*?<span>([^<]*)</span> <span class="kg-count">(\d+)</span>',
        page,
    )
    assert [t for t, _, _ in items] == [str(t) for t in EntityType]
    for type_, label, count in items:
        assert html_lib.unescape(label) == style["types"][type_]["label"]
        expected = {"Union": 2, "Place": 2}.get(type_, 1)
        assert int(count) == expected, type_


def test_node_tooltip_has_type_name_aliases_sentence_and_article(
    nodes: dict[str, dict[str, Any]],
) -> None:
    tip = nodes["Union/西安市总工会"]["title"]
    lines = tip.split("\n")
    assert lines[0] == "西安市总工会"
    assert "Union" in lines[1]
    assert "市总、市总工会" in lines[2]
    assert "[doc1/a1] 春风行动启动" in lines[3]
    assert lines[4] == S1


def test_edge_labels_by_predicate_with_role(edges: list[dict[str, Any]]) -> None:
    labels = {(e["from"], e["to"]): e["label"] for e in edges}
    assert labels[("Person/王雷", "Union/西安市总工会")] == "memberOf: 党组书记、常务副主席"
    assert labels[("Union/西安市总工会", "Place/西安市")] == "locatedIn"
    assert labels[("Union/陕西省总工会", "Programme/春风行动")] == "establishes"
    amount_edge = next(e for e in edges if e["to"] == "Programme/春风行动")
    assert "32.5万元" in amount_edge["title"]


def test_partner_edges_have_no_arrow(edges: list[dict[str, Any]]) -> None:
    for edge in edges:
        assert edge["arrows"]["to"]["enabled"] is (not edge["label"].startswith("partnerOf"))


def test_node_size_grows_with_degree(nodes: dict[str, dict[str, Any]]) -> None:
    size = load_style()["node_size"]
    hub = nodes["Union/西安市总工会"]["size"]  # degree 6
    leaf = nodes["Programme/春风行动"]["size"]  # degree 1
    lonely = nodes["GovernmentBody/西安市人大常委会"]["size"]  # degree 0
    assert lonely == size["min"] < leaf < hub <= size["max"]


def test_parallel_edges_are_bent_apart() -> None:
    a = Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会")
    b = Entity("Place/西安市", EntityType.PLACE, "西安市")
    G = build_graph(
        [a, b],
        [
            Relation(a.id, RelationType.LOCATED_IN, b.id, (prov(S1),)),
            Relation(a.id, RelationType.PARTNER_OF, b.id),
        ],
    )
    edges = _data(render_html(G), "edges")
    assert len(edges) == 2
    assert len({json.dumps(e.get("smooth"), sort_keys=True) for e in edges}) == 2


def test_unknown_type_and_missing_attributes_use_defaults() -> None:
    G = nx.MultiDiGraph()
    G.add_node("x", type="Spaceship")
    G.add_node("y")
    G.add_edge("x", "y", key="flies")
    page = render_html(G)
    nodes = {n["id"]: n for n in _data(page, "nodes")}
    default = load_style()["default_type"]
    assert nodes["x"]["color"]["background"] == default["color"]
    assert nodes["y"]["label"] == "y"
    assert _data(page, "edges")[0]["label"] == "flies"
    assert 'data-type="Spaceship"' in page
    assert 'data-predicate="flies"' in page
    assert 'data-type=""' not in page  # the untyped node has no legend entry of its own


def test_empty_graph_renders() -> None:
    page = render_html(nx.MultiDiGraph())
    assert _data(page, "nodes") == [] and _data(page, "edges") == []
    assert "0 nodes · 0 edges" in page


def test_write_html_is_atomic_and_returns_path(tmp_path: Path) -> None:
    G = xss_graph()
    out = write_html(G, tmp_path / "sub" / "graph.html", title="西安")
    assert out == tmp_path / "sub" / "graph.html"
    assert out.read_text(encoding="utf-8") == render_html(G, title="西安")
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]  # no temp file left


def test_load_style_returns_a_copy() -> None:
    style = load_style()
    style["types"]["Union"]["color"] = "#000000"
    assert load_style()["types"]["Union"]["color"] != "#000000"


# -- the navigable page's data ------------------------------------------------------------


def _view(page: str) -> Any:
    match = re.search(r"var view = (.*);$", page, re.M)
    assert match, "no view data in page"
    return json.loads(match.group(1))


def test_past_the_limit_the_best_linked_nodes_are_drawn_and_the_header_says_so() -> None:
    G = xss_graph(extra=40)
    page = render_html(G, max_nodes=5)
    ids = {n["id"] for n in _data(page, "nodes")}
    assert len(ids) == 5
    H = nx.Graph(G.to_undirected())
    H.remove_edges_from(nx.selfloop_edges(H))
    fifth = sorted((H.degree(n) for n in H), reverse=True)[4]
    assert all(H.degree(n) >= fifth for n in ids)
    assert "Union/西安市总工会" in ids  # the hub
    assert f"showing the top 5 of {G.number_of_nodes()} nodes" in page
    assert "showing the top" not in render_html(G)


def test_isolated_count_in_the_header(page: str) -> None:
    assert "1 isolated nodes hidden" in page  # 西安市人大常委会 has no relation


def test_search_data_covers_aliases_and_traditional_characters(page: str) -> None:
    view = _view(page)
    node = next(n for n in view["nodes"] if n["id"] == "Union/西安市总工会")
    assert {"西安市总工会", "市总工会", "市总"} <= set(node["keys"])
    assert view["charmap"]["會"] == "会" and view["charmap"]["總"] == "总"


def test_relations_and_evidence_are_in_the_view_data(page: str) -> None:
    view = _view(page)
    ids = [n["id"] for n in view["nodes"]]
    rel = next(
        r
        for r in view["relations"]
        if ids[r["from"]] == "Union/陕西省总工会" and r["predicate"] == "establishes"
    )
    assert ids[rel["to"]] == "Programme/春风行动"
    assert rel["amount"] == "32.5万元"
    assert rel["evidence"] == [{"sentence": S2, "article": "doc1/a1"}]
    assert view["articles"]["doc1/a1"] == {
        "headline": "春风行动启动",
        "source": "seeds/xian.txt",
        "date": "",
    }


def test_article_date_is_shown_when_the_graph_has_one() -> None:
    G = xss_graph()
    G.graph["articles"]["doc1/a1"][ARTICLE_DATE] = "2024-03-01"
    assert _view(render_html(G))["articles"]["doc1/a1"]["date"] == "2024-03-01"


def test_communities_come_from_the_analysis_with_their_most_central_member() -> None:
    G = xss_graph(extra=30)
    view = _view(render_html(G))
    expected = actor_communities(G, min_size=1)
    assert len(view["communities"]) == len(expected)
    ids = [n["id"] for n in view["nodes"]]
    for c, members in zip(view["communities"], expected, strict=True):
        assert c["size"] == len(members)
        assert ids[c["central"]] in members
    hub = next(c for c in view["communities"] if ids[c["central"]] == "Union/西安市总工会")
    assert hub["colour"] == load_style()["community_palette"][view["communities"].index(hub)]


def test_focus_must_be_a_drawn_node() -> None:
    with pytest.raises(ViewError, match="E601"):
        render_html(xss_graph(), focus="Union/不存在")
    assert _view(render_html(xss_graph(), focus=XSS_ID))["focus"] is not None


def test_page_fonts_cover_linux_macos_and_windows(page: str) -> None:
    fonts = cjk_fonts()
    for family in ("Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei"):
        assert family in fonts
    assert 'font-family: "Noto Sans CJK SC"' in page
    assert _view(page) and '"face":"\\"Noto Sans CJK SC\\"' in page


def test_readme_shows_a_small_committed_screenshot() -> None:
    root = Path(__file__).resolve().parents[2]
    png = root / "docs" / "view.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size < 300_000
    assert "(docs/view.png)" in (root / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("edges", "roles"),
    [
        # distinct (head, predicate, tail): their order, the data never looked at
        ([("b", "c", "memberOf", "主席"), ("a", "c", "memberOf", "副主席")], ["副主席", "主席"]),
        # two heads written alike (1 and "1"): only then the data's JSON decides
        ([(1, "c", "memberOf", "主席"), ("1", "c", "memberOf", "副主席")], ["主席", "副主席"]),
    ],
)
def test_edges_are_ordered_by_their_ends_then_their_data(
    edges: list[tuple[Any, str, str, str]], roles: list[str]
) -> None:
    from kg.views.html import _js, _ordered_edges

    G = nx.MultiDiGraph()
    for head, tail, key, role in edges:
        G.add_edge(head, tail, key=key, predicate=key, role=role)
    full = sorted(
        G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[2]), str(e[1]), _js(e[3]))
    )
    ordered = _ordered_edges(G)
    assert [d["role"] for *_, d in ordered] == roles
    assert ordered == full


def test_the_details_panel_lists_the_first_evidence_and_counts_all() -> None:
    # an entity named in 60 articles of an archive: the page keeps the first 50 (source
    # order) and the count of all; graph.ttl and the store keep every one
    shown = int(load_style()["evidence"]["max_items"])
    prov = tuple(
        Provenance("doc", f"doc/a{i:02d}", f"西安市总工会第{i}次走访慰问一线职工。", 0, 6)
        for i in range(shown + 10)
    )
    G = build_graph([Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会", (), prov)], [])
    [node] = _view(render_html(G))["nodes"]
    assert node["evidenceCount"] == shown + 10
    assert [e["article"] for e in node["evidence"]] == [f"doc/a{i:02d}" for i in range(shown)]
