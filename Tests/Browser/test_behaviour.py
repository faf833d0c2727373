"""What the validators cannot check, checked as a person meets the page: keyboard, focus,
small screens, zoom, the consultation banner, colour, motion and print."""
import pytest

from sites import EXAMPLE_PAGES

KINDS = sorted(EXAMPLE_PAGES)


def open_page(new_page, served, path, site="example", **options):
    origin, base = served(site)
    page = new_page(origin, **options)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(base + path)
    assert response is not None
    page.requests = requests
    return page


def test_skip_link_moves_focus_to_the_main_content(new_page, served):
    page = open_page(new_page, served, "")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert page.evaluate("getComputedStyle(document.activeElement).transform") == "none", "the skip link must be visible when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


FOCUS_STYLE = """element => {
  const s = getComputedStyle(element);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine].join('|');
}"""


@pytest.mark.parametrize("kind", ["home", "partnership", "measure", "open-consultation", "contacts"])
def test_every_focusable_element_shows_focus(new_page, served, kind):
    page = open_page(new_page, served, EXAMPLE_PAGES[kind])
    count = page.evaluate("document.querySelectorAll('a[href], [tabindex=\"0\"], input, button, select, textarea').length")
    assert count > 0
    seen = 0
    page.keyboard.press("Tab")
    first = None
    while seen < count + 2:
        handle = page.evaluate_handle("document.activeElement")
        identity = page.evaluate("e => e.outerHTML.slice(0, 120)", handle)
        if identity == first:
            break
        first = first or identity
        focused = page.evaluate(FOCUS_STYLE, handle)
        page.evaluate("e => e.blur()", handle)
        unfocused = page.evaluate(FOCUS_STYLE, handle)
        page.evaluate("e => e.focus()", handle)
        assert focused != unfocused, f"no visible focus indicator on {identity}"
        seen += 1
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
    assert seen >= min(count, 5)


OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width) problems.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
  for (const element of document.querySelectorAll('body *')) {
    if (element.closest('.table-wrap') && !element.classList.contains('table-wrap')) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(element);
    if (style.position === 'absolute' && box.bottom < 0) continue;  // the skip link, off screen until focused
    if (box.right > width + 1 || box.left < -1) problems.push(element.tagName + '.' + element.className + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
  }
  return problems.slice(0, 10);
}"""


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_scrolls_sideways_at_320_pixels(new_page, served, kind):
    page = open_page(new_page, served, EXAMPLE_PAGES[kind], viewport={"width": 320, "height": 640})
    assert page.evaluate(OVERFLOW) == []


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_is_cut_off_at_400_percent_zoom(new_page, served, kind):
    # 400% zoom of a 1280 px wide window: 320 CSS pixels, each drawn four times as large.
    page = open_page(new_page, served, EXAMPLE_PAGES[kind], viewport={"width": 320, "height": 256}, device_scale_factor=4)
    assert page.evaluate(OVERFLOW) == []


def test_the_fixture_passes_at_320_pixels_too(new_page, served):
    for path in ["", "partnerships/board/", "partnerships/empty-lcp/", "plans/plan-a/", "measures/", "priorities/", "contacts/"]:
        page = open_page(new_page, served, path, site="fixture", viewport={"width": 320, "height": 640})
        assert page.evaluate(OVERFLOW) == [], path


def test_consultation_banner_is_a_named_region_before_the_h1(new_page, served):
    page = open_page(new_page, served, EXAMPLE_PAGES["open-consultation"])
    banners = page.locator(".consultation-banner")
    assert banners.count() == 1
    assert banners.get_attribute("role") == "region"
    assert page.locator("[role=alert]").count() == 0
    region = page.get_by_role("region", name="Open consultation")
    assert region.count() == 1
    assert page.evaluate("document.querySelector('h1').previousElementSibling.classList.contains('consultation-banner')")
    assert "closes at" in region.inner_text()


def test_state_and_ratings_are_told_in_words(new_page, served):
    page = open_page(new_page, served, EXAMPLE_PAGES["consultations"])
    for label in ["Open consultation", "Consultation", "Closed consultation", "Consultation outcome"]:
        assert page.get_by_text(label, exact=True).count() >= 1, label
    page = open_page(new_page, served, EXAMPLE_PAGES["measures"])
    for rag in page.locator(".rag").all():
        assert rag.inner_text().strip() != "", "a RAG rating shown by colour alone"


def test_reduced_motion_is_respected(new_page, served):
    page = open_page(new_page, served, "", reduced_motion="reduce")
    moving = page.evaluate("""() => [...document.querySelectorAll('*')].filter(e => {
        const s = getComputedStyle(e);
        return (s.animationName !== 'none' && s.animationDuration !== '0s') || s.transitionDuration.split(',').some(d => parseFloat(d) > 0);
    }).map(e => e.tagName)""")
    assert moving == []


def test_print_hides_navigation_and_prints_link_targets(new_page, served):
    page = open_page(new_page, served, EXAMPLE_PAGES["partnership"])
    page.emulate_media(media="print")
    for selector in [".site-nav", ".site-header", ".breadcrumbs", ".skip-link"]:
        assert page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).display") == "none", selector
    page = open_page(new_page, served, "about/", site="fixture")
    page.emulate_media(media="print")
    targets = page.evaluate("""() => [...document.querySelectorAll('main a[href^="http"]')].map(a => getComputedStyle(a, '::after').content)""")
    assert targets, "the fixture's about page links to another website"
    assert all("http" in content for content in targets), targets


@pytest.mark.parametrize("kind", KINDS)
def test_no_request_leaves_the_site_and_no_script_fails(new_page, served, kind):
    origin, _ = served("example")
    page = open_page(new_page, served, EXAMPLE_PAGES[kind])
    page.wait_for_load_state("networkidle")
    assert [url for url in page.requests if not url.startswith(origin)] == []
    assert page.errors == []
