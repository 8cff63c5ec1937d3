"""A short run of the bundle fuzzer in every test run (the full 10,000 is a script)."""

from __future__ import annotations

from tests.fuzz.fuzz_bundle import run


def test_mutated_bundles_never_crash_or_change_the_database() -> None:
    crashes, changes, outcomes = run(iterations=400, seed=7)
    assert crashes == 0
    assert changes == 0
    assert sum(outcomes.values()) == 400
    assert len(outcomes) >= 4  # the mutants reach several different checks
