"""`make screenshots`: builds the example site and the fixture, and writes a full-page PNG of
each kind of page at 320 px and 1280 px wide and at 400% zoom into Screenshots/, to look at."""
import pathlib
import shutil
import sys
import tempfile

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from conftest import CHROMIUM, ROOT, _Server, build  # noqa: E402
from sites import EXAMPLE_PAGES, SITES  # noqa: E402

FIXTURE_PAGES = {"board": "partnerships/board/", "plan": "plans/plan-a/", "priorities": "priorities/",
                 "measures": "measures/", "consultations": "consultations/", "contacts": "contacts/"}
VIEWS = {"320": {"viewport": {"width": 320, "height": 640}},
         "1280": {"viewport": {"width": 1280, "height": 800}},
         "zoom400": {"viewport": {"width": 320, "height": 200}, "device_scale_factor": 4}}


def main():
    out = ROOT / "Screenshots"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    work = pathlib.Path(tempfile.mkdtemp(prefix="trellis-shots-"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        for name, pages in [("example", EXAMPLE_PAGES), ("fixture", FIXTURE_PAGES)]:
            site, now, prefix = SITES[name]
            build(site, work / name, now=now)
            server = _Server(work / name, prefix)
            for view, options in VIEWS.items():
                context = browser.new_context(**options)
                context.route(lambda url: not url.startswith(server.origin), lambda route: route.abort())
                page = context.new_page()
                for kind, path in pages.items():
                    page.goto(server.base + path)
                    target = out / f"{name}-{kind}-{view}.png"
                    page.screenshot(path=str(target), full_page=True)
                context.close()
            server.server.shutdown()
        browser.close()
    shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
