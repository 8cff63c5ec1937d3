"""Values the tests give records again and again."""

from __future__ import annotations

# A problem is settled only once the woman has been told the result (validation.saving_rules).
TOLD = {
    "explanation": "已上门告知办理结果，本人表示理解",
    "explained_date": "2026-11-20",
}  # the tests' today: after any problem they raise
