#!/usr/bin/env python3
"""Deterministic synthetic Trellis site for the benchmark (and the same documents for Hugo).

    gen_site.py OUT_DIR --docs N [--seed S] [--now 2026-11-20T12:00] [--layout trellis|hugo|both]
                [--open K] [--force]

N counts the narrative documents (partnerships ~70%, plans ~20%, frameworks ~9%, free pages
~1%; Markdown bodies of about 4 KB). As in ../shared/bench/gen_corpus.py, a site of N documents
also has N/20 priorities (defined by plans, about a third of them local priorities with a
parent in an earlier plan), N/10 measures and N/10 contacts, which Trellis keeps as files of
their own (measures with a baseline, targets and actuals; contacts mostly without a body).

Trellis layout (--layout trellis, the default), see SPEC.md sections 1-3:
  OUT_DIR/Content/site.yml, Content/{partnerships,plans,frameworks,measures,contacts,pages}/*.md

Hugo layout (--layout hugo), the SAME documents and bodies:
  OUT_DIR/hugo/content/{partnerships,plans,frameworks}/*.md, content/ID.md for free pages,
  content/{measures,contacts,priorities}/ID/_index.md (taxonomy term pages that carry the
  measure's and contact's bodies), hugo.toml with the taxonomies priority/measure/contact and
  the minimal layouts of ../shared/bench/gen_corpus.py (same template work as a real theme).
  Body differences, by design: links to other files are written as Hugo URLs
  (`../partnerships/x.md#f` -> `/partnerships/x/#f`, `measure:ID` -> `/measures/ID/`),
  and each ```table CSV block is a GFM pipe table under its caption.

Every reference resolves: front-matter ids, `documents:`, `owner`, `parent`, `superseded_by`,
consultation outcome documents, relative links (fragments only to headings the target
really has, GitHub-style ids with -1, -2 for repeats) and priority:/measure:/contact: links,
so `trellis build` reports 0 errors (and no warnings). Consultations cover every state
relative to --now: K open (default 4: closing today, tomorrow, in days, in weeks; every
page's site banner lists them, so K is kept small and fixed as on a real site), upcoming,
awaiting outcome (closed less than 12 weeks ago, so no "overdue" warning), concluded (with
outcome summary, url or document), some with extensions and some held elsewhere.

Output is a pure function of the arguments: same arguments -> byte-identical trees.
OUT_DIR/corpus.json records the counts. Only the Python standard library is used.
"""
import argparse
import bisect
import datetime as dt
import json
import os
import random
import re
import shutil
import sys

# --------------------------------------------------------------------------
# Word lists (council and children's-services report register)
# --------------------------------------------------------------------------
NOUNS = """council partnership board residents community communities ward borough
district authority cabinet committee officers members scrutiny strategy plan
framework priority priorities outcome outcomes measure measures indicator
indicators target targets baseline delivery programme project projects budget
funding grant allocation expenditure savings efficiency value procurement contract
provider providers commissioning service services assessment evaluation review
consultation engagement stakeholders partners agency agencies trust health care
wellbeing housing families schools education skills employment children young
people parents carers attainment attendance exclusions safeguarding prevention
inclusion equality disability poverty deprivation cohort population demand
capacity workforce recruitment training apprenticeships volunteers charity sector
governance accountability transparency risk risks mitigation audit assurance
performance report reporting data dashboard analysis evidence quarter year period
milestone milestones timeline phase pilot scheme initiative intervention pathway
model approach principle objective objectives ambition vision commitment agreement
protocol policy policies guidance legislation duty duties""".split()

ADJECTIVES = """strategic operational statutory local regional national joint
integrated collaborative sustainable accessible inclusive resilient effective
efficient proportionate transparent accountable robust significant substantial
additional ongoing annual quarterly interim final draft revised updated proposed
agreed approved key principal early preventative targeted universal specialist
community-led evidence-based outcome-focused place-based cross-cutting long-term
short-term measurable realistic ambitious positive current previous future
existing emerging provisional vulnerable""".split()

VERBS = """deliver delivers delivered support supports supported improve improves
improved reduce reduces reduced increase increases increased monitor monitors
monitored review reviews reviewed ensure ensures ensured develop develops
developed implement implements implemented align aligned prioritise prioritised
commission commissioned fund funded report reported consult consulted engage
engaged assess assessed evaluate evaluated strengthen strengthened coordinate
coordinated oversee oversees achieve achieved exceed exceeded propose proposed
recommend recommended agree agreed note noted endorse endorsed approve approved
maintain maintained expand expanded embed embedded""".split()

FUNCTION = """the the the the a a of of of to to to and and and in in in for
for on with by across within through under against between from that which
this these its their our all each any further also including""".split()

ADVERBS = """significantly broadly jointly currently previously subsequently
consistently increasingly formally annually quarterly routinely collectively
effectively""".split()

PLACES = """Northgate Riverside Eastfield Westbrook Southmoor Highcliffe Ashford
Brookvale Castleton Dunmore Elmstead Fairhaven Glenwood Harrowby Ironbridge
Kingsmead Longford Millbrook Newlands Oakridge Pinewood Queensbury Redhill
Stonebridge Thornbury Upton Valley Whitmore Yarrow""".split()

ORGS = [o.strip() for o in """Integrated Care Board|Police and Crime Commissioner|
Fire and Rescue Service|Housing Association|Community Voluntary Service|
Further Education College|University|Primary Care Network|Youth Offending Team|
Public Health Team|Mental Health Trust|Jobcentre Plus|Children's Centres|
Schools Forum|Citizens Advice|Probation Service|Sure Start Partnership|
Connexions|Parent Carer Forum|Early Years Alliance""".replace("\n", " ").split("|")]

SECTORS = ["education", "health", "local government", "police", "voluntary sector",
           "early years", "housing", "employment"]

TOPICS = [t.strip() for t in """Early Help|Family Support|School Readiness|
Children in Care|Care Leavers|Youth Justice|Emotional Wellbeing|Special Educational
Needs|Child Poverty|Teenage Pregnancy|Healthy Weight|Attendance|Young Carers|
Parenting|Domestic Abuse|Youth Voice|Childcare Sufficiency|Exclusions|
Participation|Safeguarding|Transitions|Post-16 Learning|Apprenticeships|
Short Breaks|Speech and Language|Breastfeeding|Substance Misuse|Play and
Leisure|Digital Inclusion|Healthy Schools""".replace("\n", " ").split("|")]

FIRST = """Alex Amira Ben Chloe Daniel Deepa Eleanor Farid Grace Hamza Imogen
James Jasmine Kwame Laura Liam Maya Mohammed Niamh Oliver Priya Rachel
Samuel Sophie Thomas Uma Victoria William Yusuf Zara""".split()
LAST = """Adams Ahmed Baker Bennett Campbell Chen Davies Edwards Evans Fraser
Green Hughes Iqbal Jackson Khan Lewis Morgan Murphy Nowak Okafor Patel
Roberts Shah Singh Taylor Thompson Walker Williams Wright Young""".split()

ROLES = ["Partnership Manager", "Chair", "Vice-chair", "Business Manager", "Performance Lead",
         "Participation Officer", "Data Protection Officer", "Commissioning Manager",
         "Head of Service", "Consultation Team", "Locality Coordinator", "Designated Nurse"]

SECTION_HEADINGS = [h.strip() for h in """Background|Purpose of this report|Summary of proposals|
Strategic context|Key priorities|Governance arrangements|Financial
implications|Legal implications|Risk assessment|Equality impact|
Performance to date|Outcomes and measures|Consultation and engagement|
Delivery timeline|Resource requirements|Monitoring and review|
Recommendations|Next steps|Partnership commitments|Lessons learned|
Options considered|Voice of the child|Workforce
implications|Data and evidence|Decision required|Aims|Progress against milestones|
Outcomes achieved|What the plan set out to do|What happens next""".replace("\n", " ").split("|")]

PARTNERSHIP_TYPES = ["board", "local-childrens-partnership", "learning-partnership", "partnership-group",
                     "local-childrens-partnership", "local-childrens-partnership"]
UNITS = [("percent", "%"), ("count", ""), ("rate per 1,000", ""), ("rate per 10,000", ""), ("days", "")]
MEETS = ["quarterly", "every half term", "monthly", "every six weeks", "twice a year"]


def slugify(s):
    out = []
    for ch in s.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def heading_slug(text):
    """GitHub-style id, as Sources/Markdown/Slug.swift computes it (ASCII headings only here)."""
    out = []
    for ch in text.strip().lower():
        if ch in " -":
            out.append("-")
        elif ch.isalnum() or ch == "_":
            out.append(ch)
    return "".join(out)


def yq(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ylist(ids):
    return "[" + ", ".join(ids) + "]"


def csv_cell(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n') else s


class Prose:
    """Council-report prose; internal links become placeholders resolved once every document's
    headings are known ("@@R<n>@@"), tables are placeholders too ("@@T<n>@@")."""

    def __init__(self, r):
        self.r = r
        self.pool = (FUNCTION * 6) + NOUNS * 2 + ADJECTIVES + VERBS + ADVERBS
        self.refs = []     # (kind of link wanted, link text)
        self.tables = []   # (caption, header, rows)

    def ref(self, what, text):
        self.refs.append((what, text))
        return "@@R%d@@" % (len(self.refs) - 1)

    def sentence(self, lo=8, hi=26, links=True):
        r = self.r
        n = r.randint(lo, hi)
        words = r.choices(self.pool, k=n)
        for _ in range(r.choices((0, 1, 2), weights=(62, 30, 8))[0]):
            i = r.randrange(n)
            w = words[i]
            if w in FUNCTION:
                continue
            k = r.random()
            if k < 0.35:
                words[i] = "*" + w + "*"
            elif k < 0.55:
                words[i] = "**" + w + "**"
            elif k < 0.62:
                words[i] = "`" + w + "`"
            elif not links:
                continue
            elif k < 0.72:
                words[i] = "[%s](https://www.example.gov.uk/%s/%s)" % (w, r.choice(NOUNS), r.choice(NOUNS))
            elif k < 0.84:
                words[i] = self.ref("doc", w)
            else:
                words[i] = self.ref(r.choice(("priority", "measure", "measure", "contact")), w)
        if r.random() < 0.15:
            words.insert(r.randrange(n), r.choice(PLACES))
        if r.random() < 0.12:
            words.insert(r.randrange(n), "%d%%" % r.randint(2, 98))
        if r.random() < 0.06:
            words.insert(r.randrange(n), "£%d,%03dk" % (r.randint(1, 40), r.randint(0, 999)))
        if r.random() < 0.15 and n > 10:
            words[n // 2] = words[n // 2] + ","
        s = " ".join(words)
        return s[0].upper() + s[1:] + "."

    def paragraph(self):
        # hard-wrapped like hand-written Markdown (soft breaks)
        text = " ".join(self.sentence() for _ in range(self.r.randint(2, 6)))
        lines, line = [], ""
        for word in text.split(" "):
            if line and len(line) + 1 + len(word) > 96:
                lines.append(line)
                line = word
            else:
                line = word if not line else line + " " + word
        lines.append(line)
        return "\n".join(lines)

    def bullet_list(self, ordered=False):
        r = self.r
        items = []
        for i in range(r.randint(3, 7)):
            marker = "%d." % (i + 1) if ordered else "-"
            items.append("%s %s" % (marker, self.sentence(4, 14)))
            if not ordered and r.random() < 0.1:
                items.append("  - " + self.sentence(3, 8))
        return "\n".join(items)

    def table(self):
        r = self.r
        caption, cols = r.choice([
            ("Measures, baseline and latest position", ["Measure", "Baseline", "Target", "Latest", "Status"]),
            ("Priorities and lead partners", ["Priority", "Lead partner", "Budget (£k)", "RAG"]),
            ("Milestones", ["Milestone", "Due", "Owner"]),
            ("Indicators over three years", ["Indicator", "2022/23", "2023/24", "2024/25", "Trend"]),
            ("Membership of under-represented groups", ["Group", "2024", "Previous year"]),
        ])
        rows = []
        for _ in range(r.randint(3, 9)):
            cells = []
            for c in cols:
                if c in ("Measure", "Priority", "Milestone", "Indicator"):
                    cells.append(" ".join(r.choices(NOUNS, k=r.randint(2, 4))).capitalize())
                elif c == "Group":
                    cells.append(r.choice(ORGS))
                elif c == "Status":
                    cells.append(r.choice(["On track", "At risk", "Off track", "Complete", "Delayed"]))
                elif c == "RAG":
                    cells.append(r.choice(["Red", "Amber", "Green"]))
                elif c == "Lead partner":
                    cells.append(r.choice(ORGS))
                elif c == "Owner":
                    cells.append("%s %s" % (r.choice(FIRST), r.choice(LAST)))
                elif c == "Due":
                    cells.append("%s %d" % (r.choice(["Q1", "Q2", "Q3", "Q4"]), r.randint(2024, 2028)))
                elif c == "Trend":
                    cells.append(r.choice(["Improving", "Stable", "Worsening"]))
                elif c == "Budget (£k)":
                    cells.append("%d,%03d" % (r.randint(1, 9), r.randint(0, 999)))
                elif c in ("2024", "Previous year"):
                    cells.append("%d%%" % r.randint(5, 95))
                else:
                    cells.append("%d.%d" % (r.randint(0, 999), r.randint(0, 9)))
            rows.append(cells)
        if r.random() < 0.15:
            caption = caption + " (%s)" % r.choice(PLACES)
        self.tables.append((caption, cols, rows))
        return "@@T%d@@" % (len(self.tables) - 1)

    def body(self, target, with_table):
        """Markdown body of roughly `target` bytes, and its heading ids in order."""
        r = self.r
        blocks = [self.paragraph()]
        size = len(blocks[0])
        headings = r.sample(SECTION_HEADINGS, len(SECTION_HEADINGS))
        hi = 0
        ids, used = [], {}
        table_at = r.randint(2, 6) if with_table else -1
        nblk = 1
        while size < target:
            k = r.random()
            if nblk == table_at:
                b = self.table()
                size += 400
                table_at = -1
            elif k < 0.16:
                h = headings[hi % len(headings)]
                hi += 1
                b = ("## " if r.random() < 0.7 else "### ") + h
                base = heading_slug(h)
                if base in used:
                    used[base] += 1
                    ids.append("%s-%d" % (base, used[base]))
                else:
                    used[base] = 0
                    ids.append(base)
            elif k < 0.64:
                b = self.paragraph()
            elif k < 0.78:
                b = self.bullet_list()
            elif k < 0.88:
                b = self.bullet_list(ordered=True)
            elif k < 0.93:
                b = "> " + self.sentence(10, 30)
            else:
                b = "See also %s for related %s." % (
                    self.ref("doc-title", ""), r.choice(["commitments", "measures", "governance", "actions"]))
            blocks.append(b)
            size += len(b) + 2
            nblk += 1
        if table_at >= 0:
            blocks.append(self.table())
        return "\n\n".join(blocks) + "\n", ids


def zipf_sampler(r, n, s=1.1):
    """Draws k distinct indexes in [0, n) with Zipf-like skew over a seeded permutation."""
    cum, t = [], 0.0
    for i in range(n):
        t += 1.0 / ((i + 1) ** s)
        cum.append(t)
    perm = list(range(n))
    r.shuffle(perm)

    def draw(k):
        k = min(k, n)
        out, seen = [], set()
        while len(out) < k:
            i = perm[bisect.bisect_left(cum, r.random() * t)]
            if i not in seen:
                seen.add(i)
                out.append(i)
        return out
    return draw


# --------------------------------------------------------------------------
# Hugo skeleton (from ../shared/bench/gen_corpus.py, "params" terms; kept here so the
# project's benchmark does not depend on files outside the repository)
# --------------------------------------------------------------------------
HUGO_TOML = """\
# Generated by bench/gen_site.py: the Trellis benchmark's documents in Hugo's layout.
baseURL = "https://www.example.org/trust/"
languageCode = "en-gb"
title = "Example Children's Trust"
# No RSS / sitemap / robots.txt (Hugo's extras; Trellis writes its own sitemap and feed).
disableKinds = ["RSS", "sitemap", "robotsTXT"]
enableRobotsTXT = false

[taxonomies]
  priority = "priorities"
  measure = "measures"
  contact = "contacts"

[params]
  description = "Partnerships, plans and frameworks: priorities, measures and contacts."
  org = "Example County Council"
""" + "".join("""
[[menu.main]]
  name = "%s"
  url = "/%s/"
  weight = %d
""" % (name.capitalize(), name, i + 1) for i, name in enumerate(
    ["partnerships", "plans", "frameworks", "priorities", "measures", "contacts"]))

BASEOF = """\
<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} | {{ .Site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
</head>
<body class="kind-{{ .Kind }}{{ with .Section }} section-{{ . }}{{ end }}">
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <a class="brand" href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
  <nav aria-label="Main">
    <ul>
    {{- range .Site.Menus.main }}
      <li><a href="{{ .URL | relURL }}"{{ if or ($.IsMenuCurrent "main" .) ($.HasMenuCurrent "main" .) }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
    {{- end }}
    </ul>
  </nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <p>{{ .Site.Params.org }} &middot; {{ .Site.Params.description }}</p>
  <p>{{ with .Lastmod }}Last updated <time datetime="{{ .Format "2006-01-02" }}">{{ .Format "2 January 2006" }}</time>{{ end }}</p>
</footer>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<article class="doc">
  <nav class="breadcrumb" aria-label="Breadcrumb"><a href="{{ "/" | relURL }}">Home</a> &rsaquo; {{ with .CurrentSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
  <h1>{{ .Title }}</h1>
  <p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
  {{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
  {{ with .Params.consultation }}
  <aside class="consultation">
    <h2>Consultation</h2>
    <p>Opens {{ dateFormat "2 January 2006" .opens }}, closes {{ dateFormat "2 January 2006" .closes }}.</p>
  </aside>
  {{ end }}
  <div class="body">
{{ .Content }}
  </div>
  <section class="terms">
  {{- range $tax := slice "priorities" "measures" "contacts" }}
    {{- with index $.Params $tax }}
    <h2>{{ $tax | humanize }}</h2>
    <ul class="term-list term-{{ $tax }}">
      {{- range . }}
      <li><a href="{{ printf "/%s/%s/" $tax (urlize .) | relURL }}">{{ . }}</a></li>
      {{- end }}
    </ul>
    {{- end }}
  {{- end }}
  </section>
  <nav class="pager">
    {{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">&larr; {{ .Title }}</a>{{ end }}
    {{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }} &rarr;</a>{{ end }}
  </nav>
</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<p class="count">{{ len .Pages }} items</p>
<ul class="page-list">
  {{- range .Pages }}
  <li>
    <a href="{{ .RelPermalink }}">{{ .Title }}</a>
    <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 Jan 2006" }}</time>
    {{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
  </li>
  {{- end }}
</ul>
{{ end }}
"""

TAXONOMY = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="count">{{ len .Data.Terms }} terms</p>
<ul class="term-index">
  {{- range .Data.Terms.Alphabetical }}
  <li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> <span class="n">({{ .Count }})</span></li>
  {{- end }}
</ul>
{{ end }}
"""

TERM = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<p class="count">{{ len .Pages }} documents reference this {{ .Data.Singular }}</p>
<ul class="page-list">
  {{- range .Pages }}
  <li>
    <a href="{{ .RelPermalink }}">{{ .Title }}</a>
    <span class="section">{{ .Section | humanize }}</span>
    <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 Jan 2006" }}</time>
  </li>
  {{- end }}
</ul>
{{ end }}
"""


# --------------------------------------------------------------------------
# The site
# --------------------------------------------------------------------------
class Doc:
    __slots__ = ("kind", "id", "title", "fm", "body", "ids", "updated", "terms", "draft", "consultation")

    def __init__(self, kind, id_, title):
        self.kind, self.id, self.title = kind, id_, title
        self.fm = []          # Trellis front matter lines (after title/name)
        self.body = ""
        self.ids = []         # heading ids in the body
        self.updated = None
        self.terms = {"priorities": [], "measures": [], "contacts": []}
        self.draft = False
        self.consultation = None  # (opens, closes) dates, for Hugo


def d(x):
    return x.isoformat()


def build(n, seed, now, open_count):
    r = random.Random(seed)
    prose = Prose(random.Random(seed + 1))

    n_page = max(2, round(n * 0.01))
    n_fw = max(1, round(n * 0.09))
    n_plan = max(2, round(n * 0.20))
    n_part = max(3, n - n_fw - n_plan - n_page)
    n_pri = max(6, n // 20)
    n_mea = max(4, n // 10)
    n_con = max(4, n // 10)
    today = now.date()

    def summary_sentence():
        s = prose.sentence(10, 22, links=False).replace("*", "").replace("`", "")
        return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)

    def past_date(lo_days, hi_days):
        return today - dt.timedelta(days=r.randint(lo_days, hi_days))

    # ---- ids and titles --------------------------------------------------
    contacts, measures, plans, frameworks, partnerships, pages = [], [], [], [], [], []
    for i in range(n_con):
        first, last = r.choice(FIRST), r.choice(LAST)
        role = r.choice(ROLES)
        if r.random() < 0.35:
            name = "%s, %s %s" % (role, r.choice(PLACES), r.choice(TOPICS))
            cid = "%s-%s-%d" % (slugify(role), slugify(r.choice(PLACES)), i + 1)
        else:
            name = "%s %s" % (first, last)
            cid = "%s-%s-%d" % (first.lower(), last.lower(), i + 1)
        contacts.append(Doc("contacts", cid, name))
    for i in range(n_mea):
        topic = r.choice(TOPICS)
        title = r.choice([
            "%s: %s rate" % (topic, r.choice(["take-up", "completion", "referral", "re-referral", "attendance"])),
            "Children and young people supported by %s" % topic.lower(),
            "%s gap between disadvantaged pupils and others" % topic,
            "Proportion of families reached by %s services" % topic.lower(),
        ])
        measures.append(Doc("measures", "%s-%d" % (slugify(topic + " " + r.choice(NOUNS)), i + 1), title))
    for i in range(n_plan):
        y = r.randint(2006, 2027)
        title = r.choice([
            "%s Plan %d to %d" % (r.choice(TOPICS), y, y + r.choice((1, 3, 5))),
            "%s %s Delivery Plan %d" % (r.choice(PLACES), r.choice(TOPICS), y),
            "Children and Young People's Plan %d to %d (%s)" % (y, y + 3, r.choice(PLACES)),
        ])
        plans.append(Doc("plans", "%s-%d" % (slugify(title)[:50].rstrip("-"), i + 1), title))
        plans[-1].fm.append(y)  # remember the start year (replaced below)
    for i in range(n_fw):
        t, p = r.choice(TOPICS), r.choice(PLACES)
        title = r.choice(["%s Framework" % t, "%s %s Strategy" % (p, t), "Framework for %s in %s" % (t, p)])
        frameworks.append(Doc("frameworks", "%s-%d" % (slugify(title)[:50].rstrip("-"), i + 1), title))
    for i in range(n_part):
        t, p = r.choice(TOPICS), r.choice(PLACES)
        if i == 0:
            title = "Children's Trust Board"
        else:
            title = r.choice([
                "%s Local Children's Partnership" % p,
                "%s %s Partnership" % (p, t),
                "%s Education Improvement Partnership" % p,
                "%s and %s %s Group" % (p, r.choice(ORGS), t),
            ])
        partnerships.append(Doc("partnerships", "%s-%d" % (slugify(title)[:50].rstrip("-"), i + 1), title))
    page_titles = [("about", "About the Children's Trust"), ("privacy", "Privacy notice")]
    for i in range(n_page):
        if i < len(page_titles):
            pid, title = page_titles[i]
        else:
            title = "%s: a guide for %s" % (r.choice(TOPICS), r.choice(["parents", "young people", "schools", "partners"]))
            pid = "%s-%d" % (slugify(title)[:50].rstrip("-"), i + 1)
        pages.append(Doc("pages", pid, title))

    # ---- priorities (defined by plans), measure use ---------------------
    # Priority j lives in plan j % n_plan; a third are local priorities whose parent is an
    # earlier priority (often in another plan), so parents never form a cycle.
    priorities = []  # (id, label, title, parent index or None, measure indexes, plan index)
    for j in range(n_pri):
        topic = r.choice(TOPICS)
        pid = "%s-%d" % (slugify(topic)[:30].rstrip("-"), j + 1)
        parent = r.randrange(j) if j >= 3 and r.random() < 0.35 else None
        title = prose.sentence(6, 16, links=False).replace("*", "").replace("`", "").rstrip(".")
        title = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", title)
        label = "LCP priority" if parent is not None else "Priority %d" % (j // n_plan + 1)
        priorities.append([pid, label, title, parent, [], j % n_plan])
    mea_draw = zipf_sampler(r, n_mea)
    pri_draw = zipf_sampler(r, n_pri)
    con_draw = zipf_sampler(r, n_con)
    for m in range(n_mea):  # every measure is used by at least one priority
        priorities[m % n_pri][4].append(m)
    for p in priorities:
        for m in mea_draw(r.randint(0, 3)):
            if m not in p[4]:
                p[4].append(m)

    # ---- consultations -------------------------------------------------
    # Carried by frameworks and plans (and a few partnerships); open ones are few and fixed.
    n_consult = max(8, n // 100)
    hosts = [("frameworks", i) for i in range(n_fw)] + [("plans", i) for i in range(n_plan)]
    r.shuffle(hosts)
    hosts = hosts[:n_consult]
    states = ["open"] * min(open_count, len(hosts))
    rest = len(hosts) - len(states)
    n_up, n_await = max(1, rest // 5), max(1, rest // 5)
    states += ["upcoming"] * n_up + ["awaiting"] * n_await
    states += ["concluded"] * (len(hosts) - len(states))
    consultation_of = {}
    for k, (host, state) in enumerate(zip(hosts, states)):
        consultation_of[host] = (state, k)

    def consultation_block(state, k, doc):
        lines = ["consultation:"]
        if state == "open":
            closes = today + dt.timedelta(days=[0, 1, 9, 40][k % 4] + 60 * (k // 4))
            opens = closes - dt.timedelta(days=r.choice((42, 56, 84)))
            if k % 4 == 1:
                lines += ["  opens: %sT09:00" % d(opens), "  closes: %sT17:00" % d(closes)]
            else:
                lines += ["  opens: " + d(opens), "  closes: " + d(closes)]
        elif state == "upcoming":
            opens = today + dt.timedelta(days=r.randint(1, 120))
            closes = opens + dt.timedelta(days=r.choice((28, 42, 56, 84)))
            lines += ["  opens: " + d(opens), "  closes: " + d(closes)]
        elif state == "awaiting":
            closes = today - dt.timedelta(days=r.randint(1, 80))
            opens = closes - dt.timedelta(days=r.choice((28, 42, 56, 84)))
            lines += ["  opens: " + d(opens), "  closes: " + d(closes)]
        else:
            closes = today - dt.timedelta(days=r.randint(100, 3000))
            opens = closes - dt.timedelta(days=r.choice((28, 42, 56, 84)))
            lines += ["  opens: " + d(opens), "  closes: " + d(closes)]
        if r.random() < 0.1 and state != "concluded":
            lines.append("  held_elsewhere: https://www.example.org/have-your-say/%s/" % doc.id)
        else:
            lines += ["  respond:",
                      "    url: https://www.example.org/trust/have-your-say/%s/" % doc.id,
                      "    email: %s@example.org" % doc.id[:30].rstrip("-"),
                      "    address: " + yq("Consultation Team, Example House, %d Example Street, Winchester SO23 0XX" % r.randint(1, 99))]
        if r.random() < 0.2:
            lines += ["  extensions:",
                      "    - previous_closes: " + d(closes - dt.timedelta(days=r.choice((7, 14, 21)))),
                      "      reason: " + yq("Extended so that %s could respond." % r.choice(["parents' groups", "schools", "young people"]))]
        if state == "concluded":
            published = closes + dt.timedelta(days=r.randint(20, 84))
            lines += ["  outcome:", "    published: " + d(published),
                      "    summary: " + yq("We received %d responses. %s" % (r.randint(12, 900), summary_sentence()))]
            if r.random() < 0.4:
                target = r.choice(frameworks + plans)
                lines.append("    document: %s/%s" % (target.kind, target.id))
            elif r.random() < 0.5:
                lines.append("    url: https://www.example.org/trust/outcomes/%s/" % doc.id)
        doc.consultation = (opens, closes)
        return lines

    # ---- front matter --------------------------------------------------
    upd_lo, upd_hi = 1, 2500
    for i, c in enumerate(contacts):
        c.updated = past_date(upd_lo, upd_hi)
        c.fm += ["role: " + yq("%s for the %s %s partnership" % (r.choice(ROLES), r.choice(PLACES), r.choice(TOPICS).lower())),
                 "organisation: " + yq(r.choice(PLACES) + " " + r.choice(ORGS)),
                 "email: %s@example.org" % c.id,
                 "telephone: 01632 %06d" % r.randint(960000, 960999),
                 "address: " + yq("Example Centre, %d Example Road, %s PO12 0XX" % (r.randint(1, 99), r.choice(PLACES))),
                 "summary: " + yq(summary_sentence())]
    for i, m in enumerate(measures):
        unit = r.choice(UNITS)[0]
        polarity = r.choice(["higher-is-better", "lower-is-better"])
        start = r.randint(2005, 2020)
        def period(y):
            return "%d-%02d" % (y, (y + 1) % 100)
        def value():
            return ("%.1f" % r.uniform(1, 95)) if unit != "count" else str(r.randint(10, 4000))
        m.updated = past_date(upd_lo, upd_hi)
        m.fm += ["code: %s" % yq("NI %d%s" % (100 + i // 3, "abc"[i % 3] if r.random() < 0.3 else "")),
                 "summary: " + yq(summary_sentence()),
                 "definition: " + yq(summary_sentence()),
                 "source: " + yq("%s, %s" % (r.choice(["Client Caseload Information System", "School Census",
                                                        "Children in Need Census", "Public Health Outcomes Framework",
                                                        "Youth Justice Board returns"]), r.choice(PLACES) + " County Council")),
                 "unit: " + yq(unit), "polarity: " + polarity,
                 "baseline: { period: %s, value: %s }" % (period(start), value()),
                 "targets:"]
        for y in range(start + 1, start + 1 + r.randint(2, 4)):
            m.fm.append("  - { period: %s, value: %s }" % (period(y), value()))
        m.fm.append("actuals:")
        for y in range(start + 1, start + 1 + r.randint(1, 5)):
            m.fm.append("  - { period: %s, value: %s }" % (period(y), value()))
        m.fm.append("status: " + ("retired" if r.random() < 0.1 else "current"))
    # partnership tree: the board, districts under it, the rest mostly under a district
    n_district = max(1, min(n_part - 1, n_part // 40))
    used_contacts = 0
    for i, p in enumerate(partnerships):
        p.updated = past_date(upd_lo, upd_hi)
        ptype = "board" if i == 0 else ("local-childrens-partnership" if i <= n_district else r.choice(PARTNERSHIP_TYPES[1:]))
        p.fm += ["summary: " + yq(summary_sentence()), "type: " + ptype, "area: " + yq(r.choice(PLACES))]
        if i >= 1:
            if i <= n_district:
                p.fm.append("parent: " + partnerships[0].id)
            elif r.random() < 0.7:
                p.fm.append("parent: " + partnerships[r.randint(1, n_district)].id)
        p.fm += ["status: " + r.choice(["established"] * 6 + ["proposed", "merged", "closed"]),
                 "established: " + d(past_date(200, 6000))]
        cs = con_draw(r.randint(1, 3))
        if used_contacts < n_con:  # every contact is somebody's contact
            cs = [used_contacts] + [c for c in cs if c != used_contacts][:2]
            used_contacts += 1
        p.fm.append("chair: " + contacts[cs[0]].id)
        if len(cs) > 1:
            p.fm.append("contacts: " + ylist([contacts[c].id for c in cs[1:]]))
        p.fm += ["meets: " + yq(r.choice(MEETS)), "members:"]
        for _ in range(r.randint(2, 7)):
            org = "%s %s" % (r.choice(PLACES), r.choice(ORGS))
            if r.random() < 0.6:
                p.fm.append("  - { name: %s, sector: %s, role: %s }" % (yq(org), yq(r.choice(SECTORS)), r.choice(["member", "members", "chair", "observer"])))
            else:
                p.fm.append("  - " + yq(org))
        pr = pri_draw(r.randint(1, 4))
        me = mea_draw(r.randint(1, 5))
        p.fm += ["priorities: " + ylist([priorities[x][0] for x in pr]), "measures: " + ylist([measures[x].id for x in me])]
        docs = [r.choice(plans) for _ in range(r.randint(0, 2))] + [r.choice(frameworks) for _ in range(r.randint(0, 1))]
        docs = list(dict.fromkeys("%s/%s" % (x.kind, x.id) for x in docs))
        if docs:
            p.fm.append("documents: " + ylist(docs))
        if r.random() < 0.5:
            p.fm.append("risks:")
            for _ in range(r.randint(1, 3)):
                p.fm += ["  - title: " + yq(summary_sentence()), "    mitigation: " + yq(summary_sentence())]
        p.terms = {"priorities": [priorities[x][0] for x in pr], "measures": [measures[x].id for x in me],
                   "contacts": [contacts[c].id for c in cs]}
        # a few drafts: never referenced (only leaves; link targets exclude them)
        if i > n_district and r.random() < 0.005:
            p.draft = True
    owners = [p for p in partnerships if not p.draft]
    for i, pl in enumerate(plans):
        y = pl.fm.pop()
        pl.updated = past_date(upd_lo, upd_hi)
        length = r.choice((1, 3, 3, 5))
        state = consultation_of.get(("plans", i), (None,))[0]
        status = "consultation" if state in ("open", "upcoming") else r.choice(["adopted"] * 5 + ["superseded", "draft"])
        pl.fm += ["summary: " + yq(summary_sentence()), "owner: " + r.choice(owners).id, "status: " + status]
        if status == "superseded" and i + 1 < n_plan:
            pl.fm.append("superseded_by: " + plans[r.randint(i + 1, n_plan - 1)].id)
        pl.fm.append("period: { from: %d-04-01, to: %d-03-31 }" % (y, y + length))
        mine = [p for p in priorities if p[5] == i]
        if mine:
            pl.fm.append("priorities:")
            for pid, label, title, parent, ms, _ in mine:
                pl.fm += ["  - id: " + pid, "    label: " + yq(label), "    title: " + yq(title)]
                if parent is not None:
                    pl.fm.append("    parent: " + priorities[parent][0])
                if ms:
                    pl.fm.append("    measures: " + ylist([measures[x].id for x in ms]))
        pl.terms = {"priorities": [p[0] for p in mine],
                    "measures": list(dict.fromkeys(measures[x].id for p in mine for x in p[4])), "contacts": []}
    for i, f in enumerate(frameworks):
        f.updated = past_date(upd_lo, upd_hi)
        state = consultation_of.get(("frameworks", i), (None,))[0]
        status = "consultation" if state in ("open", "upcoming", "awaiting") else r.choice(["adopted"] * 5 + ["superseded", "draft"])
        pr = pri_draw(r.randint(1, 6))
        me = mea_draw(r.randint(0, 4))
        f.fm += ["summary: " + yq(summary_sentence()), "owner: " + r.choice(owners).id, "status: " + status]
        if status == "adopted":
            f.fm += ["adopted: " + d(past_date(30, 3000)), "review: " + d(today + dt.timedelta(days=r.randint(-200, 900)))]
        f.fm.append("priorities: " + ylist([priorities[x][0] for x in pr]))
        if me:
            f.fm.append("measures: " + ylist([measures[x].id for x in me]))
        f.terms = {"priorities": [priorities[x][0] for x in pr], "measures": [measures[x].id for x in me], "contacts": []}
    for pg in pages:
        pg.updated = past_date(upd_lo, upd_hi)
        pg.fm += ["summary: " + yq(summary_sentence())]
    for (kind, i), (state, k) in sorted(consultation_of.items(), key=lambda x: x[1][1]):
        doc = (frameworks if kind == "frameworks" else plans)[i]
        doc.fm += consultation_block(state, k, doc)

    # ---- bodies ---------------------------------------------------------
    alldocs = plans + frameworks + partnerships + pages + measures + contacts
    tables = 0
    for doc in alldocs:
        if doc.kind == "contacts":
            target = 0 if r.random() < 0.6 else r.randint(150, 500)
        elif doc.kind == "measures":
            target = r.randint(600, 1800)
        else:  # skewed around ~4 KB, long tail to ~16 KB
            target = int(min(16000, max(900, r.lognormvariate(8.15, 0.5))))
        if target == 0:
            continue
        with_table = doc.kind not in ("contacts",) and r.random() < 0.25
        tables += with_table
        doc.body, doc.ids = prose.body(target, with_table)

    # ---- resolve links (every target exists; fragments name real headings) ----
    link_targets = [x for x in plans + frameworks + partnerships + pages + measures + contacts if not x.draft]
    rr = random.Random(seed + 2)

    def doc_link(text):
        t = rr.choice(link_targets)
        frag = ""
        if t.ids and rr.random() < 0.3:
            frag = "#" + rr.choice(t.ids)
        return (text or t.title, t, frag)

    resolved = []
    for what, text in prose.refs:
        if what in ("doc", "doc-title"):
            resolved.append(("doc",) + doc_link(text))
        elif what == "priority":
            resolved.append(("priority", text, priorities[rr.randrange(n_pri)][0]))
        elif what == "measure":
            resolved.append(("measure", text, measures[rr.randrange(n_mea)].id))
        else:
            resolved.append(("contact", text, contacts[rr.randrange(n_con)].id))

    info = {"docs": n, "partnerships": n_part, "plans": n_plan, "frameworks": n_fw, "pages": n_page,
            "priorities": n_pri, "local_priorities": sum(p[3] is not None for p in priorities),
            "measures": n_mea, "contacts": n_con, "markdown_files": len(alldocs),
            "drafts": sum(x.draft for x in alldocs), "bodies_with_table": tables,
            "consultations": dict((s, states.count(s)) for s in ("open", "upcoming", "awaiting", "concluded")),
            "internal_links": len(resolved), "seed": seed, "now": now.isoformat(timespec="minutes")}
    return alldocs, priorities, resolved, prose.tables, info


def trellis_link(ref, from_doc):
    kind = ref[0]
    if kind == "doc":
        _, text, t, frag = ref
        return "[%s](../%s/%s.md%s)" % (text, t.kind, t.id, frag)
    _, text, id_ = ref
    return "[%s](%s:%s)" % (text, kind, id_)


def hugo_url(t):
    return "/%s/" % t.id if t.kind == "pages" else "/%s/%s/" % (t.kind, t.id)


def hugo_link(ref, from_doc):
    kind = ref[0]
    if kind == "doc":
        _, text, t, frag = ref
        return "[%s](%s%s)" % (text, hugo_url(t), frag)
    _, text, id_ = ref
    return "[%s](/%s/%s/)" % (text, {"priority": "priorities", "measure": "measures", "contact": "contacts"}[kind], id_)


def trellis_table(t):
    caption, header, rows = t
    return "```table caption=%s\n%s\n```" % (
        yq(caption), "\n".join(",".join(csv_cell(c) for c in row) for row in [header] + rows))


def hugo_table(t):
    caption, header, rows = t
    out = ["*%s*" % caption, "", "| " + " | ".join(header) + " |",
           "|" + "|".join(":---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


PLACEHOLDER = re.compile(r"@@([RT])(\d+)@@")


def render_body(doc, resolved, tables, link, table):
    def sub(m):
        i = int(m.group(2))
        return link(resolved[i], doc) if m.group(1) == "R" else table(tables[i])
    return PLACEHOLDER.sub(sub, doc.body)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_trellis(out, alldocs, resolved, tables, now, info):
    content = os.path.join(out, "Content")
    write(os.path.join(content, "site.yml"), """\
title: Example Children's Trust
base_url: https://www.example.org/trust/
language: en-GB
timezone: Europe/London
theme: default
organisation: { name: Example County Council, url: https://www.example.org/ }
licence: Open Government Licence v3.0
banners:
  - message: "Pre-election period: we will only publish essential updates to this site until %s."
    from: %s
    until: %s
  - message: "Planned maintenance: this site may be unavailable on %s."
    from: %s
    until: %s
""" % ((now.date() + dt.timedelta(days=20)).strftime("%-d %B %Y"), d(now.date() - dt.timedelta(days=4)),
       d(now.date() + dt.timedelta(days=20)), (now.date() + dt.timedelta(days=60)).strftime("%-d %B %Y"),
       d(now.date() + dt.timedelta(days=58)), d(now.date() + dt.timedelta(days=60))))
    total = 0
    for doc in alldocs:
        key = "name" if doc.kind == "contacts" else "title"
        fm = ["---", "%s: %s" % (key, yq(doc.title))] + doc.fm + ["updated: " + d(doc.updated)]
        if doc.draft:
            fm.append("draft: true")
        body = render_body(doc, resolved, tables, trellis_link, trellis_table) if doc.body else ""
        total += len(body.encode())
        write(os.path.join(content, doc.kind, doc.id + ".md"), "\n".join(fm) + "\n---\n" + body)
    info["trellis_body_bytes"] = total


def write_hugo(out, alldocs, resolved, tables, info):
    site = os.path.join(out, "hugo")
    content = os.path.join(site, "content")
    for kind in ("partnerships", "plans", "frameworks"):
        write(os.path.join(content, kind, "_index.md"),
              "---\ntitle: %s\n---\n\nAll %s of the trust and its partners.\n" % (kind.capitalize(), kind))
    total = 0
    for doc in alldocs:
        body = render_body(doc, resolved, tables, hugo_link, hugo_table) if doc.body else ""
        total += len(body.encode())
        summary = next((l[len("summary: "):] for l in doc.fm if l.startswith("summary: ")), '""')
        fm = ["---", "title: " + yq(doc.title), "summary: " + summary, "date: " + d(doc.updated)]
        if doc.kind in ("partnerships", "plans", "frameworks", "pages"):
            for tax in ("priorities", "measures", "contacts"):
                if doc.terms[tax]:
                    fm.append("%s: %s" % (tax, ylist(doc.terms[tax])))
        if doc.consultation:
            fm += ["consultation:", "  opens: " + d(doc.consultation[0]), "  closes: " + d(doc.consultation[1])]
        if doc.draft:
            fm.append("draft: true")
        if doc.kind == "pages":
            path = os.path.join(content, doc.id + ".md")
        elif doc.kind in ("measures", "contacts"):
            path = os.path.join(content, doc.kind, doc.id, "_index.md")
        else:
            path = os.path.join(content, doc.kind, doc.id + ".md")
        write(path, "\n".join(fm) + "\n---\n" + body)
    info["hugo_body_bytes"] = total
    write(os.path.join(site, "hugo.toml"), HUGO_TOML)
    ld = os.path.join(site, "layouts", "_default")
    for name, text in (("baseof.html", BASEOF), ("single.html", SINGLE), ("list.html", LIST),
                       ("taxonomy.html", TAXONOMY), ("term.html", TERM)):
        write(os.path.join(ld, name), text)
    write(os.path.join(site, "static", "css", "site.css"),
          "body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}"
          "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}\n")


def write_priorities_hugo(out, priorities):
    content = os.path.join(out, "hugo", "content", "priorities")
    for pid, label, title, parent, ms, plan in priorities:
        write(os.path.join(content, pid, "_index.md"), "---\ntitle: %s\n---\n" % yq("%s: %s" % (label, title)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--docs", type=int, required=True, help="narrative documents N (see above)")
    ap.add_argument("--seed", type=int, default=20240501)
    ap.add_argument("--now", default="2026-11-20T12:00", help="the instant consultation states are relative to (pass the same to trellis build --now)")
    ap.add_argument("--layout", choices=("trellis", "hugo", "both"), default="trellis")
    ap.add_argument("--open", type=int, default=4, help="open consultations (listed in every page's site banner)")
    ap.add_argument("--force", action="store_true", help="replace OUT_DIR's Content/ and hugo/ if present")
    a = ap.parse_args(argv)
    if a.docs < 10:
        sys.exit("--docs must be at least 10")
    now = dt.datetime.fromisoformat(a.now)
    for sub in ("Content", "hugo"):
        p = os.path.join(a.out_dir, sub)
        if os.path.exists(p):
            if not a.force:
                sys.exit("%s exists; use --force to replace it" % p)
            shutil.rmtree(p)
    alldocs, priorities, resolved, tables, info = build(a.docs, a.seed, now, a.open)
    info["layout"] = a.layout
    if a.layout in ("trellis", "both"):
        write_trellis(a.out_dir, alldocs, resolved, tables, now, info)
    if a.layout in ("hugo", "both"):
        write_hugo(a.out_dir, alldocs, resolved, tables, info)
        write_priorities_hugo(a.out_dir, priorities)
    with open(os.path.join(a.out_dir, "corpus.json"), "w") as f:
        json.dump(info, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(info, sort_keys=True))


if __name__ == "__main__":
    main()
