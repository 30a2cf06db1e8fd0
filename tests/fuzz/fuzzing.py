"""Fuzzing support shared by the suite's fuzz test and ``make fuzz``: mutated real
sentences (from the seeds) and the checks every graph built from them must pass.

The number of examples comes from ``KG_FUZZ_EXAMPLES`` (default: a small, fixed,
derandomised run for the suite); ``KG_FUZZ_SEED`` picks another deterministic stream.
"""

from __future__ import annotations

import os
import re
import tempfile
import warnings
from datetime import timedelta
from functools import cache
from pathlib import Path

import pyoxigraph
import rdflib
from hypothesis import HealthCheck, seed, settings
from hypothesis import strategies as st

from kg.ingest import read_corpus
from kg.pipeline import BuildResult, build_documents
from kg.rdf import serialize, table, to_rdf, validate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

#: Characters that break line-oriented formats or that text processors treat specially:
#: the line separators of str.splitlines, other C0/C1 controls, BOM, zero-width space.
CONTROLS = [
    *"\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
    *"\x00\x01\x07\x08\x1b\x1f\x7f\x9f\t\r\n",
    "\ufeff",
    "\u200b",
    "\u3000",
    "\ufffd",
]
FRAGMENTS = [
    "<p>",
    "</p>",
    "<p><p><p>",
    "<font color=red>",
    "</font>",
    "<br/>",
    "<script>alert(1)</script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&nbsp;",
    "&amp;",
    "&lt;b&gt;",
    "&#0;",
    "&#x2028;",
    '"',
    "'",
    '"""',
    "\\",
    "\\u0000",
    "\\n",
    "<http://example.org/x>",
    "_:b0",
    "@prefix",
    "^^",
    "{{",
    "}}",
    "%s",
    "准印证号",
    "本报讯",
    "（记者 张三）",
    "\n\n",
    "## ",
]
#: Words the recognisers and relation rules key on, so mutations make new pairings.
TRIGGERS = [
    "主席",
    "党组书记、常务副主席",
    "总工会",
    "工会",
    "有限公司",
    "位于",
    "在",
    "与",
    "签订合作协议",
    "举办",
    "设立",
    "建成",
    "雁塔区",
    "西安市",
    "薛振虎",
    "职工书屋",
    "劳模表彰大会",
    "、",
]
PUNCTUATION = "，。、；：？！“”‘’（）《》【】…—·「」『』〈〉,.;:?!()[]<>/|~`*#@$%^&+=-_"
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ANY = st.characters(exclude_categories=["Cs"])  # any code point a decoder can produce

PIECES = st.one_of(
    st.sampled_from(CONTROLS),
    st.sampled_from(FRAGMENTS),
    st.sampled_from(TRIGGERS),
    st.sampled_from(TRIGGERS),
    st.sampled_from(list(PUNCTUATION)),
    st.text(alphabet=CJK, min_size=1, max_size=6),
    st.text(alphabet=ANY, min_size=1, max_size=3),
)


@cache
def seed_pages() -> tuple[tuple[str, ...], ...]:
    """The sentences of each seed page, in page order (at least eight CJK characters)."""
    pages = []
    for path in sorted(SEEDS.glob("*.txt")):
        chunks = re.split(r"(?<=[。！？])|\n", path.read_text(encoding="utf-8"))
        pages.append(
            tuple(c.strip() for c in chunks if len(re.findall(r"[\u4e00-\u9fff]", c)) >= 8)
        )
    return tuple(pages)


@cache
def seed_sentences() -> tuple[str, ...]:
    """Every distinct sentence of the seed pages, sorted."""
    return tuple(sorted({s for page in seed_pages() for s in page}))


@cache
def seed_names() -> tuple[str, ...]:
    """Name-like strings of the seed pages (organisations, places, people after a post),
    found by suffix and post patterns, for composing new sentences."""
    text = "\n".join(s for page in seed_pages() for s in page)
    patterns = [
        r"[\u4e00-\u9fff]{2,8}(?:总工会|工会|有限公司|集团|委员会)",
        r"[\u4e00-\u9fff]{2,3}(?:省|市|区|县|镇)",
        r"(?:主席|书记|经理|局长|记者)([\u4e00-\u9fff]{2,3})",
    ]
    return tuple(sorted({m for p in patterns for m in re.findall(p, text)}))


@st.composite
def composed(draw: st.DrawFn) -> list[str]:
    """A new sentence of seed names and trigger words (西安市总工会 主席 薛振虎 位于 雁塔区)."""
    parts = st.one_of(st.sampled_from(seed_names()), st.sampled_from(TRIGGERS))
    return ["".join(draw(st.lists(parts, min_size=3, max_size=7))) + "。"]


@st.composite
def seed_runs(draw: st.DrawFn) -> list[str]:
    """Up to twelve consecutive sentences of one page (names resolve across them)."""
    page = draw(st.sampled_from(seed_pages()))
    start = draw(st.integers(0, len(page) - 1))
    return list(page[start : start + draw(st.integers(2, 12))])


@st.composite
def mutated_texts(draw: st.DrawFn) -> str:
    """One to three seed sentences (or a run of one page, or a composed sentence), then up
    to eight insertions, deletions, duplications, truncations and splices (a prefix of the
    text joined to the tail of another sentence: new pairings of names and predicates)."""
    text = draw(st.sampled_from(["", "\n"])).join(
        draw(
            st.one_of(
                st.lists(st.sampled_from(seed_sentences()), min_size=1, max_size=3),
                seed_runs(),
                composed(),
            )
        )
    )
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["insert", "insert", "insert", "delete", "dup", "truncate"]))
        op = draw(st.sampled_from([op, "splice"]))
        at = draw(st.integers(0, len(text)))
        if op == "splice":  # this text up to a point, then another sentence from a point
            other = draw(st.sampled_from(seed_sentences()))
            text = text[:at] + other[draw(st.integers(0, len(other))) :]
        elif op == "insert":
            text = text[:at] + draw(PIECES) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 5)) :]
        elif op == "dup":
            text = text[:at] + text[at : at + draw(st.integers(1, 20))] * 2 + text[at + 20 :]
        else:
            text = text[:at]
    return text


FILES = st.tuples(
    mutated_texts(),
    st.sampled_from([".txt", ".txt", ".html", ".md"]),
    st.sampled_from(["utf-8", "utf-8", "gb18030", "utf-16"]),
)


def fuzzed(test):
    """Bounded and deterministic by default; ``KG_FUZZ_EXAMPLES`` asks for a campaign and
    ``KG_FUZZ_SEED`` for another (still reproducible) stream of examples."""
    examples = int(os.environ.get("KG_FUZZ_EXAMPLES", "0"))
    test = settings(
        max_examples=examples or 60,
        deadline=timedelta(seconds=60),  # a pathological input, not a slow machine
        derandomize="KG_FUZZ_SEED" not in os.environ,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )(test)
    if "KG_FUZZ_SEED" in os.environ:
        test = seed(int(os.environ["KG_FUZZ_SEED"]))(test)
    return test


RDF_FORMATS = {
    "turtle": ("turtle", pyoxigraph.RdfFormat.TURTLE),
    "nt": ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
    "json-ld": ("json-ld", pyoxigraph.RdfFormat.JSON_LD),
}


def build_file(text: str, suffix: str, encoding: str) -> tuple[BuildResult | None, list[str]]:
    """Write ``text`` as a real file and build it through the normal reader."""
    with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(text.encode(encoding))
        documents, problems = read_corpus([path])
        reasons = [p.reason for p in problems]
        if not documents:
            return None, reasons
        return build_documents(documents, problems), reasons


def check_outputs(result: BuildResult) -> None:
    """The whole output set (every registered writer) is written, and the graph files
    of other tools read back with networkx to the same nodes."""
    import networkx as nx

    from kg.output import write_outputs, writer_names

    with tempfile.TemporaryDirectory(prefix="kg-fuzz-out-") as tmp:
        out = Path(tmp)
        written = write_outputs(result, out, formats=writer_names())
        assert all(path.exists() for path in written.values()), written
        readers = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}
        for name, read in readers.items():
            if name in written:
                G = read(written[name])
                assert G.number_of_nodes() == result.graph.number_of_nodes(), name


def check_graph(result: BuildResult) -> dict[str, int]:
    """Every RDF format parses with rdflib and pyoxigraph to the same triple count, and
    the graph conforms to the SHACL shapes. Returns the counts."""
    rdf = to_rdf(result.graph)
    counts = {}
    for fmt, (rdflib_fmt, oxigraph_fmt) in RDF_FORMATS.items():
        data = serialize(rdf, fmt)
        with warnings.catch_warnings():  # rdflib's JSON-LD parser uses ConjunctiveGraph
            warnings.simplefilter("ignore", DeprecationWarning)
            counts[f"rdflib {fmt}"] = len(rdflib.Graph().parse(data=data, format=rdflib_fmt))
        counts[f"oxigraph {fmt}"] = sum(1 for _ in pyoxigraph.parse(data, format=oxigraph_fmt))
    assert set(counts.values()) == {len(rdf)}, counts
    triples = table.model_table(result.graph)  # the direct export: the same bytes
    assert table.turtle(triples) == serialize(rdf, "turtle")
    assert table.ntriples(triples) == serialize(rdf, "nt")
    report = validate(rdf)
    assert report.conforms, report.text[:3000]
    return counts
