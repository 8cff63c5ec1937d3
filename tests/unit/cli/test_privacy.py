"""Privacy from the command line: ``show`` masks unless ``--reveal`` (which is
audited), a second registration of an ID number is refused unless
``--allow-duplicate``, and ``delete woman ID --erase`` forgets her."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_helpers import fuqing, ok_json
from tests.db_helpers import raw

ID_NUMBER = "11010519491231002X"
PHONE = "13800138000"


def _woman(db: Path) -> str:
    added = ok_json(
        db, "add", "woman", "--json", json.dumps({"name": "李秀英", "id_number": ID_NUMBER, "phone": PHONE})
    )
    assert isinstance(added, dict) and ID_NUMBER not in json.dumps(added) and PHONE not in json.dumps(added)
    return str(added["id"])


def _audit_actions(db: Path, record_id: str) -> list[str]:
    conn = raw(db)
    try:
        return [
            row[0]
            for row in conn.execute("SELECT action FROM audit_log WHERE record_id = ? ORDER BY seq", (record_id,))
        ]
    finally:
        conn.close()


def test_show_masks_until_reveal_and_a_reveal_is_recorded(db: Path) -> None:
    woman = _woman(db)
    for args in (("--json",), ()):
        shown = fuqing(db, "show", "woman", woman, *args)
        assert shown.returncode == 0 and "002X" in shown.stdout
        assert ID_NUMBER not in shown.stdout and PHONE not in shown.stdout
    assert _audit_actions(db, woman) == ["create"]
    revealed = ok_json(db, "show", "woman", woman, "--json", "--reveal")
    assert revealed["id_number"] == ID_NUMBER and revealed["phone"] == PHONE  # type: ignore[index]
    listed = ok_json(db, "list", "woman", "--json", "--reveal")
    assert listed[0]["id_number"] == ID_NUMBER  # type: ignore[index]
    assert _audit_actions(db, woman) == ["create", "reveal", "reveal"]


def test_a_second_registration_of_one_id_number_is_refused_unless_allowed(db: Path) -> None:
    first = _woman(db)
    again = fuqing(db, "add", "woman", "--json", json.dumps({"name": "李秀英", "id_number": ID_NUMBER}))
    assert again.returncode == 1
    assert first in again.stderr and "李秀英" in again.stderr and "--allow-duplicate" in again.stderr
    assert ID_NUMBER not in again.stderr
    assert ok_json(db, "stats", "--json")["counts"]["woman"] == 1  # type: ignore[index]
    ok_json(db, "add", "woman", "--json", json.dumps({"name": "李秀英", "id_number": ID_NUMBER}), "--allow-duplicate")
    assert ok_json(db, "stats", "--json")["counts"]["woman"] == 2  # type: ignore[index]


def test_delete_erase_forgets_her_and_lists_texts_that_name_her(db: Path) -> None:
    woman = _woman(db)
    diary = ok_json(
        db, "add", "diary", "--json", json.dumps({"title": "随记", "body": "李秀英来了", "woman_ids": [woman]})
    )
    result = fuqing(db, "delete", "woman", woman, "--erase")
    assert result.returncode == 0, result.stderr
    assert "已删除并清除个人信息" in result.stdout and diary["id"] in result.stdout  # type: ignore[index]
    assert _audit_actions(db, woman)[-2:] == ["delete", "erase"]
    conn = raw(db)
    try:
        row = conn.execute("SELECT name, id_number, phone FROM woman WHERE id = ?", (woman,)).fetchone()
        assert tuple(row) == ("", None, None)
        audit = " ".join(r[0] for r in conn.execute("SELECT changes FROM audit_log"))
        assert ID_NUMBER not in audit and PHONE not in audit
    finally:
        conn.close()
    refused = fuqing(db, "delete", "diary", str(diary["id"]), "--erase")  # type: ignore[index]
    assert refused.returncode == 1 and "woman" in refused.stderr
