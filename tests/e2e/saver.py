"""Child process for the kill test: saves records and drafts in a loop and says
"saved ID" / "draft N" only after each call has returned."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.core import drafts
from desktop_app.core.store import Store


def main() -> None:
    with Store(Path(sys.argv[1])) as store:
        n = 0
        while True:
            n += 1
            record = store.save("diary", {"title": f"第{n}篇", "body": "停电前写下的内容" * 20, "tags": ["蹲点"]})
            print(f"saved {record['id']}", flush=True)
            drafts.save_draft(store, "diary", None, {"title": f"草稿{n}", "body": "还没保存" * 10})
            print(f"draft {n}", flush=True)


if __name__ == "__main__":
    main()
