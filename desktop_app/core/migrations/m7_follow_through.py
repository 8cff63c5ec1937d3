"""Schema 7: from problem to answer."""

from __future__ import annotations

from .ddl import ref, synced_table

# From problem to answer (schema 7): the federations and who is above whom,
# practical projects with their targets, referrals of a problem to a department
# and the answer, research reports as records, and the woman's own word on a
# help pair or a closed problem. Columns added to older tables are optional in
# bundles: an app of schema 6 leaves them as they are.
MIGRATION_7: list[str] = [
    *synced_table(
        "federation",
        f"""
    name TEXT NOT NULL,
    level TEXT,
    parent_id {ref("federation")}""",
    ),
    "CREATE INDEX federation_by_name ON federation(deleted, name)",
    *synced_table(
        "project",
        """
    name TEXT NOT NULL,
    org TEXT NOT NULL,
    year INTEGER NOT NULL,
    target_people INTEGER,
    target_jobs INTEGER,
    target_trained INTEGER,
    target_amount REAL,
    notes TEXT""",
    ),
    "CREATE INDEX project_by_year ON project(deleted, year)",
    *synced_table(
        "referral",
        f"""
    problem_id {ref("problem")} NOT NULL,
    department TEXT NOT NULL,
    sent_date TEXT NOT NULL,
    note TEXT,
    due_date TEXT,
    answer_date TEXT,
    answer TEXT,
    outcome TEXT""",
    ),
    "CREATE INDEX referral_problem ON referral(problem_id)",
    "CREATE INDEX referral_by_due ON referral(deleted, due_date)",
    *synced_table(
        "research",
        f"""
    topic TEXT NOT NULL,
    lead_id {ref("cadre")} NOT NULL,
    org TEXT,
    deadline TEXT,
    status TEXT NOT NULL,
    submitted_date TEXT,
    draft TEXT""",
    ),
    "CREATE INDEX research_lead ON research(lead_id)",
    f"ALTER TABLE help_log ADD COLUMN project_id {ref('project')}",
    "ALTER TABLE help_log ADD COLUMN people INTEGER",
    "ALTER TABLE help_log ADD COLUMN jobs INTEGER",
    "ALTER TABLE help_log ADD COLUMN trained INTEGER",
    "CREATE INDEX help_log_project ON help_log(project_id) WHERE project_id IS NOT NULL",
    "ALTER TABLE help_pair ADD COLUMN feedback TEXT",
    "ALTER TABLE help_pair ADD COLUMN feedback_note TEXT",
    "ALTER TABLE problem ADD COLUMN explained_date TEXT",
    "ALTER TABLE problem ADD COLUMN explanation TEXT",
    "ALTER TABLE problem ADD COLUMN feedback TEXT",
    "ALTER TABLE problem ADD COLUMN feedback_note TEXT",
]
# Columns a bundle from an app of schema 6 does not carry: the receiver keeps its own value.
ADDED_IN_7: dict[str, frozenset[str]] = {
    "help_log": frozenset({"project_id", "people", "jobs", "trained"}),
    "help_pair": frozenset({"feedback", "feedback_note"}),
    "problem": frozenset({"explained_date", "explanation", "feedback", "feedback_note"}),
}
