"""Three short news pages for the scale tests (library and ``kg build``)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["PAGES", "write_pages"]

# Three short pages; 西安 is the thread: page a names the city federation by its short
# form too (市总工会), page b by its full name only, page c is about another city.
PAGES = {
    "a": (
        "## 西安市总工会为一线职工送清凉\n\n"
        "本报讯 7月28日，西安市总工会在西安市雁塔区开展夏季送清凉活动。"
        "市总工会主席王冰带队走访慰问环卫工人和快递小哥，送去防暑物品。\n"
    ),
    "b": (
        "## 西安举办职工技能大赛\n\n"
        "本报讯 近日，由西安市总工会主办的2024年西安市职工职业技能大赛在西安开幕。"
        "陕西建工集团有限公司等30家企业的200余名职工参赛。\n"
    ),
    "c": (
        "## 襄阳市总工会建成司机之家\n\n"
        "本报讯 湖北省襄阳市总工会在襄阳市樊城区建成10个司机之家，"
        "为货车司机和网约车司机提供休息场所。襄阳市总工会副主席李明出席启用仪式。\n"
    ),
}


def write_pages(folder: Path, names: str = "abc") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(PAGES[name], encoding="utf-8")
    return folder
