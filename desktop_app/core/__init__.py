"""UI-free collection library: records, storage, validation, search.

Nothing under this package may import Qt (tests/unit/core/test_no_qt.py).
"""
