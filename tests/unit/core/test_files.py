"""A file is written whole or not at all, and a failed write is told as itself, never as its cleanup's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.errors import FuqingError
from desktop_app.core.files import write_atomically


@pytest.fixture(params=["a folder that is a file", "a read-only folder"])
def unwritable(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    """Where neither the temporary file can be made nor, afterwards, removed."""
    if request.param == "a folder that is a file":  # as on a stick whose folder name is taken: root too is refused
        (tmp_path / "taken").write_text("")
        yield tmp_path / "taken" / "报表.pdf"
        return
    if os.geteuid() == 0:
        pytest.skip("root writes into a read-only folder; the folder that is a file covers the failing cleanup")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        yield folder / "报表.pdf"
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("content", [b"%PDF", "text", lambda path: path.write_bytes(b"%PDF")])
def test_an_unwritable_place_is_told_as_a_write_that_failed(
    unwritable: Path, content: object, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(FuqingError) as info:
        write_atomically(unwritable, content)  # type: ignore[arg-type]
    assert "无法写入" in str(info.value) and str(unwritable) in str(info.value)
    assert not unwritable.exists()
    assert "could not remove the temporary file" in caplog.text  # the cleanup's failure: for support only


def test_a_written_file_leaves_no_temporary_file(tmp_path: Path) -> None:
    write_atomically(tmp_path / "a.txt", "新")
    write_atomically(tmp_path / "a.txt", b"whole")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"] and (tmp_path / "a.txt").read_bytes() == b"whole"
