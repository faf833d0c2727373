"""The default theme's weight: CSS under 30 KB, JavaScript under 10 KB, no web fonts, nothing
fetched from another host."""
import pathlib
import re

ASSETS = pathlib.Path(__file__).resolve().parents[2] / "Themes/default/assets"


def test_css_is_under_30_kb():
    size = sum(path.stat().st_size for path in ASSETS.rglob("*.css"))
    assert 0 < size < 30 * 1024, f"{size} bytes of CSS"


def test_javascript_is_under_10_kb():
    size = sum(path.stat().st_size for path in ASSETS.rglob("*.js"))
    assert 0 < size < 10 * 1024, f"{size} bytes of JavaScript"


def test_no_web_fonts_and_no_other_hosts():
    for path in ASSETS.rglob("*"):
        if path.suffix in {".woff", ".woff2", ".ttf", ".otf", ".eot"}:
            raise AssertionError(f"web font {path.name}")
        if path.suffix in {".css", ".js"}:
            text = path.read_text()
            assert "@font-face" not in text, path.name
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), f"{path.name} loads from another host"
