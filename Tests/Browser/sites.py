"""The sites the browser tests build: the example site and the fixture that shows every page
kind and state, each at a fixed --now so the tests are repeatable."""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]

# name -> (site folder, --now, the base path its base_url names)
SITES = {
    "example": (ROOT, "2026-11-22T10:00", "/trust/"),
    "fixture": (ROOT / "Tests/Fixtures/every-kind", "2011-01-20T10:00", "/partnership/"),
}

# One page of each kind, for screenshots and behaviour checks (paths relative to the site root).
EXAMPLE_PAGES = {
    "home": "",
    "partnerships": "partnerships/",
    "partnership": "partnerships/gosport/",
    "plans": "plans/",
    "plan": "plans/cypp-2009-12/",
    "framework": "frameworks/family-support-parenting/",
    "open-consultation": "plans/cypp-2027-30/",
    "priorities": "priorities/",
    "priority": "priorities/cyp-1/",
    "measures": "measures/",
    "measure": "measures/neet-16-18/",
    "contacts": "contacts/",
    "contact": "contacts/partnership-manager-gosport/",
    "consultations": "consultations/",
    "accessibility": "accessibility/",
    "not-found": "404.html",
}
