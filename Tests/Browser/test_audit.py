"""Every page of the example site and of the fixture site through the Nu validator, axe-core
(WCAG 2.0, 2.1 and 2.2 A and AA rules), the browser (no JavaScript errors, no failed or
external requests) and the link checker (every internal link, image and #fragment)."""
import os
import pathlib
import subprocess

import pytest

from sites import SITES

AUDIT = pathlib.Path(__file__).resolve().parents[3] / "shared/tools/site-audit"


@pytest.mark.parametrize("name", sorted(SITES))
def test_every_page_passes_the_audit(name, built):
    if not AUDIT.exists():
        pytest.fail(f"{AUDIT} is missing: the tests expect ../shared beside the repository")
    folder = built(name)
    pages = sum(1 for _ in folder.rglob("*.html"))
    command = [str(AUDIT), str(folder), "--base-path", SITES[name][2], "--max-axe-pages", str(pages)]
    # No rule is disabled and no validator message is ignored.
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    report = result.stdout + result.stderr
    failures = [line for line in report.splitlines() if line.startswith("FAIL")]
    assert result.returncode == 0 and not failures, "\n".join(failures) or report[-3000:]
    assert f"browser {pages}/{pages}" in report, report[-2000:]
    assert f"a11y {pages}/{pages}" in report, report[-2000:]
