"""The CLI as a person or script runs it: a real process on a real file."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from desktop_app.core import migrations
from desktop_app.core import records as r
from tests.cli_helpers import fuqing, ok_json
from tests.db_helpers import raw


def test_add_show_list_delete_every_type(db: Path) -> None:
    own = ok_json(db, "profile")["id"]  # type: ignore[index]
    point = ok_json(db, "add", "liaison_point", "--json", '{"name": "王家村", "kind": "社区/村"}')
    woman = ok_json(
        db,
        "add",
        "woman",
        "--json",
        json.dumps(
            {"name": "李秀英", "id_number": "11010519491231002X", "groups": ["留守"], "liaison_point_id": point["id"]}
        ),
    )
    visit = ok_json(
        db,
        "add",
        "visit",
        "--json",
        json.dumps({"liaison_point_id": point["id"], "method": "一对一访谈", "woman_ids": [woman["id"]]}),
    )
    pair = ok_json(db, "add", "help_pair", "--json", json.dumps({"woman_id": woman["id"]}))
    log = ok_json(db, "add", "help_log", "--json", json.dumps({"help_pair_id": pair["id"], "what": "推荐就业"}))
    diary = ok_json(db, "add", "diary", "--json", '{"title": "走访", "body": "留守妇女"}')
    problem = ok_json(
        db,
        "add",
        "problem",
        "--json",
        json.dumps({"description": "缺少岗位", "category": "就业创业", "source": "visit", "source_id": visit["id"]}),
    )
    cadre = ok_json(db, "add", "cadre", "--json", '{"name": "李娟", "org": "妇联"}')
    federation = ok_json(db, "add", "federation", "--json", '{"name": "通州区妇联", "level": "county"}')
    project = ok_json(db, "add", "project", "--json", '{"name": "春风送岗位", "target_jobs": 300}')
    referral = ok_json(db, "add", "referral", "--json", json.dumps({"problem_id": problem["id"], "department": "人社"}))
    research = ok_json(db, "add", "research", "--json", '{"topic": "留守妇女就业调研"}')
    created = {
        "federation": federation,
        "project": project,
        "referral": referral,
        "research": research,
        "cadre": cadre,
        "liaison_point": point,
        "woman": woman,
        "visit": visit,
        "help_pair": pair,
        "help_log": log,
        "diary": diary,
        "problem": problem,
    }
    assert set(created) == set(r.RECORD_TYPES)
    assert diary["author_id"] == own and visit["cadre_ids"] == [own] and pair["cadre_ids"] == [own]  # type: ignore[index]
    assert research["lead_id"] == own and referral["department"] == "human_resources"  # type: ignore[index]
    assert project["year"] == date.today().year  # type: ignore[index]
    for kind, record in created.items():
        shown = ok_json(db, "show", kind, record["id"], "--json")  # type: ignore[index]
        assert shown == record
        listed = ok_json(db, "list", kind, "--json")
        assert record["id"] in [x["id"] for x in listed]  # type: ignore[union-attr]
    listed_woman = ok_json(db, "list", "woman", "--json")[0]  # type: ignore[index]
    assert listed_woman["id_number"] == "**************002X"
    stats = ok_json(db, "stats", "--json")
    assert stats["counts"] == {k: (2 if k == "cadre" else 1) for k in r.RECORD_TYPES}  # type: ignore[index]
    assert stats["schema_version"] == migrations.LATEST and stats["device_id"]  # type: ignore[index]
    for kind in ("problem", "help_log", "diary"):
        assert fuqing(db, "delete", kind, created[kind]["id"]).returncode == 0  # type: ignore[index]
    counts = ok_json(db, "stats", "--json")["counts"]  # type: ignore[index]
    assert counts["problem"] == 0 and counts["diary"] == 0 and counts["help_log"] == 0
    assert fuqing(db, "check").returncode == 0


def test_deleting_a_problem_takes_its_referrals_and_check_finds_any_left(db: Path) -> None:
    ok_json(db, "profile")
    problem = ok_json(db, "add", "problem", "--json", '{"description": "缺少岗位", "category": "就业创业"}')
    for department in ("民政", "人社"):
        ok_json(db, "add", "referral", "--json", json.dumps({"problem_id": problem["id"], "department": department}))  # type: ignore[index]
    result = fuqing(db, "delete", "problem", problem["id"])  # type: ignore[index]
    assert result.returncode == 0 and result.stdout.strip() == "已删除，连同 2 条转办", result.stdout
    assert ok_json(db, "list", "referral", "--json") == []
    assert ok_json(db, "stats", "--json")["counts"]["referral"] == 0  # type: ignore[index]
    assert fuqing(db, "check").returncode == 0
    # An older app deleted a problem alone: its referral still shows; check says so.
    other = ok_json(db, "add", "problem", "--json", '{"description": "托管难", "category": "就业创业"}')
    referral = ok_json(db, "add", "referral", "--json", json.dumps({"problem_id": other["id"], "department": "民政"}))  # type: ignore[index]
    conn = raw(db)
    conn.execute("UPDATE problem SET deleted = 1 WHERE id = ?", (other["id"],))  # type: ignore[index]
    conn.commit()
    conn.close()
    result = fuqing(db, "check")
    assert result.returncode == 1 and f"转办 {referral['id']} 所属的问题 {other['id']} 已删除" in result.stderr  # type: ignore[index]


def test_invalid_input_exits_nonzero_with_chinese_message_and_changes_nothing(db: Path) -> None:
    before = db.read_bytes()
    result = fuqing(db, "add", "woman", "--json", '{"name": "张三", "id_number": "110105194912310021"}')
    assert result.returncode == 1
    assert "校验位错误" in result.stderr
    result = fuqing(db, "add", "diary", "--json", '{"title": ')
    assert result.returncode == 1 and "JSON" in result.stderr
    result = fuqing(db, "add", "woman", "--json", '["王芳"]')
    assert (
        result.returncode == 1 and """JSON 对象，如 '{"title": "…"}'""" in result.stderr
    )  # one brace, as she types it
    result = fuqing(db, "show", "diary", "01a00000-0000-7000-8000-000000000000", "--json")
    assert result.returncode == 1 and "找不到" in result.stderr
    for shaped_wrong, said in (('{"name": {"王芳": "13812345678"}}', "姓名应为文字"),
                               ('{"name": "\\ud800王芳"}', "不能保存的字符"), ('{"\\ud800": 1}', "没有名为")):  # fmt: skip
        result = fuqing(db, "add", "woman", "--json", shaped_wrong)
        assert result.returncode == 1 and said in result.stderr, result.stderr
    assert ok_json(db, "stats", "--json")["counts"]["woman"] == 0  # type: ignore[index]
    del before


def test_search_json(db: Path) -> None:
    ok_json(db, "add", "diary", "--json", '{"title": "走访", "body": "她想学电商，把草莓卖出去"}')
    hits = ok_json(db, "search", "草莓", "--json")
    assert len(hits) == 1 and "草莓" in hits[0]["snippet"] and hits[0]["type"] == "diary"  # type: ignore[index]
    assert ok_json(db, "search", "苹果", "--json") == []


def test_demo_and_stats(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    result = fuqing(path, "demo", "--records", "500", "--seed", "3")
    assert result.returncode == 0, result.stderr
    stats = ok_json(path, "stats", "--json")
    assert stats["counts"]["diary"] == 500  # type: ignore[index]
    assert fuqing(path, "check").returncode == 0


def test_check_fails_on_a_broken_reference(db: Path) -> None:
    conn = raw(db)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(
        "INSERT INTO woman (id, hlc, device_id, name, liaison_point_id) VALUES ('w', '000000000000001.00000', 'd', 'x', 'missing')"
    )
    conn.commit()
    conn.close()
    result = fuqing(db, "check")
    assert result.returncode == 1 and "foreign key" in result.stderr


def test_newer_database_refused_by_cli(tmp_path: Path) -> None:
    import sqlite3  # a plain file from a newer version before encryption: refused before it is touched

    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    result = fuqing(path, "stats", "--json")
    assert result.returncode == 1 and "更新版本" in result.stderr
    assert path.read_bytes() == before


def test_gui_entry_point_knows_every_cli_command() -> None:
    from desktop_app.__main__ import COMMANDS
    from desktop_app.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert set(subparsers.choices) == set(COMMANDS)  # type: ignore[arg-type]


def test_quotas_and_problems_json(db: Path) -> None:
    point = ok_json(db, "add", "liaison_point", "--json", '{"name": "王家村", "kind": "village"}')
    own = ok_json(db, "profile")["id"]  # type: ignore[index]
    ok_json(db, "edit", "liaison_point", point["id"], "--json", json.dumps({"cadre_ids": [own]}))  # type: ignore[index]
    data = ok_json(db, "quotas", "--json", "--preset", "beijing")
    (cadre,) = data["cadres"]  # type: ignore[index]
    assert cadre["name"] == "王芳"
    assert {i["key"]: i["actual"] for i in cadre["items"]}["points_village"] == 1
    ok_json(db, "add", "problem", "--json", json.dumps(
        {"description": "缺岗位", "category": "employment", "raised_date": "2026-01-01", "deadline": "2026-01-10"}))  # fmt: skip
    listed = ok_json(db, "problems", "--json", "--overdue", "--warnings")
    assert [d["description"] for d in listed["responsibility"]] == ["缺岗位"]  # type: ignore[index]
    assert listed["warnings"] == [] and listed["rule"] == {"min_points": 3, "window_days": 30}  # type: ignore[index]


def test_english_output_names_codes_in_english(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    assert fuqing(path, "demo", "--records", "300").returncode == 0
    result = fuqing(path, "--lang", "en", "problems", "--warnings")
    warnings = [line for line in result.stdout.splitlines() if line.startswith("Warning:")]
    assert result.returncode == 0 and warnings, result.stdout
    assert not [line for line in warnings if re.search(r"[\u3400-\u9fff]", line)]
    bad = json.dumps({"raised_date": "2026-10-01", "description": "缺场地", "category": "nope"}, ensure_ascii=False)
    result = fuqing(path, "--lang", "en", "add", "problem", "--json", bad)
    assert result.returncode == 1 and "Jobs and business" in result.stderr and "就业创业" not in result.stderr


def test_quota_targets_and_preset_set_from_cli(db: Path) -> None:
    data = ok_json(db, "quotas", "--json", "--preset", "beijing", "--set", "points_village=5", "--choose")
    assert data["preset"] == "beijing"  # type: ignore[index]
    assert {i["key"]: i["target"] for i in data["cadres"][0]["items"]}["points_village"] == 5  # type: ignore[index]
    assert ok_json(db, "quotas", "--json")["preset"] == "beijing"  # type: ignore[index]
    result = fuqing(db, "quotas", "--set", "nonsense=1")
    assert result.returncode == 1 and "无效的目标" in result.stderr


def test_cards_command(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    result = fuqing(db, "cards", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    org = ok_json(db, "profile")["org"]  # type: ignore[index]
    ok_json(db, "add", "cadre", "--json", json.dumps({"name": "李娟", "org": org}))
    ok_json(db, "add", "cadre", "--json", '{"name": "赵敏", "org": "石港镇妇联"}')
    # One cadre without a mobile number holds up no one else's card: she is named, with the fix.
    result = fuqing(db, "cards", "--all", "--layout", "sheet", "--duplex", "--out", str(tmp_path / "s.pdf"))
    assert result.returncode == 0, result.stderr
    assert "李娟" in result.stderr and "赵敏" in result.stderr and "手机" in result.stderr
    assert "已生成 1 张" in result.stdout and (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    # None of them can have one: nothing is made, and she is told why.
    result = fuqing(db, "cards", "--all", "--federation", "石港镇妇联", "--out", str(tmp_path / "t.pdf"))
    assert result.returncode == 1 and "赵敏" in result.stderr and "手机" in result.stderr
    assert not (tmp_path / "t.pdf").exists()
    # A federation not known here is named as such, not taken for a missing profile.
    result = fuqing(db, "cards", "--all", "--federation", "不存在", "--out", str(tmp_path / "u.pdf"))
    assert result.returncode == 1 and "不认识的妇联“不存在”" in result.stderr and org in result.stderr
    assert "干部档案" not in result.stderr and not (tmp_path / "u.pdf").exists()
    result = fuqing(db, "projects", "--federation", "不存在")
    assert result.returncode == 1 and "不认识的妇联“不存在”" in result.stderr and "Traceback" not in result.stderr


def test_report_command(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    assert fuqing(path, "demo", "--records", "300").returncode == 0
    for name in ("r.pdf", "r.xlsx"):
        result = fuqing(path, "report", "--period", "2026", "--out", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).stat().st_size > 2000
    result = fuqing(path, "report", "--period", "2026-13", "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 1 and "2026-Q3" in result.stderr and not (tmp_path / "x.pdf").exists()
    result = fuqing(path, "report", "--period", "2026", "--out", str(tmp_path / "x.doc"))
    assert result.returncode == 1 and ".xlsx" in result.stderr
    # Every record held here is no federation's report: refused, not headed with the federation named.
    own = ok_json(path, "profile")["org"]  # type: ignore[index]
    result = fuqing(path, "report", "--period", "2026", "--federation", own, "--all", "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 1 and "--all" in result.stderr and "--federation" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "x.pdf").exists()
    assert fuqing(path, "report", "--period", "2026", "--all", "--out", str(tmp_path / "x.pdf")).returncode == 0


def test_writing_where_nothing_can_be_written_is_told_clearly(tmp_path: Path) -> None:
    """A folder that is a file (as root the only place nothing can be written): the write's own message, exit 1."""
    path = tmp_path / "demo.db"
    assert fuqing(path, "demo", "--records", "50").returncode == 0
    (tmp_path / "taken").write_text("")
    (tmp_path / "passphrase").write_text("a long passphrase for the test\n")
    commands = [
        ("cards", "--all", "--out", str(tmp_path / "taken" / "cards.pdf")),
        ("report", "--period", "2026", "--out", str(tmp_path / "taken" / "r.pdf")),
        ("report", "--period", "2026", "--out", str(tmp_path / "taken" / "r.xlsx")),
        (
            "export",
            "--full",
            "--passphrase-file",
            str(tmp_path / "passphrase"),
            "--out",
            str(tmp_path / "taken" / "b.age"),
        ),
    ]
    for command in commands:
        result = fuqing(path, *command)
        assert result.returncode == 1 and "无法写入" in result.stderr and "taken" in result.stderr, result.stderr
        assert "程序内部出错" not in result.stderr


def test_demo_twice_with_the_same_seed_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    assert fuqing(path, "demo", "--records", "50").returncode == 0
    before = ok_json(path, "stats", "--json")["counts"]  # type: ignore[index]
    result = fuqing(path, "demo", "--records", "50")
    assert result.returncode == 1 and "本数据库已有这批演示数据" in result.stderr and "--seed" in result.stderr
    assert "程序内部出错" not in result.stderr and "Traceback" not in result.stderr
    assert ok_json(path, "stats", "--json")["counts"] == before  # type: ignore[index]
    assert fuqing(path, "demo", "--records", "50", "--seed", "2").returncode == 0  # another seed: more records
    assert fuqing(path, "check").returncode == 0


def test_text_output_shows_labels_names_and_words_in_either_language(db: Path) -> None:
    """``show`` and ``list`` print what the window shows; ``--json`` keeps codes and ids for scripts."""
    own = ok_json(db, "profile")["id"]  # type: ignore[index]
    point = ok_json(db, "add", "liaison_point", "--json",
                    '{"name": "王家村", "kind": "district", "focus": ["left_behind_migrant"]}')  # fmt: skip
    woman = ok_json(db, "add", "woman", "--json", json.dumps(
        {"name": "李秀英", "groups": ["left_behind", "migrant"], "liaison_point_id": point["id"]}))  # type: ignore[index]  # fmt: skip
    visit = ok_json(db, "add", "visit", "--json", json.dumps(
        {"liaison_point_id": point["id"], "method": "questionnaire", "woman_ids": [woman["id"]]}))  # type: ignore[index]  # fmt: skip
    pair = ok_json(db, "add", "help_pair", "--json", json.dumps(
        {"woman_id": woman["id"], "goals": ["practical_thing", "livelihood"]}))  # type: ignore[index]  # fmt: skip
    log = ok_json(db, "add", "help_log", "--json", json.dumps({"help_pair_id": pair["id"], "what": "推荐就业"}))  # type: ignore[index]
    diary = ok_json(db, "add", "diary", "--json", '{"title": "走访", "body": "留守妇女", "notable": true}')
    problem = ok_json(db, "add", "problem", "--json", json.dumps(
        {"description": "缺少岗位", "category": "health", "source": "visit", "source_id": visit["id"]}))  # type: ignore[index]  # fmt: skip
    referral = ok_json(db, "add", "referral", "--json", json.dumps(
        {"problem_id": problem["id"], "department": "township_government",  # type: ignore[index]
         "answer": "不属于职责", "answer_date": date.today().isoformat(), "outcome": "refused"}))  # fmt: skip

    def shown(lang: str, kind: str, record: object) -> str:
        result = fuqing(db, "--lang", lang, "show", kind, record["id"])  # type: ignore[index]
        assert result.returncode == 0, result.stderr
        return result.stdout

    expected = {
        "zh": [("liaison_point", point, ["类型: 区县", "重点关注: 留守流动妇女儿童多", "联系干部: 王芳"]),
               ("woman", woman, ["所属群体: 留守、流动", "联系点: 王家村"]),
               ("visit", visit, ["走访方式: 问卷调查", "联系点: 王家村", "参加干部: 王芳", "走访妇女: 李秀英"]),
               ("help_pair", pair, ["帮扶目标: 办一件实事、找一个致富门路", "帮扶妇女: 李秀英", "帮扶方式: 一帮一"]),
               ("help_log", log, ["结对帮扶: 李秀英"]),
               ("diary", diary, ["记录人: 王芳", "典型摘录: 是"]),
               ("problem", problem, ["来源: 走访", "问题类别: 妇女健康"]),
               ("referral", referral, ["转办部门: 乡镇政府", "答复结果: 不予解决", "问题: 缺少岗位"])],
        "en": [("liaison_point", point, ["Kind: District / county", "Assigned cadres: 王芳"]),
               ("woman", woman, ["Groups: Left behind, Migrant"]),
               ("visit", visit, ["Method: Questionnaire"]),
               ("help_pair", pair, ["Goals: Do one practical thing, Find a way to earn a living"]),
               ("diary", diary, ["Author: 王芳", "Notable: Yes"]),
               ("problem", problem, ["Source: Visit", "Category: Health"]),
               ("referral", referral, ["Referred to: Township government", "Outcome: Refused"])],
    }  # fmt: skip
    for lang, cases in expected.items():
        for kind, record, lines in cases:
            text = shown(lang, kind, record)
            for line in lines:
                assert line in text, (lang, kind, line, text)
            assert record["id"] not in text and own not in text and "['" not in text and "True" not in text  # type: ignore[index]
            assert point["id"] not in text and woman["id"] not in text and pair["id"] not in text  # type: ignore[index]
    assert "典型摘录: 否" in fuqing(db, "show", "diary", ok_json(db, "add", "diary", "--json",
                                   '{"title": "x", "body": "y"}')["id"]).stdout  # type: ignore[index]  # fmt: skip
    assert "乡镇政府" in fuqing(db, "list", "referral").stdout
    assert "Township government" in fuqing(db, "--lang", "en", "list", "referral").stdout
    assert ok_json(db, "show", "referral", referral["id"], "--json")["department"] == "township_government"  # type: ignore[index]
    assert ok_json(db, "list", "referral", "--json")[0]["outcome"] == "refused"  # type: ignore[index]


def test_validation_errors_name_the_field_by_its_label(db: Path) -> None:
    result = fuqing(db, "add", "visit", "--json", '{"end_date": "2999-01-01", "method": "questionnaire"}')
    assert result.returncode == 1 and "错误 [结束日期]" in result.stderr and "错误 [联系点]" in result.stderr
    assert "end_date" not in result.stderr and "liaison_point_id" not in result.stderr
    result = fuqing(db, "--lang", "en", "add", "visit", "--json", '{"end_date": "2999-01-01", "typo": 1}')
    assert result.returncode == 1 and "error [End date]" in result.stderr and "error [typo]" in result.stderr
