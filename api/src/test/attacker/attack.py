#!/usr/bin/env python3
"""The independent attacker test of issue 14.

It asks a running cmm-stats server, over HTTP and without a token, every question the anonymous limits allow
(one- and two-way breakdowns, breakdowns filtered by each single code and by its complement, optionally the CSV
endpoint and outreach rows), optionally adds the exported report's figure files as exact knowledge, and then
solves all of it together as an integer program (HiGHS through scipy.optimize.milp): for every withheld number it
computes the range an attacker can prove, and checks the guarantee (the range is not a single value, includes 0,
reaches k).

It shares no code with the server: what it knows of the API is what its schema and the project's docs say. See README.md
beside this file for the threat model, the integer program and how to run it.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import math
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix

# --------------------------------------------------------------------------------------------------------------
# What the attacker knows of the API's shape (its schema and docs/disclosure.md): dimensions, nesting, filter fields.
# --------------------------------------------------------------------------------------------------------------

PERSONS, HOTLINE = "persons", "hotline"
YEAR_DIM = {PERSONS: "ASSESSMENT_YEAR", HOTLINE: "YEAR"}
YEAR_FIELD = {PERSONS: "assessmentYears", HOTLINE: "years"}
QUERY_FIELD = {PERSONS: "personStats", HOTLINE: "hotlineStats"}
FILTER_TYPE = {PERSONS: "PersonFilter", HOTLINE: "HotlineFilter"}
DIMENSION_TYPE = {PERSONS: "PersonDimension", HOTLINE: "HotlineDimension"}
# child dimension -> the dimension that groups it (docs/disclosure.md, "The guarantee": the nested dimensions).
NESTED = {"NATIONALITY": "REGION", "LABOUR_SECTOR": "EXPLOITATION", "CONTACT_PROGRAMME": "CONTACT_CHANNEL"}
FILTER_FIELDS = {
    PERSONS: {"ASSESSED_BY": "assessedBy", "CONTACT_CHANNEL": "contactChannel",
              "CONTACT_PROGRAMME": "contactProgramme", "NATIONALITY": "nationality", "REGION": "region",
              "GENDER": "gender", "EXPLOITATION": "exploitation", "LABOUR_SECTOR": "labourSector",
              "STATUS": "status", "OUTCOME_YEAR": "outcomeYears", "ACCOMMODATION": "accommodation"},
    HOTLINE: {"CALLER_TYPE": "callerType", "REASON": "reason"},
}
UNKNOWN = "UNKNOWN"
BIG = 10 ** 6
AGE_DIM = "AGE_GROUP"
MAX_AGE = 100  # the importer refuses ages above 100 (docs/importing.md, "The columns": persons)


def axes_of(dims):
    """The axes (tuples of dimensions, a group dimension before its members) over a set of dimensions."""
    axes = []
    for d in dims:
        if d in NESTED.values():
            continue
        axes.append((NESTED[d], d) if d in NESTED else (d,))
    for d in dims:  # a group dimension whose members never appear still makes an axis of its own
        if d in NESTED.values() and not any(d in a for a in axes):
            axes.append((d,))
    return sorted(set(axes))


def axis_of(dim, axes):
    for a in axes:
        if dim in a:
            return a
    raise KeyError(dim)


# --------------------------------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------------------------------

@dataclass
class Answer:
    """One published answer: a question (filter and groupBy) and what came back."""
    source: str
    year: str | None                 # one year, or None for a report figure over every year
    filter: dict                     # dimension -> sorted list of codes (the year not included)
    group_by: list
    include_empty: bool
    complete: bool                   # every group with records is listed (so a missing group is 0)
    total: int | None
    total_withheld: bool
    groups: list                     # [key (list of codes), count or None, share or None]
    age: dict | None = None
    origin: str = "graphql"          # graphql, csv, outreach, report
    truth: dict | None = None        # from --truth-token: "total" and key -> exact count
    label: str = ""

    def to_json(self):
        return self.__dict__

    @staticmethod
    def from_json(d):
        return Answer(**d)


@dataclass
class Collection:
    years: list
    answers: list = field(default_factory=list)
    asked: int = 0
    refused: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0

    def save(self, path):
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"years": self.years, "asked": self.asked, "refused": self.refused, "failed": self.failed,
                       "requests": self.requests, "seconds": self.seconds,
                       "answers": [a.to_json() for a in self.answers]}, f)

    @staticmethod
    def load(path):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        c = Collection(years=d["years"], asked=d["asked"], refused=d["refused"], failed=d["failed"],
                       requests=d.get("requests", 0), seconds=d.get("seconds", 0.0))
        c.answers = [Answer.from_json(a) for a in d["answers"]]
        return c


# --------------------------------------------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------------------------------------------

class Http:
    """POSTs GraphQL and GETs CSV; on HTTP 429 sleeps Retry-After and tries again."""

    def __init__(self, url, token=None, patience=900, verbose=False):
        self.url = url.rstrip("/")
        self.token = token
        self.patience = patience
        self.verbose = verbose
        self.requests = 0
        self.waited = 0.0

    def _open(self, request):
        deadline = time.time() + self.patience
        while True:
            self.requests += 1
            try:
                with urllib.request.urlopen(request, timeout=300) as r:
                    return r.status, r.read().decode("utf-8")
            except urllib.error.HTTPError as e:
                body = e.read().decode("utf-8", "replace")
                if e.code == 429 and time.time() < deadline:
                    wait = float(e.headers.get("Retry-After") or 1)
                    wait = min(max(wait, 0.2), 60)
                    if self.verbose:
                        print(f"  429: waiting {wait:.1f} s", file=sys.stderr)
                    self.waited += wait
                    time.sleep(wait)
                    continue
                return e.code, body

    def graphql(self, query):
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        req = urllib.request.Request(self.url + "/graphql", data=json.dumps({"query": query}).encode("utf-8"),
                                     headers=headers, method="POST")
        status, body = self._open(req)
        try:
            return status, json.loads(body)
        except json.JSONDecodeError:
            return status, {"errors": [{"message": body[:300]}]}

    def get(self, path, params):
        headers = {}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        req = urllib.request.Request(self.url + path + "?" + urllib.parse.urlencode(params), headers=headers)
        return self._open(req)


# --------------------------------------------------------------------------------------------------------------
# Collecting answers
# --------------------------------------------------------------------------------------------------------------

@dataclass
class Question:
    source: str
    year: str
    filter: dict
    group_by: list
    include_empty: bool = False

    def key(self):
        return (self.source, self.year, tuple(sorted((k, tuple(v)) for k, v in self.filter.items())),
                tuple(self.group_by), self.include_empty)

    def label(self):
        f = ", ".join(f"{k}={'|'.join(v)}" for k, v in sorted(self.filter.items()))
        return (f"{self.source} {self.year} [{f}] by {','.join(self.group_by) or '-'}"
                + (" includeEmpty" if self.include_empty else ""))


class Schema:
    """What introspection tells about the dimensions and the filter fields' types."""

    def __init__(self, http):
        self.dims = {}
        self.field_type = {}   # (source, field) -> ("ENUM", {values}) | ("SCALAR", name)
        data = {}
        for s in (PERSONS, HOTLINE):   # one __type per request: the server refuses introspection asked in bulk
            for alias, q in ((s + "D", f'__type(name: "{DIMENSION_TYPE[s]}") {{ enumValues {{ name }} }}'),
                             (s + "F", f'__type(name: "{FILTER_TYPE[s]}") {{ inputFields {{ name type {{ kind '
                                       f'name ofType {{ kind name ofType {{ kind name enumValues {{ name }} }} }} }} '
                                       f'}} }}')):
                status, body = http.graphql("{ " + alias + ": " + q + " }")
                if not (body.get("data") or {}).get(alias):
                    raise SystemExit(f"attacker: introspection failed (HTTP {status}): {body}")
                data[alias] = body["data"][alias]
        for s in (PERSONS, HOTLINE):
            self.dims[s] = [v["name"] for v in data[s + "D"]["enumValues"] if v["name"] != YEAR_DIM[s]]
            for f in data[s + "F"]["inputFields"]:
                t = f["type"]
                while t.get("ofType"):
                    t = t["ofType"]
                values = {v["name"] for v in t.get("enumValues") or []}
                self.field_type[(s, f["name"])] = (t["kind"], values if t["kind"] == "ENUM" else t["name"])

    def literal(self, source, fld, codes):
        kind, info = self.field_type[(source, fld)]
        if kind == "ENUM":
            return "[" + ", ".join(codes) + "]"
        if info == "Int":
            return "[" + ", ".join(codes) + "]"
        return "[" + ", ".join(json.dumps(c) for c in codes) + "]"

    def filterable(self, source, dim, code):
        fld = FILTER_FIELDS[source].get(dim)
        if fld is None or (source, fld) not in self.field_type or code == UNKNOWN:
            return False
        kind, info = self.field_type[(source, fld)]
        if kind == "ENUM":
            return code in info
        if info == "Int":
            return code.lstrip("-").isdigit()
        return True


SELECTION = "{ total totalNoisy groups { key { code } count share suppressed noisy } %s}"
AGE_SELECTION = "age { count min max mean median } "


def gql_field(schema, q, alias):
    parts = [f"{YEAR_FIELD[q.source]}: [{q.year}]"]
    for dim, codes in sorted(q.filter.items()):
        fld = FILTER_FIELDS[q.source][dim]
        parts.append(f"{fld}: {schema.literal(q.source, fld, codes)}")
    group_by = ", ".join(q.group_by)
    sel = SELECTION % (AGE_SELECTION if q.source == PERSONS else "")
    return (f"{alias}: {QUERY_FIELD[q.source]}(filter: {{{', '.join(parts)}}}, groupBy: [{group_by}], "
            f"includeEmpty: {'true' if q.include_empty else 'false'}) {sel}")


def ask_batch(http, schema, questions, batch):
    """Answers by question key; a refused or failed question maps to ("refused"|"failed", message)."""
    results = {}
    pending = list(questions)
    while pending:
        chunk, pending = pending[:batch], pending[batch:]
        while chunk:
            aliases = {f"q{i}": q for i, q in enumerate(chunk)}
            doc = "{ " + " ".join(gql_field(schema, q, a) for a, q in aliases.items()) + " }"
            status, body = http.graphql(doc)
            errors = body.get("errors") or []
            data = body.get("data")
            bad = {}
            for e in errors:
                path = e.get("path") or []
                if path and path[0] in aliases:
                    cls = (e.get("extensions") or {}).get("classification", "")
                    bad[path[0]] = ("refused" if cls in ("FORBIDDEN", "BAD_REQUEST", "UNAUTHORIZED") else "failed",
                                    f"{cls}: {e.get('message', '')}")
            if data is None and not bad:
                if len(chunk) > 1 and any("ExecutionAborted" in json.dumps(e) or "complex" in
                                          json.dumps(e).lower() for e in errors):
                    half = len(chunk) // 2       # too complex for one request: split it
                    pending = chunk[half:] + pending
                    chunk = chunk[:half]
                    continue
                for q in chunk:
                    results[q.key()] = ("failed", f"HTTP {status}: {json.dumps(errors)[:300]}")
                break
            if data is None:               # a non-null field failed and took every answer with it: ask again
                for a, why in bad.items():
                    results[aliases[a].key()] = why
                chunk = [q for a, q in aliases.items() if a not in bad]
                continue
            for a, q in aliases.items():
                if a in bad:
                    results[q.key()] = bad[a]
                elif data.get(a) is not None:
                    results[q.key()] = data[a]
                else:
                    results[q.key()] = ("failed", "no data")
            break
    return results


def to_answer(q, d, origin="graphql"):
    groups = []
    for g in d["groups"]:
        key = [k["code"] for k in g["key"]]
        count = g.get("count")
        if g.get("suppressed") and count is not None:
            count = None  # a number marked withheld is treated as withheld
        share = g.get("share")
        if g.get("noisy") or d.get("totalNoisy"):
            # an estimate of the noisy layer is what it is: the truth plus noise, no equation; it is
            # treated as withheld here, and the Bayesian attacker (bayes_attack.py) weighs it
            count = None if g.get("noisy") else count
            share = None
        groups.append([key, count, share])
    return Answer(source=q.source, year=q.year, filter={k: list(v) for k, v in q.filter.items()},
                  group_by=list(q.group_by), include_empty=q.include_empty, complete=True,
                  total=None if d.get("totalNoisy") else d.get("total"),
                  total_withheld=d.get("total") is None or bool(d.get("totalNoisy")), groups=groups,
                  age=d.get("age"), origin=origin,
                  label=q.label())


def seen_codes(answers, source, year):
    """dimension -> codes with records (published non-zero or withheld) in the year's one-way answers."""
    codes = {}
    for a in answers:
        if a.source != source or a.year != year or a.filter:
            continue
        for key, count, _ in a.groups:
            if count is None or count > 0:
                for d, c in zip(a.group_by, key):
                    codes.setdefault(d, set()).add(c)
    return codes


def plan_base(schema, source, year, include_empty):
    dims = schema.dims[source]
    qs = [Question(source, year, {}, [])]
    for d in dims:
        qs.append(Question(source, year, {}, [d]))
    for d1, d2 in itertools.combinations(dims, 2):
        qs.append(Question(source, year, {}, [d1, d2]))
    if include_empty:
        qs += [Question(q.source, q.year, q.filter, q.group_by, True) for q in qs if q.group_by]
    return qs


def plan_filtered(schema, source, year, codes, complements):
    dims = schema.dims[source]
    axes = axes_of(dims)
    group_bys = [[d] for d in dims] + [[NESTED[c], c] for c in NESTED if c in dims and NESTED[c] in dims]
    qs = []
    for f in dims:
        values = sorted(c for c in codes.get(f, ()) if schema.filterable(source, f, c))
        fa = axis_of(f, axes)
        for c in values:
            choices = [[c]]
            rest = [v for v in values if v != c]
            if complements and rest:
                choices.append(rest)
            for chosen in choices:
                for g in group_bys:
                    if any(axis_of(x, axes) == fa for x in g):
                        continue
                    qs.append(Question(source, year, {f: chosen}, g))
    return qs


def collect(url, years, token=None, batch=20, include_empty=True, filtered=True, complements=True,
            hotline=True, outreach=True, use_csv=False, truth_token=None, verbose=False):
    """Asks everything the anonymous limits allow about the years; callable twice (before and after a change)."""
    started = time.time()
    http = Http(url, token, verbose=verbose)
    schema = Schema(http)
    col = Collection(years=[str(y) for y in years])
    asked = {}
    sources = [PERSONS] + ([HOTLINE] if hotline else [])

    def run(questions):
        fresh = []
        for q in questions:
            if q.key() not in asked:
                asked[q.key()] = q
                fresh.append(q)
        questions = fresh
        results = ask_batch(http, schema, questions, batch)
        for q in questions:
            r = results.get(q.key(), ("failed", "not answered"))
            if isinstance(r, tuple):
                (col.refused if r[0] == "refused" else col.failed).append([q.label(), r[1]])
            else:
                col.answers.append(to_answer(q, r))

    for y in col.years:
        for s in sources:
            run(plan_base(schema, s, y, include_empty))
            if filtered:
                run(plan_filtered(schema, s, y, seen_codes(col.answers, s, y), complements))
        if outreach:
            col.answers += outreach_answers(http, y, col)
        if use_csv:
            for s in sources:
                col.answers += csv_answers(http, schema, s, y, col)
    col.asked += len(asked)   # plus the outreach and CSV questions counted as they were asked
    if truth_token:
        add_truth(url, truth_token, schema, col, batch, verbose)
    col.requests = http.requests
    col.seconds = time.time() - started
    return col


def outreach_answers(http, year, col):
    """Persons assessed whose contact programme is the row's programme: cells of the CONTACT_PROGRAMME table."""
    status, body = http.graphql(f"{{ outreachStats(filter: {{years: [{year}]}}, groupBy: [PROGRAMME]) "
                                f"{{ key {{ code }} assessedTrafficked suppressed }} }}")
    col.asked += 1
    data = (body.get("data") or {}).get("outreachStats")
    if data is None:
        col.refused.append([f"outreach {year} by PROGRAMME", json.dumps(body.get("errors"))[:300]])
        return []
    groups = [[[r["key"][0]["code"]], r.get("assessedTrafficked"), None] for r in data]
    return [Answer(source=PERSONS, year=year, filter={}, group_by=["CONTACT_PROGRAMME"], include_empty=False,
                   complete=False, total=None, total_withheld=False, groups=groups, origin="outreach",
                   label=f"outreach {year} by PROGRAMME (assessedTrafficked)")]


def csv_answers(http, schema, source, year, col):
    """The CSV endpoint's one- and two-way answers (rate limited: one request per question)."""
    out = []
    for q in plan_base(schema, source, year, False):
        if not q.group_by:
            continue
        params = {YEAR_FIELD[source]: year, "groupBy": ",".join(q.group_by), "lang": "en"}
        status, body = http.get(f"/api/stats/{source}.csv", params)
        col.asked += 1
        if status != 200:
            col.refused.append(["csv " + q.label(), f"HTTP {status}: {body[:200]}"])
            continue
        rows = list(csv.DictReader(io.StringIO(body)))
        groups = []
        for r in rows:
            key = [r[d] for d in q.group_by]
            count = r.get("count") or None
            withheld = ((r.get("suppressed") or "").lower() == "true" or count is None
                        or (r.get("noisy") or "").lower() == "true")  # an estimate is no equation
            groups.append([key, None if withheld else int(count), None])
        out.append(Answer(source=source, year=year, filter={}, group_by=list(q.group_by), include_empty=False,
                          complete=True, total=None, total_withheld=False, groups=groups, origin="csv",
                          label="csv " + q.label()))
    return out


def country_regions():
    """The codebook's region of every country (the grader's only: to total the exact groups of "other countries")."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "main", "resources", "codebook",
                        "countries.csv")
    regions = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for row in csv.reader(line for line in f if not line.startswith("#")):
                if row and row[0] != "code":
                    regions[row[0]] = row[1]
    return regions


REGION_OF = None


def true_count(a, key):
    """The grader's exact count of a group: the exact answer lists every group that has records, so a group it
    does not list is 0. A public key of "other countries of a region" (OTHER_AFRICA) sums the exact groups of that
    region's countries that the public answer does not name one by one."""
    global REGION_OF
    if not a.truth:
        return None
    groups = a.truth.get("groups", {})
    joined = "\u0000".join(key)
    if joined in groups:
        return groups[joined]
    others = [i for i, code in enumerate(key) if str(code).startswith("OTHER_")]
    if not others:
        return 0
    if REGION_OF is None:
        REGION_OF = country_regions()
    named = [{k[i] for k, _, _ in a.groups if not str(k[i]).startswith("OTHER_")} for i in range(len(key))]
    total = 0
    for exact_key, count in groups.items():
        codes = exact_key.split("\u0000")
        if all((codes[i] not in named[i] and REGION_OF.get(codes[i]) == str(key[i])[6:]) if i in others
               else codes[i] == key[i] for i in range(len(key))):
            total += count
    return total


def add_truth(url, token, schema, col, batch, verbose):
    """The auditor's grading only: the exact answers of the same questions, asked with an analyst's token."""
    http = Http(url, token, verbose=verbose)
    qs = {}
    for a in col.answers:
        if a.origin == "graphql":
            q = Question(a.source, a.year, a.filter, a.group_by, a.include_empty)
            qs[q.key()] = (q, a)
    results = ask_batch(http, schema, [q for q, _ in qs.values()], batch)
    for k, (q, a) in qs.items():
        r = results.get(k)
        if isinstance(r, dict):
            a.truth = {"total": r.get("total"),
                       "groups": {"\u0000".join(k2["code"] for k2 in g["key"]): g["count"] for g in r["groups"]}}


# --------------------------------------------------------------------------------------------------------------
# The exported report as known exact numbers
# --------------------------------------------------------------------------------------------------------------

# The figures of report/ReportQuestion and report/YearAnswers: id -> (source, groupBy, filter, over every year?). Figure 01 and 02 are
# series over years (mapped year by year); Figure 11 counts IOM returns of the year over every assessment year.
FIGURES = {
    "03": (PERSONS, ["CONTACT_CHANNEL"], {}, False),
    "04": (PERSONS, ["REGION"], {}, False),
    "05": (PERSONS, ["NATIONALITY"], {}, False),
    "06": (PERSONS, ["EXPLOITATION"], {}, False),
    "07": (PERSONS, ["LABOUR_SECTOR"], {"EXPLOITATION": ["FORCED_LABOUR"]}, False),
    "08": (PERSONS, ["EXPLOITATION", "GENDER"], {}, False),
    "09": (PERSONS, ["AGE_GROUP"], {}, False),
    "10": (PERSONS, ["STATUS"], {}, False),
    "11": (PERSONS, ["NATIONALITY"], {"STATUS": ["PREPARED_RETURN_IOM"], "OUTCOME_YEAR": ["{year}"]}, True),
    "12": (PERSONS, ["NATIONALITY"], {"STATUS": ["ASSISTED_RETURN_CMM"]}, False),
    "13": (PERSONS, ["NATIONALITY"], {"STATUS": ["DECLINED_OR_LEFT"]}, False),
    "14": (HOTLINE, ["CALLER_TYPE"], {}, False),
    "14-2": (HOTLINE, ["REASON"], {"CALLER_TYPE": ["POLICE"]}, False),
}
SUMMARY_ONE_WAY = {"assessedBy": "ASSESSED_BY", "contactChannel": "CONTACT_CHANNEL", "region": "REGION",
                   "nationality": "NATIONALITY", "exploitation": "EXPLOITATION", "gender": "GENDER",
                   "status": "STATUS"}


def snake(camel):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", camel).upper()


def report_answer(source, year, group_by, flt, groups, total=None, complete=True, label=""):
    return Answer(source=source, year=year, filter=flt, group_by=group_by, include_empty=False, complete=complete,
                  total=total, total_withheld=False, groups=groups, origin="report", label=label)


def read_report(folder, warnings):
    """The figure CSVs and key numbers of an exported year (exports/2012/), as exact answers."""
    data = os.path.join(folder, "data") if os.path.isdir(os.path.join(folder, "data")) else folder
    summary_path = os.path.join(data, "persons-summary.json")
    summary = None
    if os.path.exists(summary_path):
        with open(summary_path, encoding="utf-8") as f:
            summary = json.load(f)
    year = str(summary["year"]) if summary else os.path.basename(os.path.normpath(folder))
    answers = []
    for name in sorted(os.listdir(data)):
        m = re.fullmatch(r"figure-(\d\d(?:-\d+)?)\.csv", name)
        if not m:
            continue
        fid = m.group(1)
        with open(os.path.join(data, name), encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        dims = [snake(h) for h in header[:-1] if not h.endswith("_da") and not h.endswith("_en")]
        idx = [header.index(h) for h in header[:-1] if not h.endswith("_da") and not h.endswith("_en")]
        parsed = [([r[i] for i in idx], int(r[-1]) if r[-1] != "" else None) for r in body]
        if fid == "01" and dims == ["ASSESSMENT_YEAR"]:
            for key, count in parsed:
                if count is not None:
                    answers.append(report_answer(PERSONS, key[0], [], {}, [], count, label=f"report {fid} {key[0]}"))
            continue
        if fid == "02" and dims == ["ASSESSMENT_YEAR", "ASSESSED_BY"]:
            by_year = {}
            for key, count in parsed:
                by_year.setdefault(key[0], []).append([[key[1]], count, None])
            for y, groups in by_year.items():
                if all(g[1] is not None for g in groups):
                    answers.append(report_answer(PERSONS, y, ["ASSESSED_BY"], {}, groups,
                                                 label=f"report {fid} {y}"))
            continue
        spec = FIGURES.get(fid)
        if spec is None or spec[1] != dims:
            warnings.append(f"report: figure {fid} ({','.join(dims)}) is not one this attacker knows; skipped")
            continue
        source, group_by, flt, all_years = spec
        flt = {d: [c.replace("{year}", year) for c in v] for d, v in flt.items()}
        groups = [[key, count, None] for key, count in parsed if count is not None]
        if len(groups) < len(parsed):
            warnings.append(f"report: figure {fid} has rows marked not available; only the others are used")
        answers.append(report_answer(source, None if all_years else year, group_by, flt, groups,
                                     complete=len(groups) == len(parsed), label=f"report figure {fid}"))
    if summary:
        answers += summary_answers(summary, year)
    tables_path = os.path.join(data, "report-tables.json")
    if os.path.exists(tables_path):
        with open(tables_path, encoding="utf-8") as f:
            answers += table_answers(json.load(f), warnings)
    return year, answers


def table_answers(doc, warnings):
    """Every table of the report's report-tables.json (figures and the numbers its words state) as exact answers:
    per assessment year where the table names or groups by years, else over every year."""
    out = []
    for t in doc.get("tables", []):
        source = t["subject"]
        ydim = YEAR_DIM[source]
        flt = {d: [str(c) for c in v] for d, v in t["filter"].items()}
        years = flt.pop(ydim, None)
        group_by = list(t["groupBy"])
        groups = [[[str(c) for c in g["key"]], g["count"], None] for g in t["groups"]]
        label = f"report table {source} {t['filter']} by {','.join(group_by)}"
        if ydim in group_by:
            i = group_by.index(ydim)
            rest = group_by[:i] + group_by[i + 1:]
            per_year = {y: [] for y in (years or [])}
            for key, count, _ in groups:
                per_year.setdefault(key[i], []).append([key[:i] + key[i + 1:], count, None])
            for y, gs in per_year.items():
                total = sum(g[1] for g in gs)
                out.append(report_answer(source, y, rest, flt, gs if rest else [], total, label=label + f" {y}"))
        elif years is None:
            out.append(report_answer(source, None, group_by, flt, groups, t.get("total"), label=label))
        elif len(years) == 1:
            out.append(report_answer(source, years[0], group_by, flt, groups, t.get("total"), label=label))
        else:
            warnings.append(f"report: {label} pools several years without grouping by them; skipped")
    return out


def summary_answers(s, year):
    out = [report_answer(PERSONS, year, [], {}, [], s.get("assessedTrafficked"), label="report summary total")]
    for k, dim in SUMMARY_ONE_WAY.items():
        if isinstance(s.get(k), dict):
            out.append(report_answer(PERSONS, year, [dim], {}, [[[c], n, None] for c, n in s[k].items()],
                                     complete=False, label=f"report summary {k}"))
    age = s.get("age")
    if isinstance(age, dict) and age.get("known") is not None:
        a = report_answer(PERSONS, year, [], {}, [], s.get("assessedTrafficked"), complete=False,
                          label="report summary age")
        a.age = {"count": age["known"], "min": age.get("min"), "max": age.get("max"), "mean": age.get("mean"),
                 "median": None}
        out.append(a)
    iom = s.get("preparedReturnsIomInYear")
    if isinstance(iom, dict) and iom.get("total") is not None and iom.get("assessedEarlier") is not None:
        out.append(report_answer(PERSONS, year, ["STATUS", "OUTCOME_YEAR"], {},
                                 [[["PREPARED_RETURN_IOM", year], iom["total"] - iom["assessedEarlier"], None]],
                                 complete=False, label="report summary IOM returns of the year"))
    hot = s.get("hotline")
    if isinstance(hot, dict) and hot.get("calls") is not None:
        out.append(report_answer(HOTLINE, year, [], {}, [], hot["calls"], label="report summary hotline calls"))
    programmes = [[[o["programme"]], o["assessedTrafficked"], None] for o in s.get("outreach") or []
                  if o.get("assessedTrafficked") is not None]
    if programmes:
        out.append(report_answer(PERSONS, year, ["CONTACT_PROGRAMME"], {}, programmes, complete=False,
                                 label="report summary outreach assessedTrafficked"))
    return out


# --------------------------------------------------------------------------------------------------------------
# The integer program
# --------------------------------------------------------------------------------------------------------------

def age_range(code):
    """Ages a group code covers: UNDER_18, AGE_18_24, AGE_50_PLUS; None for codes it cannot read."""
    m = re.fullmatch(r"UNDER_(\d+)", code)
    if m:
        return 0, int(m.group(1)) - 1
    m = re.fullmatch(r"AGE_(\d+)_(\d+)", code)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.fullmatch(r"AGE_(\d+)_PLUS", code)
    if m:
        return int(m.group(1)), MAX_AGE
    return None


@dataclass
class Target:
    """A withheld number: the cells it sums, and where it was asked."""
    tag: str
    vars: tuple
    answer: Answer
    key: list | None         # None: the answer's total
    truth: int | None = None


class Model:
    """Unknowns: per release tag, source, year and set of axes, one integer per leaf combination."""

    def __init__(self):
        self.lb, self.ub, self.integer = [], [], []
        self.rows = []            # (coefficients dict, lo, hi, origin)
        self.tables = {}          # (tag, source, year, axes) -> (leaf lists, {index tuple: var})
        self.leaves = {}          # (source, year, axis) -> list of leaf tuples
        self.axes = {}            # source -> list of axes
        self.slacks = {}
        self.seen_rows = set()

    def var(self, lb=0, ub=BIG, integer=True):
        self.lb.append(lb)
        self.ub.append(ub)
        self.integer.append(1 if integer else 0)
        return len(self.lb) - 1

    def row(self, coef, lo, hi, origin):
        coef = {v: a for v, a in coef.items() if a != 0}
        key = (tuple(sorted(coef.items())), lo, hi)
        if key in self.seen_rows:
            return
        self.seen_rows.add(key)
        self.rows.append((coef, lo, hi, origin))

    # --- leaves -----------------------------------------------------------------------------------------------
    def discover(self, answers):
        dims = {}
        for a in answers:
            for d in list(a.filter) + list(a.group_by):
                dims.setdefault(a.source, set()).add(d)
        for s, ds in dims.items():
            self.axes[s] = axes_of(sorted(ds))
        partial = []
        for a in answers:
            if a.year is None:
                continue
            axes = self.axes[a.source]
            for key, count, _ in a.groups:
                if count == 0:
                    continue
                codes = dict(zip(a.group_by, key))
                for d, v in a.filter.items():
                    if d not in codes and len(v) == 1:
                        codes[d] = v[0]
                for ax in axes:
                    if all(d in codes for d in ax):
                        self._add_leaf(a.source, a.year, ax, tuple(codes[d] for d in ax))
                    elif any(d in codes for d in ax):
                        partial.append((a.source, a.year, ax, {d: codes[d] for d in ax if d in codes}))
        for s, y, ax, codes in partial:
            if not any(all(leaf[ax.index(d)] == c for d, c in codes.items())
                       for leaf in self.leaves.get((s, y, ax), [])):
                self._add_leaf(s, y, ax, tuple(codes.get(d, "?") for d in ax))

    def _add_leaf(self, s, y, ax, leaf):
        lst = self.leaves.setdefault((s, y, ax), [])
        if leaf not in lst:
            lst.append(leaf)

    def years(self, source):
        return sorted({y for (s, y, _) in self.leaves if s == source})

    # --- tables -----------------------------------------------------------------------------------------------
    def table(self, tag, source, year, axes):
        axes = tuple(sorted(axes))
        k = (tag, source, year, axes)
        if k in self.tables:
            return self.tables[k]
        lists = [self.leaves.get((source, year, ax), []) for ax in axes]
        cells = {}
        for idx in itertools.product(*[range(len(l)) for l in lists]):
            cells[idx] = self.var()
        self.tables[k] = (lists, cells)
        for i, ax in enumerate(axes):      # margins: summing one axis out gives the smaller table
            sub = axes[:i] + axes[i + 1:]
            _, subcells = self.table(tag, source, year, sub)
            sums = {}
            for idx, v in cells.items():
                sums.setdefault(idx[:i] + idx[i + 1:], []).append(v)
            for sidx, sv in subcells.items():
                coef = {v: 1 for v in sums.get(sidx, [])}
                coef[sv] = coef.get(sv, 0) - 1
                self.row(coef, 0, 0, "structure")
        return self.tables[k]

    def cells(self, tag, source, year, cond):
        """Variables of the cells whose codes satisfy cond (dimension -> set of codes)."""
        axes = sorted({axis_of(d, self.axes[source]) for d in cond})
        lists, cells = self.table(tag, source, year, axes)
        allowed = []
        for ax, leaves in zip(axes, lists):
            allowed.append([i for i, leaf in enumerate(leaves)
                            if all(leaf[ax.index(d)] in cond[d] for d in ax if d in cond)])
        return [cells[idx] for idx in itertools.product(*allowed)]

    # --- answers ----------------------------------------------------------------------------------------------
    def add_answer(self, tag, a, years, zeros_never_withheld, targets, summaries=True):
        base = {d: set(v) for d, v in a.filter.items()}
        for d in list(base) + list(a.group_by):
            if d not in sum(map(list, self.axes[a.source]), []):
                return
        ys = [a.year] if a.year is not None else [y for y in years if y in self.years(a.source)]
        listed = {tuple(k) for k, _, _ in a.groups}
        origin = a.origin

        def expr(cond, gkey=None):
            vs = []
            for y in ys:
                vs += self.cells(tag, a.source, y, cond)
            if a.year is None:     # a figure over every year: the years not collected add an unknown amount
                s = self.slacks.setdefault((tag, a.label, gkey), self.var())
                vs.append(s)
            return vs

        for key, count, share in a.groups:
            cond = dict(base)
            for d, c in zip(a.group_by, key):
                cond[d] = cond.get(d, {c}) & {c}
            vs = expr(cond, tuple(key))
            if count is not None:
                self.row({v: 1 for v in vs}, count, count, origin)
            else:
                targets.append(Target(tag, tuple(sorted(vs)), a, key, true_count(a, key)))
                if zeros_never_withheld:
                    self.row({v: 1 for v in vs}, 1, BIG, "zeros-never-withheld")
                if share is not None and a.total is not None:
                    n = round(share * a.total)
                    self.row({v: 1 for v in vs}, n, n, origin + " share")
        tvs = expr(base, "total") if a.year is not None or a.total is not None else None
        if a.total is not None:
            self.row({v: 1 for v in tvs}, a.total, a.total, origin)
        elif a.total_withheld and a.year is not None:
            targets.append(Target(tag, tuple(sorted(tvs)), a, None, (a.truth or {}).get("total")))
            if zeros_never_withheld:
                self.row({v: 1 for v in tvs}, 1, BIG, "zeros-never-withheld")
        if a.complete and a.group_by:
            for y in ys:
                axes = sorted({axis_of(d, self.axes[a.source]) for d in list(base) + a.group_by})
                lists, cells = self.table(tag, a.source, y, axes)
                for idx, v in cells.items():
                    codes = {}
                    for ax, leaves, i in zip(axes, lists, idx):
                        codes.update(zip(ax, leaves[i]))
                    if all(codes.get(d) in c for d, c in base.items()) and \
                            tuple(codes.get(d) for d in a.group_by) not in listed:
                        self.row({v: 1}, 0, 0, origin + " missing group")
        if summaries and a.age and a.year is not None and a.source == PERSONS:
            self.add_age(tag, a, base, origin)

    def add_age(self, tag, a, base, origin):
        age = a.age
        axes = {axis_of(d, self.axes[PERSONS]) for d in base} | {(AGE_DIM,)}
        if (AGE_DIM,) not in self.axes[PERSONS] or len(axes) > 2 or age.get("count") is None:
            return
        groups = [leaf[0] for leaf in self.leaves.get((PERSONS, a.year, (AGE_DIM,)), [])]
        ranges = {g: age_range(g) for g in groups if g != UNKNOWN}
        if any(r is None for r in ranges.values()):
            return

        def cells(codes):
            cond = dict(base)
            cond[AGE_DIM] = set(codes)
            return {v: 1 for v in self.cells(tag, PERSONS, a.year, cond)}

        n = age["count"]
        if a.total is None or n != a.total:
            # some persons may have an age group but no age: only "at least n have a known group" holds
            self.row(cells(ranges), n, BIG, origin + " age count")
            return
        self.row(cells(ranges), n, n, origin + " age count")
        if n == 0:
            return
        lo_age, hi_age, mean, median = age.get("min"), age.get("max"), age.get("mean"), age.get("median")
        for g, (lo, hi) in ranges.items():
            if (lo_age is not None and hi < lo_age) or (hi_age is not None and lo > hi_age):
                self.row(cells([g]), 0, 0, origin + " age min/max")
            if lo_age is not None and lo <= lo_age <= hi:
                self.row(cells([g]), 1, BIG, origin + " age min")
            if hi_age is not None and lo <= hi_age <= hi:
                self.row(cells([g]), 1, BIG, origin + " age max")
        if mean is not None:
            total = mean * n
            slack = 0.05 * n if a.origin == "report" else 1e-6   # the report may round the mean to 1 decimal
            coef_lo, coef_hi = {}, {}
            for g, (lo, hi) in ranges.items():
                for v in cells([g]):
                    coef_lo[v] = lo
                    coef_hi[v] = hi
            self.row(coef_lo, -BIG * MAX_AGE, total + slack, origin + " age mean")
            self.row(coef_hi, total - slack, BIG * MAX_AGE, origin + " age mean")
        if median is not None:
            below = [g for g, (lo, hi) in ranges.items() if hi < median]
            above = [g for g, (lo, hi) in ranges.items() if lo > median]
            if below:
                self.row(cells(below), 0, n // 2, origin + " age median")
            if above:
                self.row(cells(above), 0, n // 2, origin + " age median")

    def link(self, tag1, tag2, d):
        """Two releases differ by a few records: per table, the cells' absolute differences sum to at most D."""
        for (tag, s, y, axes), (_, cells) in list(self.tables.items()):
            if tag != tag1 or (tag2, s, y, axes) not in self.tables:
                continue
            _, cells2 = self.tables[(tag2, s, y, axes)]
            ds = {}
            for idx, v in cells.items():
                w = cells2.get(idx)
                if w is None:
                    continue
                dv = self.var(0, BIG, integer=False)
                self.row({w: 1, v: -1, dv: -1}, -BIG, 0, "release difference")
                self.row({v: 1, w: -1, dv: -1}, -BIG, 0, "release difference")
                ds[dv] = 1
            self.row(ds, 0, d, "release difference")


# --------------------------------------------------------------------------------------------------------------
# Solving
# --------------------------------------------------------------------------------------------------------------

class Infeasible(Exception):
    pass


def presolve(model):
    """Fixes what the equations fix directly (a published cell, a row whose free cells must all be 0)."""
    lb = np.array(model.lb, dtype=float)
    ub = np.array(model.ub, dtype=float)
    active = [True] * len(model.rows)
    by_var = {}
    for i, (coef, _, _, _) in enumerate(model.rows):
        for v in coef:
            by_var.setdefault(v, []).append(i)
    queue = list(range(len(model.rows)))
    queued = [True] * len(model.rows)
    while queue:
        i = queue.pop()
        queued[i] = False
        if not active[i]:
            continue
        coef, lo, hi, origin = model.rows[i]
        const = 0.0
        free = []
        for v, a in coef.items():
            if lb[v] == ub[v]:
                const += a * lb[v]
            else:
                free.append((v, a))
        lo2, hi2 = lo - const, hi - const
        changed = []
        if not free:
            if lo2 > 1e-6 or hi2 < -1e-6:
                raise Infeasible(f"{origin}: a published number contradicts the others")
            active[i] = False
            continue
        if len(free) == 1:
            v, a = free[0]
            l, h = (lo2 / a, hi2 / a) if a > 0 else (hi2 / a, lo2 / a)
            l, h = math.ceil(l - 1e-6), math.floor(h + 1e-6)
            nl, nh = max(lb[v], l), min(ub[v], h)
            if nl > nh:
                raise Infeasible(f"{origin}: a published number contradicts the others")
            if (nl, nh) != (lb[v], ub[v]):
                lb[v], ub[v] = nl, nh
                changed.append(v)
            active[i] = False
        elif all(a > 0 for _, a in free) and abs(hi2) < 1e-9 and all(lb[v] >= 0 for v, _ in free):
            for v, _ in free:
                if ub[v] != 0:
                    lb[v], ub[v] = 0, 0
                    changed.append(v)
            active[i] = False
        elif all(a > 0 for _, a in free) and hi2 < BIG / 2:
            floor = sum(a * lb[v] for v, a in free)
            for v, a in free:   # an upper bound from the others' lower bounds
                h = math.floor((hi2 - floor + a * lb[v]) / a + 1e-6)
                if h < ub[v]:
                    if h < lb[v]:
                        raise Infeasible(f"{origin}: a published number contradicts the others")
                    ub[v] = h
                    changed.append(v)
        for v in changed:
            for j in by_var[v]:
                if active[j] and not queued[j]:
                    queued[j] = True
                    queue.append(j)
    return lb, ub, active


class WarmLP:
    """A component's LP relaxation kept in one HiGHS instance (scipy's bundled binding), so that each new objective
    starts from the last basis; linprog solves the same LP from scratch. Used only if it agrees with linprog."""

    def __init__(self, A, lo, hi, lb, ub):
        from scipy.optimize._highspy import _core as h   # scipy's own HiGHS binding (not a public API)
        self.h = h
        inf = h.kHighsInf
        csc = A.tocsc()
        m, n = A.shape
        lp = h.HighsLp()
        lp.num_col_, lp.num_row_ = n, m
        lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = n, m
        lp.a_matrix_.format_ = h.MatrixFormat.kColwise
        lp.col_cost_ = np.zeros(n)
        lp.col_lower_ = np.asarray(lb, dtype=float)
        lp.col_upper_ = np.asarray(ub, dtype=float)
        lp.row_lower_ = np.where(np.asarray(lo) <= -BIG / 2, -inf, lo).astype(float)
        lp.row_upper_ = np.where(np.asarray(hi) >= BIG / 2, inf, hi).astype(float)
        lp.a_matrix_.start_ = csc.indptr
        lp.a_matrix_.index_ = csc.indices
        lp.a_matrix_.value_ = csc.data
        self.solver = h._Highs()
        self.solver.setOptionValue("output_flag", False)
        self.solver.passModel(lp)
        self.idx = np.arange(n, dtype=np.int32)
        self.n = n

    def solve(self, c):
        """(status, objective, x): status 0 optimal, 2 infeasible, 1 anything else."""
        self.solver.changeColsCost(self.n, self.idx, np.asarray(c, dtype=float))
        self.solver.run()
        status = self.solver.getModelStatus()
        if status == self.h.HighsModelStatus.kInfeasible:
            return 2, None, None
        if status != self.h.HighsModelStatus.kOptimal:
            return 1, None, None
        return 0, self.solver.getInfo().objective_function_value, np.array(self.solver.getSolution().col_value)


class UnionFind:
    def __init__(self):
        self.p = {}

    def find(self, x):
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        self.p[self.find(a)] = self.find(b)


@dataclass
class Range:
    """lo is the proven minimum; hi the maximum if hi_exact, else a bound that decides "below k" either way
    (a value reached when it is at least k, a proven bound when below; infinity when not computed)."""
    lo: float
    hi: float
    hi_exact: bool


def solve_ranges(model, targets, k, trivial_lo, exact_ranges=False, time_limit=60, stats=None):
    """For each target the proven [min, max] over all whole-number solutions (max only up to k unless exact)."""
    lb, ub, active = presolve(model)
    uf = UnionFind()
    free = lambda v: lb[v] != ub[v]
    for i, (coef, _, _, _) in enumerate(model.rows):
        if active[i]:
            fv = [v for v in coef if free(v)]
            for v in fv[1:]:
                uf.union(fv[0], v)
    for t in targets:
        fv = [v for v in t.vars if free(v)]
        for v in fv[1:]:
            uf.union(fv[0], v)
    comps = {}
    for i, (coef, _, _, _) in enumerate(model.rows):
        if active[i]:
            fv = [v for v in coef if free(v)]
            if fv:
                comps.setdefault(uf.find(fv[0]), {"rows": [], "targets": []})["rows"].append(i)
    ranges = [None] * len(targets)
    for ti, t in enumerate(targets):
        fv = [v for v in t.vars if free(v)]
        fixed = sum(lb[v] for v in t.vars if not free(v))
        if not fv:
            ranges[ti] = Range(fixed, fixed, True)
        else:
            comps.setdefault(uf.find(fv[0]), {"rows": [], "targets": []})["targets"].append(ti)
    stats = stats if stats is not None else {}
    stats.setdefault("solves", 0)
    stats.setdefault("components", 0)
    for comp in comps.values():
        if not comp["targets"]:
            continue
        stats["components"] += 1
        t0 = time.time()
        _solve_component(model, comp, targets, ranges, lb, ub, k, trivial_lo, exact_ranges, time_limit, stats)
        if stats.get("verbose"):
            print(f"  component: {len(comp['rows'])} equations, {len(comp['targets'])} withheld, "
                  f"{time.time() - t0:.1f} s; {stats.get('solves')} MILPs, {stats.get('lps', 0)} LPs so far",
                  file=sys.stderr)
    return ranges


def _solve_component(model, comp, targets, ranges, lb, ub, k, trivial_lo, exact_ranges, time_limit, stats):
    vars_ = sorted({v for i in comp["rows"] for v in model.rows[i][0] if lb[v] != ub[v]}
                   | {v for ti in comp["targets"] for v in targets[ti].vars if lb[v] != ub[v]})
    pos = {v: j for j, v in enumerate(vars_)}
    data, ri, ci, lo, hi = [], [], [], [], []
    for r, i in enumerate(comp["rows"]):
        coef, l, h, _ = model.rows[i]
        const = 0.0
        for v, a in coef.items():
            if v in pos:
                data.append(a)
                ri.append(r)
                ci.append(pos[v])
            else:
                const += a * lb[v]
        lo.append(l - const)
        hi.append(h - const)
    n = len(vars_)
    A = csr_matrix((data, (ri, ci)), shape=(len(comp["rows"]), n))
    bounds = Bounds(lb[vars_], ub[vars_])
    integ = np.array([model.integer[v] for v in vars_])
    cons = [LinearConstraint(A, np.array(lo), np.array(hi))] if comp["rows"] else []
    lo_a, hi_a = np.array(lo), np.array(hi)
    eq = lo_a == hi_a
    lp_constraints = {}
    lp_bounds = np.column_stack([bounds.lb, bounds.ub])
    if comp["rows"]:
        ub_rows = ~eq & (hi_a < BIG / 2)
        lb_rows = ~eq & (lo_a > -BIG / 2)
        from scipy.sparse import vstack
        if eq.any():
            lp_constraints.update(A_eq=A[eq], b_eq=lo_a[eq])
        if ub_rows.any() or lb_rows.any():
            lp_constraints.update(A_ub=vstack([A[ub_rows], -A[lb_rows]]).tocsr(),
                                  b_ub=np.concatenate([hi_a[ub_rows], -lo_a[lb_rows]]))
    tis = comp["targets"]
    T = np.zeros((len(tis), n))
    const = np.zeros(len(tis))
    for r, ti in enumerate(tis):
        for v in targets[ti].vars:
            if v in pos:
                T[r, pos[v]] += 1
            else:
                const[r] += lb[v]
    seen_lo = np.full(len(tis), np.inf)
    seen_hi = np.full(len(tis), -np.inf)

    def run(c):
        stats["solves"] += 1
        res = milp(c, integrality=integ, bounds=bounds, constraints=cons,
                   options={"disp": False, "time_limit": time_limit, "mip_rel_gap": 0})
        if res.status == 2:
            raise Infeasible("the published numbers admit no whole-number solution")
        if res.x is None:
            raise RuntimeError(f"HiGHS: {res.message}")
        if res.status != 0:
            stats["timeouts"] = stats.get("timeouts", 0) + 1
        values = T @ np.round(res.x) + const
        np.minimum(seen_lo, values, out=seen_lo)
        np.maximum(seen_hi, values, out=seen_hi)
        # what is proven is the solver's bound (the optimum when it finished; else the best bound it reached)
        res.proven = res.fun if res.status == 0 else getattr(res, "mip_dual_bound", -np.inf)
        return res

    warm = []

    def lp(c):
        """The LP relaxation's optimum: a bound on the whole-number one, far cheaper to get."""
        stats["lps"] = stats.get("lps", 0) + 1
        if warm and warm[0] is not None:
            status, fun, x = warm[0].solve(c)
            if status == 0:
                return witness(fun, x)
        res = linprog(c, bounds=lp_bounds, method="highs", **lp_constraints)
        if not warm:
            try:
                w = WarmLP(A, lo, hi, bounds.lb, bounds.ub) if comp["rows"] else None
                status, fun, _ = w.solve(c) if w else (1, None, None)
                ok = status == res.status == 0 and abs(fun - res.fun) <= 1e-6 * max(1.0, abs(res.fun))
                warm.append(w if ok else None)
            except Exception:   # an older or newer scipy without this binding: linprog alone
                warm.append(None)
        if res.status == 2:
            raise Infeasible("the published numbers admit no solution")
        return witness(res.fun if res.status == 0 else None, res.x if res.status == 0 else None)

    def witness(fun, x):
        if fun is None:
            return -np.inf
        if np.all(np.abs(x[integ == 1] - np.round(x[integ == 1])) < 1e-7):
            values = T @ np.round(x) + const       # a whole-number vertex: a witness as good as a MILP's
            np.minimum(seen_lo, values, out=seen_lo)
            np.maximum(seen_hi, values, out=seen_hi)
        return fun

    run(np.zeros(n))
    quick = stats.get("quick")
    if quick and trivial_lo > 0:
        # every withheld number is at least trivial_lo > 0 by assumption: each one already fails "includes 0"
        for ti in tis:
            ranges[ti] = Range(trivial_lo, np.inf, False)
        return
    run(T.sum(axis=0))
    run(-T.sum(axis=0))
    for _ in range(4):   # more witnesses, each pushing the numbers not yet seen at 0 (or at k) all together
        low = seen_lo > trivial_lo
        high = seen_hi < k
        before = int(low.sum() + high.sum())
        if low.any():
            run(T[low].sum(axis=0))
        if high.any():
            run(-T[high].sum(axis=0))
        if int((seen_lo > trivial_lo).sum() + (seen_hi < k).sum()) >= before:
            break
    for r, ti in enumerate(tis):
        tl = trivial_lo
        row = T[r]
        if seen_lo[r] <= tl:
            lo_r = seen_lo[r]
        else:
            bound = math.ceil(lp(row) + const[r] - 1e-6)
            if bound >= seen_lo[r]:
                lo_r = seen_lo[r]
            elif quick and bound > tl:
                ranges[ti] = Range(bound, np.inf, False)    # proven above 0: a violation already
                continue
            else:
                lo_r = math.ceil(run(row).proven + const[r] - 1e-6)
            if quick and lo_r > tl:
                ranges[ti] = Range(lo_r, np.inf, False)
                continue
        if seen_hi[r] >= k and not exact_ranges and lo_r <= tl:
            hi_r, exact = seen_hi[r], False
        else:
            bound = math.floor(-lp(-row) + const[r] + 1e-6)
            if bound <= seen_hi[r]:
                hi_r, exact = seen_hi[r], True
            elif bound < k and not exact_ranges and lo_r <= tl:
                hi_r, exact = bound, bound == lo_r      # below k already proven by the relaxation
            else:
                hi_r, exact = math.floor(-run(-row).proven + const[r] + 1e-6), True
                hi_r = max(hi_r, seen_hi[r])
        ranges[ti] = Range(lo_r, hi_r, exact)


# --------------------------------------------------------------------------------------------------------------
# The audit
# --------------------------------------------------------------------------------------------------------------

def mappable(model, a, years, skipped):
    """Whether a report answer speaks of codes the API shows: a code with persons in the report that no answer
    of the API knows (the API may publish a coarser group, such as other countries of a region, in its place)
    cannot be placed among the API's cells, so that answer is left out rather than guessed."""
    if not model.axes.get(a.source):
        return True
    ys = [a.year] if a.year is not None else years
    for key, count, _ in a.groups:
        if not count:
            continue
        for d, c in list(zip(a.group_by, key)) + [(d, v[0]) for d, v in a.filter.items() if len(v) == 1]:
            try:
                ax = axis_of(d, model.axes[a.source])
            except KeyError:
                skipped.add(f"{a.label}: dimension {d} is not in the API's answers")
                return False
            if not any(leaf[ax.index(d)] == c for y in ys for leaf in model.leaves.get((a.source, y, ax), [])):
                skipped.add(f"{a.label}: {d} {c} is not a code of the API's answers")
                return False
    return True


SKIPPED_REPORT = set()


def build(collections, report, variant_zero, link_d=None, summaries=True, origins=None, skipped=SKIPPED_REPORT):
    """The model of every answer of every collection (tag -> Collection) and the report's numbers."""
    model = Model()
    # the report's numbers: one list for every release, or per release tag (a revision has a report of its own)
    reports = report if isinstance(report, dict) else {tag: list(report) for tag in collections}
    api = [a for c in collections.values() for a in c.answers]
    model.discover(api)
    reports = {tag: [a for a in r if mappable(model, a, collections[tag].years, skipped)]
               for tag, r in reports.items() if tag in collections}
    model.discover(api + [a for r in reports.values() for a in r])
    targets = []
    for tag, c in collections.items():
        for a in c.answers + reports.get(tag, []):
            if origins is None or a.origin in origins:
                model.add_answer(tag, a, c.years, variant_zero and a.origin != "report", targets, summaries)
    if link_d is not None and len(collections) == 2:
        t1, t2 = list(collections)
        model.link(t1, t2, link_d)
    unique = {}
    for t in targets:
        unique.setdefault((t.tag, t.vars), t)
    return model, list(unique.values())


def describe(t):
    a = t.answer
    key = "total" if t.key is None else ",".join(t.key)
    return f"{t.tag} {a.label} :: {key}"


def audit(collections, report, k, variant_zero, link_d, args, out):
    """Ranges of every withheld number under one variant of the attacker's knowledge; the violations."""
    started = time.time()
    stats = {"verbose": args.verbose, "quick": args.quick}
    everything = None
    origins = {"graphql", "csv", "outreach", "report"}
    contradictions = []
    while True:
        model, everything = build(collections, report, variant_zero, link_d, not args.no_summaries, origins)
        # the guarantee covers true counts 1..k-1: with the truth known, only those need their bounds
        targets = [t for t in everything if t.truth is None or 1 <= t.truth < k]
        try:
            ranges = solve_ranges(model, targets, k, 1 if variant_zero else 0, args.exact_ranges,
                                  args.time_limit, stats)
            break
        except Infeasible as e:
            # published numbers contradict each other: name the answers, and attack without them
            culprit = next((o for o in ("outreach", "csv", "report") if o in origins and str(e).startswith(o)),
                           next((o for o in ("outreach", "csv", "report") if o in origins), None))
            if culprit is None:
                raise
            contradictions.append({"reasons": [f"the {culprit} numbers contradict the other published numbers"],
                                   "detail": str(e)})
            origins.discard(culprit)
    excused = {}
    if report:
        bad = [i for i, r in enumerate(ranges) if violation(r, k)]
        if bad:   # what the report alone proves is not the API's doing
            rmodel, _ = build(collections, report, False, None, not args.no_summaries, origins={"report"})
            rtargets = [Target(targets[i].tag, tuple(), targets[i].answer, targets[i].key) for i in bad]
            for j, i in enumerate(bad):
                t = targets[i]
                base = {d: set(v) for d, v in t.answer.filter.items()}
                if t.key is not None:
                    for d, c in zip(t.answer.group_by, t.key):
                        base[d] = base.get(d, {c}) & {c}
                rtargets[j].vars = tuple(sorted(rmodel.cells(t.tag, t.answer.source, t.answer.year, base)))
            # only what each range fails for needs checking: "includes 0" needs no maximum
            need_k = [j for j, i in enumerate(bad) if set(violation(ranges[i], k)) - {"excludes 0"}]
            only_lo = [j for j, i in enumerate(bad) if not set(violation(ranges[i], k)) - {"excludes 0"}]
            rr = [None] * len(bad)
            for group, kk in ((need_k, k), (only_lo, 0)):
                if group:
                    for j, got in zip(group, solve_ranges(rmodel, [rtargets[j] for j in group], kk, 0, False,
                                                          args.time_limit, stats)):
                        rr[j] = got
            for j, i in enumerate(bad):
                excused[i] = report_proves(rr[j], ranges[i], k)
    rows = list(contradictions)
    counts = {"withheld": len(everything), "graded": len(targets), "exact": 0, "excludes0": 0, "belowk": 0, "violations": 0,
              "excused_by_report": 0, "truth_small": 0}
    counts["truth_outside"] = 0
    for i, (t, r) in enumerate(zip(targets, ranges)):
        if t.truth is not None and (t.truth < r.lo - 1e-6 or ((r.hi_exact or r.hi < k) and t.truth > r.hi + 1e-6)):
            # the true table is one of the solutions: a range without the truth means a false assumption
            counts["truth_outside"] += 1
        reasons = violation(r, k)
        small = t.truth is not None and 1 <= t.truth < k
        counts["truth_small"] += small
        if "single value" in reasons:
            counts["exact"] += 1
        if "excludes 0" in reasons:
            counts["excludes0"] += 1
        if "below k" in reasons:
            counts["belowk"] += 1
        if not reasons:
            continue
        if t.truth is not None and not small:
            continue   # the guarantee covers true counts from 1 to k-1
        if excused.get(i):
            counts["excused_by_report"] += 1
            continue
        counts["violations"] += 1
        rows.append({"release": t.tag, "question": t.answer.label, "source": t.answer.source,
                     "year": t.answer.year, "filter": t.answer.filter, "groupBy": t.answer.group_by,
                     "key": t.key, "range": [r.lo, r.hi], "maxExact": r.hi_exact, "reasons": reasons,
                     "truth": t.truth, "cells": len(t.vars)})
    counts["violations"] += len(contradictions)
    counts["left_out"] = sorted({"graphql", "csv", "outreach", "report"} - origins)
    counts["seconds"] = round(time.time() - started, 1)
    counts.update({k2: v for k2, v in stats.items() if k2 not in ("verbose", "quick")})
    counts["unknowns"] = len(model.lb)
    counts["equations"] = len(model.rows)
    counts["tables"] = len(model.tables)
    return counts, rows


def violation(r, k):
    reasons = []
    if r.lo == r.hi and r.hi_exact:
        reasons.append("single value")
    if r.lo > 0:
        reasons.append("excludes 0")
    if r.hi < k:
        reasons.append("below k")
    return reasons


def report_proves(rr, r, k):
    """Whether the report alone proves every reason this range fails for."""
    alone = violation(rr, k)
    return all(reason in alone for reason in violation(r, k))


def zero_evidence(collections):
    """Signs that the server withholds zeros: a withheld group that includeEmpty=false does not list, or truth."""
    seen = []
    for c in collections.values():
        by_q = {}
        for a in c.answers:
            if a.origin == "graphql":
                by_q[(a.source, a.year, json.dumps(a.filter, sort_keys=True), tuple(a.group_by),
                      a.include_empty)] = a
        for (s, y, f, g, ie), a in by_q.items():
            if not ie:
                continue
            plain = by_q.get((s, y, f, g, False))
            if plain is None:
                continue
            listed = {tuple(k) for k, _, _ in plain.groups}
            for key, count, _ in a.groups:
                if count is None and tuple(key) not in listed:
                    seen.append(f"{a.label} :: {','.join(key)} withheld, yet absent without includeEmpty")
        for a in c.answers:
            for key, count, _ in a.groups:
                if count is None and a.truth and a.truth["groups"].get("\u0000".join(key), 0) == 0:
                    seen.append(f"{a.label} :: {','.join(key)} withheld and truly 0")
    return seen


def wrong_numbers(collections):
    """With --truth-token: published numbers that differ from the exact ones (a number is exact or withheld)."""
    wrong = []
    for tag, c in collections.items():
        for a in c.answers:
            if not a.truth:
                continue
            for key, count, _ in a.groups:
                exact = a.truth["groups"].get("\u0000".join(key), 0)
                if count is not None and count != exact:
                    wrong.append({"release": tag, "question": a.label, "key": key, "published": count,
                                  "exact": exact, "reasons": ["published number is not the exact one"]})
            if a.total is not None and a.truth.get("total") is not None and a.total != a.truth["total"]:
                wrong.append({"release": tag, "question": a.label, "key": None, "published": a.total,
                              "exact": a.truth["total"], "reasons": ["published total is not the exact one"]})
    return wrong


def main(argv=None):
    p = argparse.ArgumentParser(description="Attack the anonymous API of cmm-stats and check issue 14's guarantee.")
    p.add_argument("--url", default="http://localhost:8080", help="the server (default %(default)s)")
    p.add_argument("--years", default="2011,2012", help="years to attack, comma-separated (default %(default)s)")
    p.add_argument("--report-dir", action="append", default=[],
                   help="an exported year's folder (exports/2012); its figure CSVs are known exactly (repeatable)")
    p.add_argument("--k", type=int, default=5, help="the threshold of the guarantee (default 5)")
    p.add_argument("--zeros-never-withheld", choices=["both", "yes", "no"], default="both",
                   help="assume every withheld count is >= 1: yes, no, or both variants (default); with both, "
                        "the assumption's violations count unless the answers show a withheld zero")
    p.add_argument("--batch", type=int, default=20, help="breakdowns per GraphQL request (default 20)")
    p.add_argument("--no-filtered", action="store_true", help="only one- and two-way breakdowns")
    p.add_argument("--no-complements", action="store_true", help="no complement filters")
    p.add_argument("--no-include-empty", action="store_true", help="do not ask with includeEmpty: true too")
    p.add_argument("--no-hotline", action="store_true", help="leave out hotlineStats")
    p.add_argument("--no-outreach", action="store_true", help="leave out outreachStats' assessedTrafficked")
    p.add_argument("--csv", action="store_true", help="also ask the CSV endpoint (one request per question)")
    p.add_argument("--no-summaries", action="store_true", help="do not use the age summaries (min, max, mean)")
    p.add_argument("--truth-token", help="an analyst's token: grade the guarantee on true counts 1..k-1 only "
                                         "and check published numbers against the exact ones (auditor only)")
    p.add_argument("--token-free-rate", action="store_true",
                   help="accepted for configurations with a raised anonymous limit; 429 is always retried")
    p.add_argument("--save-answers", help="write the collected answers to this JSON file")
    p.add_argument("--load-answers", help="attack saved answers instead of asking the server")
    p.add_argument("--compare", nargs="+", metavar="ANSWERS",
                   help="two releases: BEFORE.json [AFTER.json]; without AFTER, the server is asked now")
    p.add_argument("--report-before", action="append", default=[],
                   help="--compare: the first release's exported report (--report-dir is then the second's)")
    p.add_argument("--max-diff", type=float, default=5,
                   help="--compare: per table, the cells of the two releases differ by at most this in sum")
    p.add_argument("--exact-ranges", action="store_true", help="compute every max exactly (slower)")
    p.add_argument("--quick", action="store_true",
                   help="stop bounding a number at its first violation: the verdict is the same, the counts of "
                        "exact recoveries and ranges below k become lower bounds")
    p.add_argument("--time-limit", type=float, default=60, help="seconds per MILP (default 60)")
    p.add_argument("--out", default="attacker-violations.json", help="violations as JSON (default %(default)s)")
    p.add_argument("--verbose", action="store_true")
    args = p.parse_args(argv)
    years = [y.strip() for y in args.years.split(",") if y.strip()]

    def gather():
        return collect(args.url, years, batch=args.batch, include_empty=not args.no_include_empty,
                       filtered=not args.no_filtered, complements=not args.no_complements,
                       hotline=not args.no_hotline, outreach=not args.no_outreach, use_csv=args.csv,
                       truth_token=args.truth_token, verbose=args.verbose)

    try:
        if args.compare:
            before = Collection.load(args.compare[0])
            after = Collection.load(args.compare[1]) if len(args.compare) > 1 else gather()
            collections = {"release1": before, "release2": after}
        else:
            collections = {"live": Collection.load(args.load_answers) if args.load_answers else gather()}
    except (urllib.error.URLError, ConnectionError) as e:
        print(f"attacker: cannot reach {args.url}: {e}", file=sys.stderr)
        return 2
    if args.save_answers:
        list(collections.values())[-1].save(args.save_answers)
    warnings = []
    report = []
    for folder in args.report_dir:
        _, answers = read_report(folder, warnings)
        report += answers
    if args.compare:
        before = []
        for folder in args.report_before:
            before += read_report(folder, warnings)[1]
        report = {"release1": before, "release2": report} if (before or report) else []
    # a report's numbers about a year not attacked (a series' earlier years) have no unknowns to bind here
    if isinstance(report, dict):
        report = {tag: [a for a in answers if a.year is None or a.year in years] for tag, answers in report.items()}
    else:
        report = [a for a in report if a.year is None or a.year in years]
    for w in warnings:
        print("warning: " + w)
    for tag, c in collections.items():
        print(f"collected {tag}: years {','.join(c.years)}; {c.asked} questions, {len(c.answers)} answers, "
              f"{len(c.refused)} refused, {len(c.failed)} failed; {c.requests} requests in {c.seconds:.1f} s")
        for label, why in c.failed[:5]:
            print(f"  failed: {label}: {why}")
    if report:
        n = sum(map(len, report.values())) if isinstance(report, dict) else len(report)
        print(f"report: {n} exact answers from {', '.join(args.report_before + args.report_dir)}")
    link = args.max_diff if args.compare else None
    variants = {"both": [False, True], "yes": [True], "no": [False]}[args.zeros_never_withheld]
    evidence = zero_evidence(collections)
    result = {"k": args.k, "variants": {}, "zeroEvidence": evidence[:20]}
    failing = False
    all_rows = []
    for vz in variants:
        name = "zeros-never-withheld" if vz else "base"
        if vz and args.zeros_never_withheld == "both" and evidence:
            print(f"variant {name}: skipped: the answers show withheld zeros ({len(evidence)}), so a withheld "
                  f"number is not known to be at least 1")
            result["variants"][name] = {"skipped": True}
            continue
        try:
            counts, rows = audit(collections, report, args.k, vz, link, args, None)
        except Infeasible as e:
            counts, rows = {"infeasible": str(e)}, [{"reasons": ["infeasible: " + str(e)]}]
        counts_for_exit = not (vz and args.zeros_never_withheld == "both" and evidence)
        if "infeasible" not in counts and counts.get("truth_outside"):
            print(f"variant {name}: MODEL CHECK FAILED: {counts['truth_outside']} ranges exclude the true count "
                  f"(an assumption of this variant is false, or a published number is wrong)")
            if vz and args.zeros_never_withheld == "both":
                counts_for_exit = False
            else:
                failing = True
        if "infeasible" in counts:
            print(f"variant {name}: INFEASIBLE: {counts['infeasible']}")
            if vz and args.zeros_never_withheld == "both":
                print("  (the answers refute the assumption that zeros are never withheld)")
                counts_for_exit = False
        else:
            print(f"variant {name}: tables {counts['tables']}, unknowns {counts['unknowns']}, "
                  f"equations {counts['equations']}, withheld {counts['withheld']} (graded {counts['graded']}), "
                  f"exactly recovered {counts['exact']}, ranges excluding 0 {counts['excludes0']}, "
                  f"ranges below k {counts['belowk']}; violations {counts['violations']}"
                  + (f" (excused by the report alone {counts['excused_by_report']})" if report else "")
                  + f"; {counts['solves']} MILPs in {counts['components']} components, {counts['seconds']} s"
                  + ("" if counts_for_exit else " [not counted: the answers show withheld zeros]"))
        result["variants"][name] = {"counts": counts, "counted": counts_for_exit, "violations": rows}
        if counts_for_exit and rows:
            failing = True
        all_rows += rows
    wrong = wrong_numbers(collections) if args.truth_token else []
    if wrong:
        print(f"published numbers that are not exact: {len(wrong)}")
        for w in wrong[:10]:
            print(f"  {w['question']} :: {w['key']}: published {w['published']}, exact {w['exact']}")
        failing = True
    result["wrongNumbers"] = wrong
    if evidence:
        print(f"evidence of withheld zeros: {len(evidence)} (e.g. {evidence[0]})")
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, default=str)
    for why in sorted(SKIPPED_REPORT):
        print(f"report answer left out: {why}")
    print(f"guarantee (k={args.k}): {'VIOLATED' if failing else 'holds'}; details in {args.out}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
