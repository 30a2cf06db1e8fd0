"""Graphs for the view tests: real names plus hostile article text (XSS payloads)."""

from __future__ import annotations

import networkx as nx

from kg.graph import build_graph
from kg.types import Article, Entity, EntityType, Provenance, Relation, RelationType

T = EntityType
R = RelationType

# Each payload, if it ever ran, would set window.__pwned and change document.title.
XSS_NAME = "<script>window.__pwned=1;document.title='pwned'</script>某某公司"
XSS_ALIAS = "<img src=x onerror=\"window.__pwned=2;document.title='pwned'\">"
XSS_SENTENCE = "</script><script>window.__pwned=3;document.title='pwned'</script><!-- 签约"
XSS_ROLE = '<svg onload="window.__pwned=4">主席'
XSS_HEADLINE = '<iframe src="javascript:window.parent.__pwned=5"></iframe>'
XSS_TITLE = "<script>window.__pwned=6</script>图谱 & <b>kg</b>"
XSS_ID = "Enterprise/x"

S1 = "西安市总工会党组书记、常务副主席王雷出席“春风行动”启动仪式。"
S2 = "陕西省总工会在西安市开展春风行动，投入资金32.5万元。"


def prov(sentence: str, article: str = "doc1/a1") -> Provenance:
    return Provenance("doc1", article, sentence, 0, len(sentence))


def xss_graph(extra: int = 0) -> nx.MultiDiGraph:
    """A small real graph with hostile text in every article-derived field.

    ``extra`` adds that many more nodes, chained and typed round-robin, to get a
    bigger picture (physics, sizes) without randomness.
    """
    entities = [
        Entity("Union/西安市总工会", T.UNION, "西安市总工会", ("市总工会", "市总"), (prov(S1),)),
        Entity("Union/陕西省总工会", T.UNION, "陕西省总工会", ("省总工会",), (prov(S2),)),
        Entity("Person/王雷", T.PERSON, "王雷", (), (prov(S1),)),
        Entity("Programme/春风行动", T.PROGRAMME, "春风行动", ("“春风行动”",), (prov(S1),)),
        Entity("Place/西安市", T.PLACE, "西安市", ("西安",), (prov(S2),)),
        Entity("Place/陕西省", T.PLACE, "陕西省", (), (prov(S2),)),
        Entity(
            XSS_ID,
            T.ENTERPRISE,
            XSS_NAME,
            (XSS_ALIAS,),
            (prov(XSS_SENTENCE, "doc1/a2"),),
        ),
        Entity("GovernmentBody/西安市人大常委会", T.GOVERNMENT_BODY, "西安市人大常委会"),
        Entity("Organization/西安交通大学", T.ORGANIZATION, "西安交通大学"),
        Entity("Event/西安市职工职业技能大赛", T.EVENT, "西安市职工职业技能大赛"),
    ]
    relations = [
        Relation(
            "Person/王雷",
            R.MEMBER_OF,
            "Union/西安市总工会",
            (prov(S1),),
            role="党组书记、常务副主席",
        ),
        Relation("Union/西安市总工会", R.SUB_ORGANIZATION_OF, "Union/陕西省总工会", (prov(S2),)),
        Relation("Union/西安市总工会", R.LOCATED_IN, "Place/西安市", (prov(S1),)),
        Relation("Union/陕西省总工会", R.LOCATED_IN, "Place/陕西省", (prov(S2),)),
        Relation("Place/西安市", R.LOCATED_IN, "Place/陕西省", (prov(S2),)),
        Relation(
            "Union/陕西省总工会",
            R.ESTABLISHES,
            "Programme/春风行动",
            (prov(S2),),
            amount="32.5万元",
        ),
        Relation("Union/西安市总工会", R.ORGANIZES, "Event/西安市职工职业技能大赛", (prov(S1),)),
        Relation("Union/西安市总工会", R.PARTNER_OF, "Organization/西安交通大学", (prov(S1),)),
        Relation(XSS_ID, R.PARTNER_OF, "Union/西安市总工会", (prov(XSS_SENTENCE, "doc1/a2"),)),
        Relation(
            "Person/王雷", R.MEMBER_OF, XSS_ID, (prov(XSS_SENTENCE, "doc1/a2"),), role=XSS_ROLE
        ),
    ]
    types = list(T)
    predicates = list(R)
    for i in range(extra):
        entities.append(Entity(f"Extra/{i:03d}", types[i % len(types)], f"测试实体{i}"))
        target = f"Extra/{(i * 7 + 3) % extra:03d}" if i else "Union/西安市总工会"
        if target != f"Extra/{i:03d}":
            relations.append(Relation(f"Extra/{i:03d}", predicates[i % len(predicates)], target))
    articles = [
        Article("doc1/a1", "doc1", "seeds/xian.txt", "春风行动启动", 0, 10, "", ""),
        Article("doc1/a2", "doc1", "seeds/xian.txt", XSS_HEADLINE, 10, 20, "", ""),
    ]
    return build_graph(entities, relations, articles)


def xss_hub_graph(extra: int = 0) -> nx.MultiDiGraph:
    """:func:`xss_graph` where the hostile enterprise is also the hub of its own group of
    (hostile) people, so that it heads a community in the community legend."""
    G = xss_graph(extra)
    for i in range(5):
        node = f"Person/x{i}"
        G.add_node(
            node,
            type=str(T.PERSON),
            name=f"{XSS_ALIAS}{i}",
            aliases=[],
            provenance=[],
        )
        G.add_edge(
            node,
            XSS_ID,
            key=str(R.MEMBER_OF),
            predicate=str(R.MEMBER_OF),
            role=XSS_ROLE,
            amount=None,
            evidence=[],
        )
    return G
