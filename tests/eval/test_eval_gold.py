"""Gold files: parsing, validation errors (file + line), pooling, the real gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval_support import GOLD_DIR

from kg.errors import GoldFormatError
from kg.eval.gold import GoldDocument, load_gold, parse_gold, pool_gold
from kg.types import EntityType, RelationType

E1 = '{"kind": "entity", "id": "e1", "type": "Person", "name": "戴建平", "aliases": []}'
E2 = '{"kind": "entity", "id": "e2", "type": "Union", "name": "杭州市总工会", "aliases": ["市总"]}'
E3 = '{"kind": "entity", "id": "e3", "type": "Programme", "name": "职工之家"}'
MEMBER = '{"kind": "relation", "head": "e1", "rel": "memberOf", "tail": "e2", "role": "主席"}'
FUND = '{"kind": "relation", "head": "e2", "rel": "establishes", "tail": "e3", "amount": "40万元"}'


def write(tmp_path: Path, lines: list[str], name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_gold_reads_entities_and_relations(tmp_path: Path) -> None:
    doc = load_gold(write(tmp_path, [E1, E2, "", E3, MEMBER, FUND]))
    assert [e.id for e in doc.entities] == ["e1", "e2", "e3"]
    assert doc.entities[1].type is EntityType.UNION
    assert doc.entities[1].aliases == ("市总",)
    assert doc.entities[2].aliases == ()
    assert doc.relations[0].rel is RelationType.MEMBER_OF
    assert (doc.relations[0].role, doc.relations[0].amount) == ("主席", None)
    assert (doc.relations[1].role, doc.relations[1].amount) == (None, "40万元")
    assert doc.source.endswith("gold.jsonl")
    assert doc.entity("e2").name == "杭州市总工会"


def test_load_gold_accepts_a_bom_and_relations_before_entities(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_text("\ufeff" + "\n".join([MEMBER, E1, E2]) + "\n", encoding="utf-8")
    doc = load_gold(path)
    assert len(doc.entities) == 2 and len(doc.relations) == 1


@pytest.mark.parametrize(
    ("lines", "line", "reason"),
    [
        ([E1, "{not json"], 2, "invalid JSON"),
        ([E1, "[1, 2]"], 2, "expected a JSON object"),
        ([E1, '{"kind": "mention", "id": "m1"}'], 2, "unknown kind 'mention'"),
        ([E1, '{"id": "e9", "type": "Place", "name": "x"}'], 2, "unknown kind None"),
        (
            ['{"kind": "entity", "id": "e1", "type": "Company", "name": "饿了么"}'],
            1,
            "unknown entity type 'Company'",
        ),
        (['{"kind": "entity", "id": "e1", "type": "Person"}'], 1, "missing field(s) name"),
        (
            ['{"kind": "entity", "id": "e1", "type": "Person", "name": "  "}'],
            1,
            "'name' must be a non-empty string",
        ),
        (
            ['{"kind": "entity", "id": "e1", "type": "Person", "name": "王冰", "alias": []}'],
            1,
            "unknown field(s) alias",
        ),
        (
            ['{"kind": "entity", "id": "e1", "type": "Person", "name": "王冰", "aliases": "王"}'],
            1,
            "'aliases' must be a list",
        ),
        (
            [E1, E2, E1.replace("戴建平", "王冰")],
            3,
            "duplicate entity id 'e1' (first defined on line 1)",
        ),
        ([E1, E2, MEMBER.replace("memberOf", "worksFor")], 3, "unknown relation 'worksFor'"),
        (
            [E1, E2, '{"kind": "relation", "head": "e1", "rel": "memberOf", "tail": "e7"}'],
            3,
            "unknown entity id 'e7'",
        ),
        (
            [E1, '{"kind": "relation", "head": "e5", "rel": "locatedIn", "tail": "e1"}', E2],
            2,
            "unknown entity id 'e5'",
        ),
        (
            [
                E1,
                E2,
                '{"kind":"relation","head":"e2","rel":"partnerOf","tail":"e1","role":"主席"}',
            ],
            3,
            "'role' is only allowed on memberOf",
        ),
        (
            [
                E1,
                E2,
                '{"kind":"relation","head":"e1","rel":"memberOf","tail":"e2","amount":"5"}',
            ],
            3,
            "'amount' is only allowed",
        ),
        (
            [E1, E2, '{"kind": "relation", "head": "e1", "rel": "memberOf"}'],
            3,
            "missing field(s) tail",
        ),
        (
            [E1, E2, MEMBER, "", MEMBER.replace("主席", "副主席")],
            5,
            "duplicate relation e1 memberOf e2 (also on line 3)",
        ),
        (
            [
                E2,
                E2.replace('"e2"', '"e4"'),
                '{"kind": "relation", "head": "e2", "rel": "partnerOf", "tail": "e4"}',
                '{"kind": "relation", "head": "e4", "rel": "partnerOf", "tail": "e2"}',
            ],
            4,
            "duplicate relation",
        ),
    ],
)
def test_malformed_gold_names_file_and_line(
    tmp_path: Path, lines: list[str], line: int, reason: str
) -> None:
    path = write(tmp_path, lines, "bad.jsonl")
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    message = str(info.value)
    assert message.startswith("[E301]")
    assert f"{path}: line {line}: " in message
    assert reason in message


def test_missing_gold_file_is_a_gold_format_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match=r"\[E302\] .*nope\.jsonl: gold file not found"):
        load_gold(tmp_path / "nope.jsonl")


def test_undecodable_gold_file_is_a_gold_format_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"kind": "entity", "name": "\xff\xfe"}\n')
    with pytest.raises(GoldFormatError, match=r"\[E303\]"):
        load_gold(path)


def test_parse_gold_uses_source_in_messages() -> None:
    with pytest.raises(GoldFormatError, match=r"mem\.jsonl: line 1: invalid JSON"):
        parse_gold(["nope"], source="mem.jsonl")


def test_pool_gold_keeps_ids_unique_and_single_documents_unchanged() -> None:
    a = parse_gold([E1, E2, MEMBER], source="dir/000_a.jsonl")
    b = parse_gold([E1, E2, MEMBER], source="dir/001_b.jsonl")
    assert pool_gold([a]) is a
    pooled = pool_gold([a, b])
    assert [e.id for e in pooled.entities] == ["000_a:e1", "000_a:e2", "001_b:e1", "001_b:e2"]
    assert [(r.head, r.tail) for r in pooled.relations] == [
        ("000_a:e1", "000_a:e2"),
        ("001_b:e1", "001_b:e2"),
    ]
    assert pooled.source == "dir/000_a.jsonl+dir/001_b.jsonl"
    same_stem = pool_gold([a, a])
    assert [e.id for e in same_stem.entities][:3] == ["0:e1", "0:e2", "1:e1"]


REAL_GOLD = sorted(GOLD_DIR.glob("*.jsonl")) if GOLD_DIR.is_dir() else []
needs_gold = pytest.mark.skipif(
    not GOLD_DIR.is_dir(), reason=f"shared gold folder {GOLD_DIR} not checked out beside the repo"
)


@needs_gold
def test_real_gold_folder_holds_the_dev_files() -> None:
    assert len(REAL_GOLD) >= 3


@needs_gold
@pytest.mark.parametrize("path", REAL_GOLD, ids=lambda p: p.name)
def test_real_gold_files_load(path: Path) -> None:
    doc = load_gold(path)
    assert isinstance(doc, GoldDocument)
    records = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    assert len(doc.entities) == sum(r["kind"] == "entity" for r in records) > 0
    assert len(doc.relations) == sum(r["kind"] == "relation" for r in records) > 0
    assert all(r.role for r in doc.relations if r.rel is RelationType.MEMBER_OF)
