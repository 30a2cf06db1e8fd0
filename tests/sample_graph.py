"""A small real graph model shared by the RDF and query tests (names from Xi'an union news)."""

from __future__ import annotations

import networkx as nx

from kg.graph import build_graph
from kg.types import Article, Entity, EntityType, Provenance, Relation, RelationType

DOC = "000_94a1c972eb8362e8"
ART = f"{DOC}#a01"
HEADLINE = "西安市总工会启动2024年春风行动"

S_POST = Provenance(DOC, ART, "西安市总工会党组书记、常务副主席王雷出席启动仪式。", 20, 45)
S_PROG = Provenance(DOC, ART, "西安市总工会在西安市启动春风行动，投入资金32.5万元。", 46, 72)
S_SUB = Provenance(DOC, ART, "雁塔区总工会在辖区建成骑士驿站12个。", 73, 91)
S_PARTNER = Provenance(DOC, ART, "西安市总工会与陕西海川医药有限公司签订合作协议。", 92, 116)
S_EVENT = Provenance(DOC, ART, "西安市总工会举办春风行动启动仪式。", 0, 19)
S_BEILIN = Provenance(DOC, ART, "碑林区总工会建成户外劳动者驿站。", 117, 133)

ENTITIES = (
    Entity(
        "Union/西安市总工会",
        EntityType.UNION,
        "西安市总工会",
        ("市总工会", "市总"),
        (S_POST, S_PROG, S_PARTNER, S_EVENT),
    ),
    Entity("Union/雁塔区总工会", EntityType.UNION, "雁塔区总工会", (), (S_SUB,)),
    Entity("Union/碑林区总工会", EntityType.UNION, "碑林区总工会", (), (S_BEILIN,)),
    Entity("Programme/户外劳动者驿站", EntityType.PROGRAMME, "户外劳动者驿站", (), (S_BEILIN,)),
    Entity("Person/王雷", EntityType.PERSON, "王雷", (), (S_POST,)),
    Entity("Programme/春风行动", EntityType.PROGRAMME, "春风行动", (), (S_PROG,)),
    Entity("Programme/骑士驿站", EntityType.PROGRAMME, "骑士驿站", (), (S_SUB,)),
    Entity("Place/西安市", EntityType.PLACE, "西安市", (), (S_PROG,)),
    Entity("Event/春风行动启动仪式", EntityType.EVENT, "春风行动启动仪式", (), (S_EVENT,)),
    Entity(
        "Enterprise/陕西海川医药有限公司",
        EntityType.ENTERPRISE,
        "陕西海川医药有限公司",
        ("海川医药",),
        (S_PARTNER,),
    ),
)

RELATIONS = (
    Relation(
        "Person/王雷",
        RelationType.MEMBER_OF,
        "Union/西安市总工会",
        (S_POST,),
        role="党组书记、常务副主席",
    ),
    Relation(
        "Union/西安市总工会",
        RelationType.ESTABLISHES,
        "Programme/春风行动",
        (S_PROG,),
        amount="32.5万元",
    ),
    Relation("Union/西安市总工会", RelationType.LOCATED_IN, "Place/西安市", (S_PROG,)),
    Relation("Union/西安市总工会", RelationType.ORGANIZES, "Event/春风行动启动仪式", (S_EVENT,)),
    Relation("Union/雁塔区总工会", RelationType.ESTABLISHES, "Programme/骑士驿站", (S_SUB,)),
    Relation(
        "Union/碑林区总工会", RelationType.ESTABLISHES, "Programme/户外劳动者驿站", (S_BEILIN,)
    ),
    Relation(
        "Union/雁塔区总工会", RelationType.SUB_ORGANIZATION_OF, "Union/西安市总工会", (S_SUB,)
    ),
    Relation(
        "Enterprise/陕西海川医药有限公司",
        RelationType.PARTNER_OF,
        "Union/西安市总工会",
        (S_PARTNER,),
    ),
)

ARTICLES = (
    Article(
        ART,
        DOC,
        f"seeds/{DOC}.txt",
        HEADLINE,
        0,
        140,
        "",
        "",
        date="2024-05-08",
        publisher="工人日报",
    ),
)


def sample_model() -> nx.MultiDiGraph:
    """The sample as the graph model."""
    return build_graph(ENTITIES, RELATIONS, ARTICLES)
