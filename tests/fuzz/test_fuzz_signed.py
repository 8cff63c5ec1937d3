"""A short run of the signed-bundle fuzzer in every test run (the full 10,000 is a script).

The attacker is an approved cadre's laptop signing with its real key: whatever
it sends, the hub must answer with a result (never an exception, an "internal"
error or a traceback), must leave every row that is not hers exactly as it was,
and must still send down bundles that an honest cadre's laptop imports.
"""

from __future__ import annotations

from tests.fuzz.fuzz_signed import Report, run

ITERATIONS = 400


def _problems(report: Report) -> str:
    """Each distinct finding once: what the mutant did, and what happened."""
    lines = []
    for signature, detail in report.problems.items():
        shown = [d for d in detail if not d.startswith("Traceback")][:5]
        lines.append(f"{signature} ({report.seen[signature]} mutants): {' | '.join(shown)}")
    return "\n".join(lines)


def test_signed_mutants_from_an_approved_cadre_never_crash_or_change_others_records() -> None:
    report = run(iterations=ITERATIONS, seed=11)
    assert report.iterations == ITERATIONS
    # The mutants get past the signature and reach the checks behind it.
    for outcome in ("merged", "held", "refused:bad_row", "refused:clock_ahead"):
        assert report.outcomes[outcome] > 0, (outcome, dict(report.outcomes))
    assert report.proposals > 0 and report.rows_applied > 0
    found = (report.crashes, report.tracebacks, report.forbidden, report.poisoned)
    assert found == (0, 0, 0, 0), _problems(report)
