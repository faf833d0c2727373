"""trellis.js in headless Chromium: a page built before a consultation changed is corrected when
read with the browser's clock past the change, a current page is left exactly as built, the days
left are counted in London days, nothing moves, and no script fails."""
import pathlib
import textwrap
from datetime import datetime, timezone

import pytest

from conftest import build

BUILT_AT = "2011-01-20T12:00"

SITE = {
    "Content/site.yml": """
        title: Script Test Trust
        base_url: https://www.example.test/
        timezone: Europe/London
        """,
    "Content/frameworks/family.md": """
        ---
        title: Family Support Framework
        summary: A framework open for consultation.
        consultation:
          opens: 2011-01-10
          closes: 2011-01-31
          respond: { url: "https://www.example.test/respond", email: family@example.test }
        ---
        The framework.
        """,
    "Content/plans/spring.md": """
        ---
        title: Spring Plan
        consultation:
          opens: 2011-02-10T09:00
          closes: 2011-03-01
        ---
        The plan.
        """,
    "Content/plans/summer.md": """
        ---
        title: Summer Plan
        consultation:
          opens: 2011-06-01
          closes: 2011-06-30
        ---
        The plan.
        """,
}


@pytest.fixture
def site(workdir, serve):
    """The site above, built at BUILT_AT and served: (base URL, output folder)."""
    for path, text in SITE.items():
        file = workdir / "site" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text).lstrip())
    output = workdir / "public"
    build(workdir / "site", output, now=BUILT_AT)
    return serve(output), output


def utc(text):
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


# Layout shifts since the page started, summed (0 when nothing moved).
SHIFTS = """
window.__shift = 0;
new PerformanceObserver(list => list.getEntries().forEach(e => { window.__shift += e.value; }))
  .observe({ type: "layout-shift", buffered: true });
"""


def open_at(new_page, base, path, clock, script=True):
    """The page at `path` read with the browser's clock fixed at `clock` (UTC)."""
    page = new_page(base.rstrip("/"), java_script_enabled=script, viewport={"width": 1024, "height": 900})
    page.add_init_script(SHIFTS)
    page.clock.set_fixed_time(utc(clock))
    page.goto(base + path)
    page.wait_for_load_state("load")
    return page


def banner(page):
    return page.locator(".consultation-banner")


def text(locator):
    return " ".join(locator.inner_text().split())


def test_a_page_built_while_open_and_read_after_the_close_says_it_has_closed(site, new_page):
    base, _ = site
    page = open_at(new_page, base, "frameworks/family/", "2011-02-02T10:00")
    region = page.get_by_role("region", name="Closed consultation", exact=True)
    assert region.count() == 1
    assert text(page.locator(".consultation-headline")) == (
        "We are analysing your feedback. This consultation ran from 10 January 2011 to 11:59pm on 31 January 2011")
    times = page.locator(".consultation-headline time")
    assert [times.nth(i).get_attribute("datetime") for i in range(times.count())] == [
        "2011-01-10T00:00:00+00:00", "2011-01-31T23:59:00+00:00"]
    assert banner(page).get_attribute("data-state") == "awaiting-outcome"
    assert "consultation-awaiting-outcome" in banner(page).get_attribute("class")
    assert "consultation-open" not in banner(page).get_attribute("class")
    assert page.locator(".countdown").count() == 0 or all(
        c.inner_text() in ("", "(now closed)") for c in page.locator(".countdown").all())
    assert not page.locator(".consultation-respond").is_visible(), "ways to respond are not offered after the close"
    assert page.get_by_role("link", name="Respond online").count() == 0
    assert page.locator(".site-banner .countdown").inner_text() == "(now closed)"
    assert page.locator("[role=alert]").count() == 0
    assert page.evaluate("window.__shift") == 0
    assert page.errors == []


def test_the_home_pages_open_consultations_say_when_one_has_closed(site, new_page):
    base, _ = site
    page = open_at(new_page, base, "", "2011-02-02T10:00")
    card = page.locator(".card", has=page.get_by_role("link", name="Family Support Framework", exact=True))
    assert text(card.locator(".consultation-headline")) == (
        "We are analysing your feedback. This consultation ran from 10 January 2011 to 11:59pm on 31 January 2011")
    assert card.locator(".countdown").count() == 0 or card.locator(".countdown").inner_text() == ""
    assert "days left" not in text(page.locator("main"))
    page = open_at(new_page, base, "", "2011-01-30T23:59")
    card = page.locator(".card", has=page.get_by_role("link", name="Family Support Framework", exact=True))
    assert card.locator(".countdown").inner_text() == "Closing tomorrow"
    assert page.errors == []


def test_nothing_moves_when_the_banner_is_corrected(site, new_page):
    base, _ = site
    path = "frameworks/family/"
    stale = open_at(new_page, base, path, "2011-02-02T10:00")
    current = open_at(new_page, base, path, "2011-02-02T10:00", script=False)
    top = "document.querySelector('h1').getBoundingClientRect().top"
    assert stale.evaluate(top) == current.evaluate(top) or stale.evaluate("window.__shift") == 0


def test_a_current_page_is_left_exactly_as_built(site, new_page):
    base, output = site
    for path in ["frameworks/family/", "plans/spring/", "consultations/", ""]:
        for clock in ["2011-01-20T12:00", "2011-01-20T23:59"]:
            scripted = open_at(new_page, base, path, clock)
            plain = open_at(new_page, base, path, clock, script=False)
            assert scripted.locator("body").inner_html() == plain.locator("body").inner_html(), (path, clock)
            assert scripted.errors == []
    built = (output / "frameworks/family/index.html").read_text()
    assert '<strong class="countdown">11 days left</strong>' in built
    page = open_at(new_page, base, "frameworks/family/", "2011-01-20T23:59")
    assert page.locator(".consultation-banner .countdown").inner_text() == "11 days left"


def test_a_countdown_that_ticked_over_is_updated(site, new_page):
    base, _ = site
    page = open_at(new_page, base, "frameworks/family/", "2011-01-25T10:00")
    assert page.locator(".consultation-banner .countdown").inner_text() == "6 days left"
    assert page.locator(".site-banner .countdown").inner_text() == "(6 days left)"
    assert page.get_by_role("region", name="Open consultation", exact=True).count() == 1
    page = open_at(new_page, base, "frameworks/family/", "2011-01-30T23:59")
    assert page.locator(".consultation-banner .countdown").inner_text() == "Closing tomorrow"
    page = open_at(new_page, base, "consultations/", "2011-01-31T00:00")
    assert page.locator(".card .countdown").first.inner_text() == "Closing today"
    assert page.errors == []


def test_an_upcoming_consultation_read_after_it_opens_says_it_is_open(site, new_page):
    base, _ = site
    page = open_at(new_page, base, "plans/spring/", "2011-02-10T09:30")
    assert page.get_by_role("region", name="Open consultation", exact=True).count() == 1
    assert text(page.locator(".consultation-headline")) == "This consultation closes at 11:59pm on 1 March 2011 19 days left"
    assert page.locator(".consultation-headline time").get_attribute("datetime") == "2011-03-01T23:59:00+00:00"
    assert "consultation-open" in banner(page).get_attribute("class")
    before = open_at(new_page, base, "plans/spring/", "2011-02-10T08:59")
    assert before.get_by_role("region", name="Consultation", exact=True).count() == 1, "the minute before it opens"
    assert page.errors == [] and before.errors == []


def test_days_left_are_counted_in_london_days(site, new_page):
    # 23:30 UTC on 29 June is 00:30 on 30 June in London (BST): the closing day.
    base, _ = site
    page = open_at(new_page, base, "plans/summer/", "2011-06-29T23:30")
    assert text(page.locator(".consultation-headline")) == "This consultation closes at 11:59pm on 30 June 2011 Closing today"
    assert page.locator(".consultation-headline time").get_attribute("datetime") == "2011-06-30T23:59:00+01:00"
    page = open_at(new_page, base, "plans/summer/", "2011-06-29T22:30")
    assert page.locator(".consultation-banner .countdown").inner_text() == "Closing tomorrow"
    page = open_at(new_page, base, "plans/summer/", "2011-06-30T23:00")
    assert page.get_by_role("region", name="Closed consultation", exact=True).count() == 1, "closed at midnight BST"
    assert page.errors == []


def test_the_script_is_small_and_there_is_no_inline_script_or_style(site):
    _, output = site
    scripts = list((output / "theme").glob("*.js"))
    assert scripts and sum(p.stat().st_size for p in scripts) < 10 * 1024
    for page in output.rglob("*.html"):
        html = page.read_text()
        assert "<script>" not in html and " style=" not in html and "<style" not in html, page
        assert " onclick=" not in html and " onload=" not in html, page
