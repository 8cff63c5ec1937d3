"""Quota profiles from the campaign notices and each cadre's progress on them.

Presets (shared/seeds): Beijing 2012 (each leader links 1 district, 2
townships, 4 villages, 6 households), Harbin 2014 (bureau-level cadres ≥ 60
grassroots days a year; a 蹲点 stay of ≥ 7 days), Shandong 2012 (1 liaison
point, 1 one-to-one pair, 1 diary, 1 research report — a research record
she leads, submitted in the year —, 2 weak women's organisations, 1 new-type
entity). A federation can change any target; the
chosen preset and changed targets are kept in ``meta``.
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .i18n import pick

if TYPE_CHECKING:
    from .store import Store


@dataclass(frozen=True)
class QuotaItem:
    key: str
    zh: str
    en: str
    target: int
    leaders_only: bool = False

    @property
    def label(self) -> str:
        return pick(self.zh, self.en)


@dataclass(frozen=True)
class Preset:
    name: str
    zh: str
    en: str
    items: tuple[QuotaItem, ...]

    @property
    def label(self) -> str:
        return pick(self.zh, self.en)


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset("beijing", "北京（2012）", "Beijing (2012)", (
            QuotaItem("points_district", "联系区县", "Districts linked", 1),
            QuotaItem("points_township", "联系街道/乡镇", "Townships linked", 2),
            QuotaItem("points_village", "联系社区/村", "Villages linked", 4),
            QuotaItem("points_household", "联系户", "Households linked", 6),
        )),
        Preset("harbin", "哈尔滨（2014）", "Harbin (2014)", (
            QuotaItem("grassroots_days", "全年下基层天数", "Grassroots days this year", 60, leaders_only=True),
            QuotaItem("longest_stay_days", "最长蹲点天数", "Longest 蹲点 stay (days)", 7),
        )),
        Preset("shandong", "山东（2012）", "Shandong (2012)", (
            QuotaItem("points_any", "联系点", "Liaison points", 1),
            QuotaItem("one_to_one_pairs", "一对一帮扶妇女", "Women helped one-to-one", 1),
            QuotaItem("diaries", "妇情日记", "Diary entries", 1),
            QuotaItem("research_reports", "调研报告", "Research reports", 1),
            QuotaItem("points_women_org", "薄弱村妇女组织", "Weak women's organisations", 2),
            QuotaItem("points_enterprise", "新型实体", "New-type entities", 1),
        )),
    )
}  # fmt: skip


@dataclass
class ItemProgress:
    key: str
    label: str
    target: int
    actual: int
    applies: bool

    @property
    def met(self) -> bool:
        return not self.applies or self.actual >= self.target


@dataclass
class CadreProgress:
    cadre_id: str
    name: str
    is_leader: bool
    items: list[ItemProgress]

    @property
    def met(self) -> bool:
        return all(item.met for item in self.items)

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["met"] = self.met
        for item, raw in zip(self.items, data["items"], strict=True):
            raw["met"] = item.met
        return data


def chosen_preset(store: Store) -> str:
    return store.meta("quota_preset") or "shandong"


def choose_preset(store: Store, preset: str) -> None:
    if preset not in PRESETS:
        raise ValueError(preset)
    store.set_meta("quota_preset", preset)


def targets(store: Store, preset: str) -> dict[str, int]:
    overrides = json.loads(store.meta("quota_targets") or "{}").get(preset, {})
    return {item.key: int(overrides.get(item.key, item.target)) for item in PRESETS[preset].items}


def set_target(store: Store, preset: str, key: str, target: int) -> None:
    if key not in {i.key for i in PRESETS[preset].items} or target < 0:
        raise ValueError(key)
    with store.transaction():
        overrides = json.loads(store.meta("quota_targets") or "{}")
        overrides.setdefault(preset, {})[key] = target
        store.set_meta("quota_targets", json.dumps(overrides))


def grassroots_days(store: Store, first: date, last: date, cadre_id: str | None = None) -> dict[str, int]:
    """Distinct days each cadre spent on visits from ``first`` to ``last``
    (a multi-day stay counts every one of its days inside that span).

    The one definition: quotas count a year, reports any period."""
    conn = store.conn
    only = " AND vc.cadre_id = ?" if cadre_id else ""
    extra: tuple[object, ...] = (cadre_id,) if cadre_id else ()
    days: dict[str, set[date]] = defaultdict(set)
    # For one cadre, start from her links (CROSS JOIN fixes that order);
    # for everyone, from the year's visits.
    source = (
        "visit_cadre vc CROSS JOIN visit v ON v.id = vc.visit_id AND vc.deleted = 0"
        if cadre_id
        else "visit v JOIN visit_cadre vc ON vc.visit_id = v.id AND vc.deleted = 0"
    )
    # One-day visits: let SQLite make the distinct (cadre, day) pairs.
    for who, day in conn.execute(
        f"SELECT DISTINCT vc.cadre_id, v.start_date FROM {source} "
        "WHERE v.deleted = 0 AND v.end_date IS NULL AND v.start_date BETWEEN ? AND ?" + only,
        (first.isoformat(), last.isoformat(), *extra),
    ):
        days[who].add(date.fromisoformat(day))
    # Multi-day stays: their spans merged, then counted (cost by stay, not by day).
    spans: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for who, start, end in conn.execute(
        f"SELECT vc.cadre_id, v.start_date, v.end_date FROM {source} "
        "WHERE v.deleted = 0 AND v.end_date IS NOT NULL AND v.start_date <= ? AND v.end_date >= ?" + only,
        (last.isoformat(), first.isoformat(), *extra),
    ):
        spans[who].append((max(date.fromisoformat(start), first), min(date.fromisoformat(end), last)))
    counted = {}
    for who in days.keys() | spans.keys():
        merged = _merge_spans(spans.get(who, []))
        inside = sum((stop - start).days + 1 for start, stop in merged)
        starts = [start for start, _stop in merged]
        alone = sum(1 for day in days.get(who, ()) if not _covered(merged, starts, day))
        counted[who] = inside + alone
    return counted


def _merge_spans(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for start, stop in sorted(spans):
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


def _covered(merged: list[tuple[date, date]], starts: list[date], day: date) -> bool:
    index = bisect.bisect_right(starts, day) - 1
    return index >= 0 and merged[index][1] >= day


def _longest_stays(store: Store, year: int, cadre_id: str | None = None) -> dict[str, int]:
    only = " AND vc.cadre_id = ?" if cadre_id else ""
    rows = store.conn.execute(
        "SELECT vc.cadre_id, max(julianday(coalesce(v.end_date, v.start_date)) - julianday(v.start_date) + 1) "
        "FROM visit_cadre vc CROSS JOIN visit v ON v.id = vc.visit_id AND vc.deleted = 0 "
        "WHERE v.deleted = 0 AND v.method = 'stay' AND v.start_date BETWEEN ? AND ?" + only + " GROUP BY vc.cadre_id",
        (f"{year}-01-01", f"{year}-12-31", *((cadre_id,) if cadre_id else ())),
    )
    return {who: int(days) for who, days in rows}


def _linked_points(store: Store) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = store.conn.execute(
        "SELECT lc.cadre_id, p.kind, count(*) FROM liaison_point_cadre lc "
        "JOIN liaison_point p ON p.id = lc.liaison_point_id AND p.deleted = 0 "
        "WHERE lc.deleted = 0 GROUP BY lc.cadre_id, p.kind"
    )
    for cadre_id, kind, n in rows:
        counts[cadre_id][kind] = n
    return counts


def progress(store: Store, preset: str, year: int, cadre_id: str | None = None) -> list[CadreProgress]:
    """Every live cadre's (or only ``cadre_id``'s) progress on ``preset`` in ``year``.

    Only the measures the preset uses are computed, each restricted to the one
    cadre when given, so the dashboard stays quick on a county's database.
    """
    chosen = PRESETS[preset]
    keys = {item.key for item in chosen.items}
    conn = store.conn
    goal = targets(store, preset)
    first, last = f"{year}-01-01", f"{year}-12-31"
    who = (cadre_id,) if cadre_id else ()

    def per_cadre(sql: str, params: tuple[object, ...], column: str) -> dict[str, int]:
        if cadre_id:
            sql = sql.replace("GROUP BY", f"AND {column} = ? GROUP BY")
        return {row[0]: int(row[1]) for row in conn.execute(sql, (*params, *who))}

    points = _linked_points(store) if any(k.startswith("points_") for k in keys) else {}
    year_days = (date(year, 1, 1), date(year, 12, 31))
    days = grassroots_days(store, *year_days, cadre_id) if "grassroots_days" in keys else {}
    stays = _longest_stays(store, year, cadre_id) if "longest_stay_days" in keys else {}
    pairs = (
        per_cadre(
            "SELECT hc.cadre_id, count(DISTINCT h.woman_id) FROM help_pair h "
            "JOIN help_pair_cadre hc ON hc.help_pair_id = h.id AND hc.deleted = 0 "
            "WHERE h.deleted = 0 AND h.mode = 'one_to_one' AND h.target_kind = 'woman' GROUP BY hc.cadre_id",
            (),
            "hc.cadre_id",
        )
        if "one_to_one_pairs" in keys
        else {}
    )
    diaries = (
        per_cadre(
            "SELECT author_id, count(*) FROM diary WHERE deleted = 0 AND date BETWEEN ? AND ? GROUP BY author_id",
            (first, last),
            "author_id",
        )
        if "diaries" in keys
        else {}
    )
    reports = (
        per_cadre(
            "SELECT lead_id, count(*) FROM research WHERE deleted = 0 AND status = 'submitted' "
            "AND submitted_date BETWEEN ? AND ? GROUP BY lead_id",
            (first, last),
            "lead_id",
        )
        if "research_reports" in keys
        else {}
    )
    result = []
    only = " AND id = ?" if cadre_id else ""
    for row_id, name, is_leader in conn.execute(
        "SELECT id, name, is_leader FROM cadre WHERE deleted = 0" + only + " ORDER BY name", who
    ):
        linked = points.get(row_id, {})
        actual = {
            "points_district": linked.get("district", 0),
            "points_township": linked.get("township", 0),
            "points_village": linked.get("village", 0),
            "points_household": linked.get("household", 0),
            "points_any": sum(linked.values()),
            "points_women_org": linked.get("women_org", 0),
            "points_enterprise": linked.get("enterprise", 0),
            "grassroots_days": days.get(row_id, 0),
            "longest_stay_days": stays.get(row_id, 0),
            "one_to_one_pairs": pairs.get(row_id, 0),
            "diaries": diaries.get(row_id, 0),
            "research_reports": reports.get(row_id, 0),
        }
        items = [
            ItemProgress(i.key, i.label, goal[i.key], actual[i.key], applies=bool(is_leader) or not i.leaders_only)
            for i in chosen.items
        ]
        result.append(CadreProgress(row_id, name, bool(is_leader), items))
    return result
