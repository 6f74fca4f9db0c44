#!/usr/bin/env python3
"""Reconstructs the bundled data set of cmm-stats from the centre's published 2012 statistics.

Only aggregates were ever published ("Statistik 2012", Center mod Menneskehandel, and public yearly totals), so
the records written here are SYNTHETIC: they reproduce every published number exactly (the "about" numbers
exactly at the stated value), while details the report does not state (which 22 countries, the 20 "other"
statuses, dates, ages, pseudonyms, the non-police hotline callers) are illustrative. Earlier and later years get
a record per published person with nothing but what the public totals tell.

Writes JSON Lines (UTF-8, LF, one object per line, keys in the contract's order, sorted by natural key) to
api/src/main/resources/bundled-data/, then re-reads the files and checks every published number.
Stdlib only, fixed seeds: two runs give byte-identical files.  Usage:  python3 tools/reconstruct_bundled_data.py
"""
import csv
import datetime as dt
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "api/src/main/resources/bundled-data"
COUNTRIES_CSV = ROOT / "api/src/main/resources/codebook/countries.csv"
SEED = 2012
YEAR = 2012


def rng_for(section):
    """One seeded generator per section, so changing one section never shifts the random detail of another."""
    return random.Random(f"{SEED}-{section}")


# ==== Calendar helpers
JAN1, DEC31 = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)
ALL_DAYS = [JAN1 + dt.timedelta(days=i) for i in range(366)]  # 2012 is a leap year
# Danish public holidays 2012 (nytår, skærtorsdag, langfredag, 2. påskedag, store bededag, Kristi himmelfart,
# 2. pinsedag, juleaften, 1. and 2. juledag, nytårsaften). Grundlovsdag is not an official holiday.
HOLIDAYS = {dt.date(YEAR, m, d) for m, d in [(1, 1), (4, 5), (4, 6), (4, 9), (5, 4), (5, 17), (5, 28),
                                             (12, 24), (12, 25), (12, 26), (12, 31)]}
MON, TUE, WED, THU, FRI = range(5)


def open_days(weekdays, closed_weeks=()):
    """Non-holiday days of 2012 on the given weekdays, outside the given ISO weeks (closures)."""
    return [d for d in ALL_DAYS if d.weekday() in weekdays and d not in HOLIDAYS
            and d.isocalendar()[1] not in closed_weeks]


WORKDAYS = open_days({MON, TUE, WED, THU, FRI})


# ==== Number helpers: exact totals without random search
def fit_total(rng, values, total, lo, hi, frozen=()):
    """Nudges values by +-1 (never the frozen indices, never outside [lo, hi]; hi may be a list, one bound per
    value) until they sum to total."""
    his = hi if isinstance(hi, list) else [hi] * len(values)
    free = [i for i in range(len(values)) if i not in frozen]
    fixed = sum(values[i] for i in frozen)
    assert len(free) * lo <= total - fixed <= sum(his[i] for i in free), "total cannot be reached"
    while (diff := total - sum(values)) != 0:
        i = rng.choice(free)
        step = 1 if diff > 0 else -1
        if lo <= values[i] + step <= his[i]:
            values[i] += step
    return values


def spread(rng, n, total, lo, hi, spread_factor=0.35, pin_extremes=False):
    """n whole numbers in [lo, hi] summing to total, drawn around the mean; with pin_extremes the smallest is set
    to lo and the largest to hi, so that a published range (e.g. "3-36 per day") is met exactly."""
    mean = total / n
    values = [min(hi, max(lo, round(rng.gauss(mean, mean * spread_factor)))) for _ in range(n)]
    frozen = ()
    if pin_extremes:
        i_lo = values.index(min(values))
        values[i_lo] = lo
        i_hi = max(range(n), key=lambda i: (values[i], i != i_lo))
        values[i_hi] = hi
        frozen = (i_lo, i_hi)
    return fit_total(rng, values, total, lo, hi, frozen)


def expand(rng, table):
    """[(code, count), ...] -> shuffled list with exactly count copies of each code."""
    items = [code for code, count in table for _ in range(count)]
    rng.shuffle(items)
    return items


def place_on_days(rng, day_caps, visits, start):
    """Puts person p on visits[p] distinct days from day index start[p] on, so that day d gets exactly day_caps[d]
    persons. Gale-Ryser style construction: the most constrained persons first (visits / days available), each
    onto the days with most room left."""
    room = list(day_caps)
    placed = [None] * len(visits)
    for p in sorted(range(len(visits)), key=lambda p: -visits[p] / (len(room) - start[p])):
        tie = [rng.random() for _ in room]
        days = sorted(range(start[p], len(room)), key=lambda d: (-room[d], tie[d]))[:visits[p]]
        assert all(room[d] > 0 for d in days), "visits cannot be placed on the opening days"
        for d in days:
            room[d] -= 1
        placed[p] = sorted(days)
    assert not any(room)
    return placed


# ==== Programmes (report section 9: the six outreach programmes of 2012)
PROGRAMME_FIELDS = ["code", "nameDa", "nameEn", "kind", "city", "operator"]
PROGRAMMES = [dict(zip(PROGRAMME_FIELDS, row)) for row in [  # city None: nationwide
    ("STREET_COPENHAGEN", "Opsøgende indsats på gaden, København", "Street outreach, Copenhagen", "STREET",
     "København", "Reden International / CMM"),
    ("STREET_ODENSE", "Opsøgende indsats på gaden, Odense", "Street outreach, Odense", "STREET", "Odense",
     "Reden Odense / Pro Vest"),
    ("CLINIC_OUTREACH", "Opsøgende indsats på klinikker", "Outreach to massage clinics", "MASSAGE_CLINICS", None,
     "CMM"),
    ("MEETING_PLACE_VESTERBRO", "Mødestedet/Sundhedsklinikken på Vesterbro (MØS)",
     "Meeting place and health clinic, Vesterbro", "MEETING_PLACE", "København", "Reden International"),
    ("DROP_IN_FREDERICIA", "Drop-in/Sundhedsklinikken Fredericia", "Drop-in and health clinic, Fredericia", "DROP_IN",
     "Fredericia", "Reden Fredericia"),
    ("MOBILE_HEALTH", "Mobile sundhedstilbud", "Mobile health service", "MOBILE_HEALTH", None, "CMM")]]

# ==== Persons assessed in 2012 (report sections 2-8): one row per group of identical persons
F, M = "FEMALE", "MALE"
IS, CMM = "IMMIGRATION_SERVICE", "CMM"         # 45 IS (no legal stay), 21 CMM (legal stay: all EU citizens + 5)
POL, OUT, PAR = "POLICE", "OUTREACH", "PARTNER"
PROST, FL, CRIME, MARR = "PROSTITUTION", "FORCED_LABOUR", "CRIME", "MARRIAGE"
ODE, CLI, MOS, MOB = "STREET_ODENSE", "CLINIC_OUTREACH", "MEETING_PLACE_VESTERBRO", "MOBILE_HEALTH"
IOM, ACR, EU, DEC = "PREPARED_RETURN_IOM", "ASSISTED_RETURN_CMM", "STAYED_EU_CITIZEN", "DECLINED_OR_LEFT"
SUP, ASY, UNK = "IN_SUPPORT", "ASYLUM_PROCESS", "OTHER_OR_UNKNOWN"
CRISIS, HOTEL, PRIV, ASYC, OTH = "CRISIS_CENTRE", "HOTEL", "PRIVATE", "ASYLUM_CENTRE", "OTHER"


def group(n, nat, gender, expl, by, channel, status, acc=None, sector=None, prog=None, equiv=None, early=False):
    """n persons alike in everything the report breaks down. `early`: declined support at once (short stay,
    no accommodation); `prog`: outreach programme (None for OUTREACH = prisons and the asylum system)."""
    return dict(n=n, nationality=nat, gender=gender, exploitation=expl, assessedBy=by, contactChannel=channel,
                status=status, accommodation=acc, labourSector=sector, contactProgramme=prog,
                returnSupportEquivalentToIom=equiv, early=early)


PERSONS_2012 = [
    # 7 prepared returns via IOM: all women, 29-147 days, 1 privately housed, 6 at a crisis centre
    group(3, "NG", F, PROST, IS, POL, IOM, CRISIS),
    group(1, "NG", F, PROST, IS, OUT, IOM, CRISIS, prog=MOS),
    group(1, "NG", F, FL, IS, PAR, IOM, PRIV, sector="DOMESTIC_WORK"),
    group(1, "TH", F, PROST, IS, POL, IOM, CRISIS),
    group(1, "UG", F, PROST, IS, OUT, IOM, CRISIS, prog=MOB),
    # 10 returns assisted by CMM: 0-24 days, 5 at a hotel, 5 at a crisis centre, 5 with support equal to IOM's
    group(2, "RO", F, PROST, CMM, POL, ACR, HOTEL, equiv=False),
    group(1, "RO", F, PROST, CMM, OUT, ACR, CRISIS, prog=ODE, equiv=True),
    group(1, "RO", M, FL, CMM, PAR, ACR, HOTEL, sector="CLEANING", equiv=False),
    group(2, "BG", F, PROST, CMM, POL, ACR, CRISIS, equiv=True),
    group(1, "PL", M, FL, CMM, PAR, ACR, HOTEL, sector="CLEANING", equiv=False),
    group(1, "HU", F, PROST, CMM, OUT, ACR, CRISIS, prog=ODE, equiv=True),
    group(1, "LT", M, FL, CMM, PAR, ACR, HOTEL, sector="CONSTRUCTION", equiv=False),
    group(1, "TH", F, FL, CMM, OUT, ACR, CRISIS, sector="MASSAGE_CLINIC", prog=CLI, equiv=True),
    # 3 EU citizens who stayed: a Romanian married couple and a Slovak woman
    group(1, "RO", M, FL, CMM, PAR, EU, PRIV, sector="CLEANING"),
    group(1, "RO", F, FL, CMM, PAR, EU, PRIV, sector="CLEANING"),
    group(1, "SK", F, PROST, CMM, POL, EU, CRISIS),
    # 26 declined or left support: 0-186 days
    group(3, "NG", F, PROST, IS, POL, DEC, early=True),
    group(5, "NG", F, PROST, IS, POL, DEC, CRISIS),
    group(1, "NG", F, PROST, IS, POL, DEC, PRIV),
    group(1, "NG", F, PROST, IS, OUT, DEC, CRISIS, prog=ODE),
    group(1, "NG", F, PROST, IS, OUT, DEC, CRISIS, prog=MOS),
    group(2, "TH", F, PROST, IS, POL, DEC, CRISIS),
    group(1, "TH", F, PROST, CMM, OUT, DEC, PRIV, prog=CLI),
    group(2, "TH", F, PROST, IS, OUT, DEC, prog=CLI, early=True),
    group(1, "RO", F, PROST, CMM, POL, DEC, early=True),
    group(1, "RO", F, PROST, CMM, POL, DEC, CRISIS),          # "had a return ticket": a short stay
    group(1, "GH", F, PROST, IS, POL, DEC, CRISIS),
    group(1, "CM", F, PROST, IS, POL, DEC, CRISIS),
    group(1, "KE", F, PROST, IS, PAR, DEC, CRISIS),
    group(1, "BR", F, PROST, IS, POL, DEC, CRISIS),
    group(1, "DO", F, PROST, IS, POL, DEC, early=True),
    group(1, "CN", M, FL, CMM, PAR, DEC, OTH, sector="RESTAURANT"),   # work permit: legal stay
    group(1, "RO", M, CRIME, CMM, OUT, DEC, OTH),                      # met in prison
    group(1, "VN", M, FL, IS, POL, DEC, OTH, sector="CANNABIS_PRODUCTION"),
    # the remaining 20 in other situations (illustrative split: 10 in support, 6 asylum, 4 other/unknown)
    group(1, "RO", M, CRIME, CMM, OUT, UNK, OTH),                      # prison
    group(1, "NG", F, CRIME, IS, OUT, UNK, OTH),                       # prison
    group(1, "IQ", F, MARR, IS, OUT, ASY, ASYC),                       # asylum system
    group(1, "IR", F, PROST, IS, OUT, ASY, ASYC),
    group(1, "ER", F, PROST, IS, OUT, ASY, ASYC),
    group(2, "NG", F, PROST, IS, OUT, ASY, ASYC),
    group(1, "SL", F, FL, IS, OUT, ASY, ASYC, sector="DOMESTIC_WORK"),
    group(1, "NG", F, PROST, IS, OUT, SUP, CRISIS, prog=ODE),
    group(1, "TH", F, FL, CMM, OUT, SUP, CRISIS, sector="MASSAGE_CLINIC", prog=CLI),
    group(1, "NG", F, PROST, IS, OUT, SUP, CRISIS, prog=MOS),
    group(1, "TH", F, PROST, IS, OUT, SUP, PRIV, prog=MOS),
    group(1, "CO", F, PROST, IS, OUT, SUP, CRISIS, prog=MOB),
    group(1, "NG", F, PROST, IS, POL, SUP, CRISIS),
    group(1, "GH", M, FL, IS, POL, SUP, OTH, sector="CLEANING"),
    group(1, "GH", F, FL, IS, POL, SUP, CRISIS, sector="CLEANING"),
    group(1, "UG", F, FL, IS, POL, UNK, OTH, sector="DOMESTIC_WORK"),
    group(1, "PH", F, FL, CMM, PAR, SUP, PRIV, sector="DOMESTIC_WORK"),  # au pair: legal stay
    group(1, "CN", M, FL, IS, POL, SUP, OTH, sector="RESTAURANT"),
    group(1, "BR", F, FL, IS, POL, UNK, OTH, sector="CLEANING"),
]
OUTCOME_STATUSES = {IOM, ACR, EU, DEC}                   # these took effect in 2012: outcomeYear 2012
STAY_RANGES = {IOM: (29, 147), ACR: (0, 24), DEC: (0, 186)}  # published min-max days in Denmark
AGE_MEANS = {PROST: 27, FL: 35, CRIME: 27, MARR: 22}    # illustrative; the total is fitted to mean 30 below
PERSON_FIELDS = ["caseRef", "assessmentYear", "assessmentDate", "assessedBy", "contactChannel", "contactProgramme",
                 "nationality", "gender", "ageAtIdentification", "ageGroup", "exploitation", "labourSector",
                 "status", "outcomeYear", "stayDays", "accommodation", "returnSupportEquivalentToIom"]


def build_persons_2012():
    rng = rng_for("persons-2012")
    people = [dict(g) for g in PERSONS_2012 for _ in range(g["n"])]
    # Ages 18-61, mean 30 (66 x 30 = 1980): draw around a mean per exploitation, pin the youngest to 18 and the
    # oldest to 61, then nudge the others (staying within 19-60) until the sum is exactly 1980.
    ages = [min(56, round(19 + rng.gammavariate(2, (AGE_MEANS[p["exploitation"]] - 19) / 2))) for p in people]
    youngest, oldest = ages.index(min(ages)), ages.index(max(ages))
    ages[youngest], ages[oldest] = 18, 61
    fit_total(rng, ages, 30 * len(people), 19, 60, frozen=(youngest, oldest))
    # Days in Denmark: early decliners 0-7, others in the published range, most of them towards its short end;
    # then the shortest stay of each status is pinned to the published minimum and the longest to the maximum.
    for status, (lo, hi) in STAY_RANGES.items():
        members = [p for p in people if p["status"] == status]
        for p in members:
            low = lo if status != DEC else 8
            p["stayDays"] = rng.randint(lo, 7) if p["early"] else round(rng.triangular(low, hi, low + (hi - low) / 4))
        min(members, key=lambda p: p["stayDays"])["stayDays"] = lo
        max(members, key=lambda p: p["stayDays"])["stayDays"] = hi
    for p, age in zip(people, ages):
        p["ageAtIdentification"] = age
        # Assessment date: a workday such that departure (date + stayDays) still falls in 2012; EU citizens who
        # stayed were assessed in the first half (their reflection period ended in 2012); persons still in
        # support at the cut-off (January 2013) were assessed in the autumn.
        earliest = dt.date(YEAR, 8, 1) if p["status"] == SUP else JAN1
        latest = dt.date(YEAR, 6, 30) if p["status"] == EU else DEC31 - dt.timedelta(days=p.get("stayDays", 0))
        p["assessmentDate"] = rng.choice([d for d in WORKDAYS if earliest <= d <= latest])
        p["assessmentYear"] = YEAR
        p["outcomeYear"] = YEAR if p["status"] in OUTCOME_STATUSES else None
        p["tie"] = rng.random()
    # Case references in order of assessment: 2012-001 .. 2012-066
    people.sort(key=lambda p: (p["assessmentDate"], p["tie"]))
    for i, p in enumerate(people, 1):
        p["caseRef"] = f"{YEAR}-{i:03d}"
        p["assessmentDate"] = p["assessmentDate"].isoformat()
    return [{k: p.get(k) for k in PERSON_FIELDS} for p in people]


# ==== Persons of other years: the published totals and nothing more (2009, 2010, 2013, 2014 unknown: no records)
PUBLISHED_TOTALS = {2007: 17, 2008: 28, 2011: 60, 2015: 93, 2016: 121, 2017: 98, 2018: 97, 2019: 64, 2020: 77,
                    2021: 80, 2022: 73, 2023: 112}
# 2011: 3 in forced labour, 3 minors (exact age unknown), and 6 women who got an IOM prepared return in 2012
# (report: "13 prepared returns in 2012, 6 assessed before 2012, all women"). Their nationalities are illustrative.
IOM_2011_NATIONALITIES = ["NG", "NG", "NG", "TH", "RO", "UG"]


def build_persons_other_years():
    rng = rng_for("persons-other-years")
    records = []
    for year, total in PUBLISHED_TOTALS.items():
        year_records = [{"caseRef": f"{year}-{i:03d}", "assessmentYear": year} for i in range(1, total + 1)]
        if year == 2011:
            chosen = rng.sample(range(total), 12)  # which case numbers carry the known facts: illustrative
            for i in chosen[:3]:
                year_records[i]["exploitation"] = FL
            for i in chosen[3:6]:
                year_records[i]["ageGroup"] = "UNDER_18"
            for i, nat in zip(chosen[6:], IOM_2011_NATIONALITIES):
                year_records[i].update(nationality=nat, gender=F, status=IOM, outcomeYear=YEAR)
        records += [{k: r.get(k) for k in PERSON_FIELDS} for r in year_records]
    return records


# ==== Outreach activities 2012 (report section 9)
def activity(code, n, date, observed=None, observed_new=None, contacts=()):
    return dict(activityId=f"{code}-{YEAR}-{n:03d}", date=date.isoformat(), programme=code, observed=observed,
                observedNew=observed_new, contacts=list(contacts) or None)


def contact(pseudonym=None, nationality=None, new=None, health=None, abortion=False):
    return dict(pseudonym=pseudonym, nationality=nationality, newPerson=new, healthServiceUsed=health,
                referrals=["ABORTION"] if abortion else None)


def numbered(code, dates, contacts_per_day):
    """Activities of a programme numbered in date order; contacts_per_day maps a date's index to its contacts."""
    return [activity(code, i, d, contacts=contacts_per_day.get(i - 1, ())) for i, d in enumerate(dates, 1)]


def pseudonymous_programme(rng, code, prefix, dates, day_caps, visits, nationalities, new_count, health=None,
                           abortion_persons=0):
    """Contacts with known persons: person p comes on visits[p] distinct days (day_caps[d] persons on day d).
    new_count persons (chosen at random) are new in 2012: each arrives on a random day, leaving room for her
    visits, and her first contact carries newPerson:true (new_count None: not reported, no flags).
    health: None (no health service), a number of uses spread over all contacts, or a dict person -> uses.
    abortion_persons: that many health users get one ABORTION referral at one of their health contacts."""
    is_new = None if new_count is None else set(rng.sample(range(len(visits)), new_count))
    start = [rng.randint(0, max(0, len(dates) - round(1.3 * v))) if is_new and p in is_new else 0
             for p, v in enumerate(visits)]
    placed = place_on_days(rng, day_caps, visits, start)
    persons = sorted(range(len(visits)), key=lambda p: (placed[p][0], rng.random()))
    pseudonym = {p: f"{prefix}-{i:04d}" for i, p in enumerate(persons, 1)}   # numbered by first appearance
    pairs = [(p, d) for p in range(len(visits)) for d in placed[p]]
    if isinstance(health, dict):
        used = {(p, d) for p, uses in health.items() for d in rng.sample(placed[p], uses)}
    else:
        used = set(rng.sample(pairs, health or 0))
    abortion = {(p, rng.choice(sorted(d for q, d in used if q == p)))
                for p in rng.sample(sorted({p for p, _ in used}), abortion_persons)}
    per_day = defaultdict(list)
    for p, d in sorted(pairs, key=lambda pd: pseudonym[pd[0]]):
        new = None if is_new is None else (p in is_new and d == placed[p][0])
        per_day[d].append(contact(pseudonym[p], nationalities[p], new=new,
                                  health=None if health is None else (p, d) in used, abortion=(p, d) in abortion))
    return numbered(code, dates, per_day)


def build_activities():
    acts = []
    # STREET_COPENHAGEN: 40 patrols (Friday nights), 674 women observed, 135 of them new; no personal contacts.
    rng = rng_for("street-copenhagen")
    fridays = sorted(rng.sample(open_days({FRI}), 40))
    observed = spread(rng, 40, 674, 5, 35)
    new = fit_total(rng, [round(o * rng.uniform(0.1, 0.3)) for o in observed], 135, 0, observed)  # new <= observed
    acts += [activity("STREET_COPENHAGEN", i, d, o, n) for i, (d, o, n) in enumerate(zip(fridays, observed, new), 1)]

    # STREET_ODENSE: 62 visits (every Tuesday + 11 Thursdays), 193 contacts with 21 women of 6 nationalities,
    # 9 of them new.
    rng = rng_for("street-odense")
    dates = sorted(open_days({TUE}) + rng.sample(open_days({THU}), 11))
    nats = expand(rng, [("DK", 6), ("RO", 5), ("NG", 4), ("BG", 3), ("HU", 2), ("TH", 1)])
    acts += pseudonymous_programme(rng, "STREET_ODENSE", "ODE", dates, spread(rng, 62, 193, 0, 8),
                                   spread(rng, 21, 193, 1, 40, spread_factor=0.9), nats, new_count=9)

    # CLINIC_OUTREACH: 370 visits on workdays, personal contact with 384 persons, all anonymous.
    # Contacts per visit (illustrative): 60 visits with none, 249 with one, 48 with two, 13 with three = 384.
    rng = rng_for("clinic-outreach")
    dates = sorted(rng.choice(WORKDAYS) for _ in range(370))
    per_visit = expand(rng, [(0, 60), (1, 249), (2, 48), (3, 13)])
    nats = expand(rng, [("TH", 220), ("CN", 30), ("RO", 25), ("BR", 12), ("BG", 12), ("PL", 10), ("VN", 10),
                        ("PH", 10), ("LT", 5), ("HU", 5), (None, 45)])   # None: nationality not noted
    it = iter(nats)
    acts += numbered("CLINIC_OUTREACH", dates, {i: [contact(nationality=next(it)) for _ in range(k)]
                                                  for i, k in enumerate(per_visit)})

    # MEETING_PLACE_VESTERBRO (MØS): open Tue-Thu except holidays, summer weeks 29-30 and Christmas week 52
    # = 145 opening days; used 2907 times (3-36 per day, 20.05 on average); 350 unique users, 200 of them new;
    # health service used 500 times, 1-11 times per woman; 50 abortion referrals.
    rng = rng_for("meeting-place")
    dates = open_days({TUE, WED, THU}, closed_weeks={29, 30, 52})
    assert len(dates) == 145
    day_caps = spread(rng, 145, 2907, 3, 36, pin_extremes=True)
    visits = [min(120, max(1, round(rng.expovariate(1 / 8.3)))) for _ in range(350)]
    fit_total(rng, visits, 2907, 1, 120)
    nats = expand(rng, [("NG", 95), ("RO", 70), ("TH", 45), ("BG", 30), ("GH", 15), ("DK", 15), ("LT", 10),
                        ("HU", 10), ("PL", 8), ("BR", 8), ("UA", 6), ("DO", 6), ("UG", 6), ("KE", 5), ("CM", 4),
                        ("SK", 4), ("CN", 4), ("PH", 3), ("VN", 2), ("LV", 2), ("EE", 2)])
    # 140 health users (illustrative): uses 1-11 each, never more than her visits, 500 in all
    users = rng.sample(range(350), 140)
    most = max(users, key=lambda p: visits[p])          # a frequent visitor: the woman with 11 uses
    assert visits[most] >= 11
    caps = [min(11, visits[p]) for p in users]
    uses = [min(c, max(1, round(rng.expovariate(1 / 3.5)))) for c in caps]
    top, low = users.index(most), 1 if users[0] == most else 0
    uses[top], uses[low] = 11, 1                         # the published range 1-11 per woman
    fit_total(rng, uses, 500, 1, caps, frozen=(top, low))
    acts += pseudonymous_programme(rng, "MEETING_PLACE_VESTERBRO", "MOS", dates, day_caps, visits, nats,
                                   new_count=200, health=dict(zip(users, uses)), abortion_persons=50)

    # DROP_IN_FREDERICIA: Tuesdays except Christmas Day and summer week 29 (50 ISO weeks) + 2 extra Thursdays
    # = 52 opening days; used 552 times (11.04 per active week), 23 nationalities, health service used 167 times
    # (3.21 per opening day). New women: 40 of 90 users (illustrative; the old database could not tell).
    rng = rng_for("drop-in-fredericia")
    dates = sorted(open_days({TUE}, closed_weeks={29}) + [dt.date(YEAR, 3, 8), dt.date(YEAR, 10, 4)])
    assert len(dates) == 52 and len({d.isocalendar()[:2] for d in dates}) == 50
    nats = expand(rng, [("RO", 15), ("NG", 12), ("TH", 10), ("BG", 8), ("PL", 5), ("LT", 4), ("HU", 4),
                        ("GH", 4), ("DK", 4), ("UA", 3), ("BR", 3), ("DO", 3), ("KE", 2), ("UG", 2), ("CN", 2),
                        ("PH", 2), ("VN", 1), ("LV", 1), ("SK", 1), ("EE", 1), ("CM", 1), ("RU", 1), ("MN", 1)])
    acts += pseudonymous_programme(rng, "DROP_IN_FREDERICIA", "FRE", dates, spread(rng, 52, 552, 4, 18),
                                   spread(rng, 90, 552, 1, 40, spread_factor=0.8), nats, new_count=40, health=167)

    # MOBILE_HEALTH: weekly Wednesday sessions except holidays and summer weeks 28-31 = 47 sessions;
    # contact with 188 persons (one contact each), 169 health examinations.
    rng = rng_for("mobile-health")
    dates = open_days({WED}, closed_weeks={28, 29, 30, 31})
    assert len(dates) == 47
    nats = expand(rng, [("TH", 70), ("RO", 25), ("CN", 20), ("NG", 20), ("BG", 12), ("PL", 8), ("BR", 8),
                        ("PH", 8), ("VN", 7), ("LT", 5), ("HU", 5)])
    acts += pseudonymous_programme(rng, "MOBILE_HEALTH", "MOB", dates, spread(rng, 47, 188, 1, 8), [1] * 188, nats,
                                   new_count=None, health=169)   # new persons not reported: no newPerson flags
    return acts


# ==== Hotline calls 2012: 182 calls, 111 from the police (55 custody, 22 coming operations, 34 follow-up)
HOTLINE_TABLE = [  # (count, callerType, reason); the split of the 71 non-police calls is illustrative
    (55, "POLICE", "PERSON_IN_CUSTODY"), (22, "POLICE", "UPCOMING_OPERATION"), (34, "POLICE", "CASE_FOLLOW_UP"),
    (12, "MUNICIPALITY", "CASE_FOLLOW_UP"), (6, "MUNICIPALITY", "OTHER"), (11, "NGO", "CASE_FOLLOW_UP"),
    (9, "NGO", "OTHER"), (6, "OTHER_AUTHORITY", "CASE_FOLLOW_UP"), (3, "OTHER_AUTHORITY", "OTHER"),
    (12, "PRIVATE_PERSON", "OTHER"), (2, "POSSIBLE_VICTIM", "CASE_FOLLOW_UP"), (5, "POSSIBLE_VICTIM", "OTHER"),
    (5, "OTHER", "OTHER")]


def build_hotline():
    rng = rng_for("hotline")
    calls = []
    for count, caller, reason in HOTLINE_TABLE:
        for _ in range(count):
            # the hotline is open around the clock: police calls any day, other callers on workdays
            date = rng.choice(ALL_DAYS if caller == "POLICE" else WORKDAYS)
            calls.append((date, rng.random(), caller, reason))
    calls.sort()
    return [dict(callId=f"{YEAR}-{i:03d}", date=d.isoformat(), callerType=c, reason=r)
            for i, (d, _, c, r) in enumerate(calls, 1)]


YEAR_NOTES = [dict(
    year=YEAR, contactsEstimateMin=800, contactsEstimateMax=1000, cutOffDate="2013-01-31", reconstructed=True,
    noteDa="Antallet af kontakter er et skøn, hvor gengangere så vidt muligt er sorteret fra; det kan ikke gøres "
           "fuldstændigt, da målgruppen kan forblive anonym i mødet med de opsøgende medarbejdere.",
    noteEn="The number of contacts is an estimate from which repeat contacts have been removed as far as possible; "
           "this cannot be done completely, since the target group can stay anonymous when meeting outreach staff.")]


# ==== Writing
def clean(value):
    """Drops absent (None) fields, recursively, keeping key order: unknown is omitted, never null."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


NATURAL_KEYS = {"programmes": "code", "persons": "caseRef", "outreach-activities": "activityId",
                "hotline-calls": "callId", "year-notes": "year"}


def write_jsonl(name, records):
    records = sorted((clean(r) for r in records), key=lambda r: r[NATURAL_KEYS[name]])
    with open(OUT_DIR / f"{name}.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {len(records):5d} records to {(OUT_DIR / name).relative_to(ROOT)}.jsonl")


# ==== Self-check: re-read the written files and check every published number (one line per check)
FAILURES = []


def check(label, actual, expected=True):
    ok = actual == expected
    print(f"{'ok  ' if ok else 'FAIL'} {label}: {actual}" + ("" if ok else f"  (expected {expected})"))
    if not ok:
        FAILURES.append(label)


def has_null(v):
    return v is None or any(map(has_null, v.values() if isinstance(v, dict) else v if isinstance(v, list) else []))


def read_jsonl(name):
    raw = (OUT_DIR / f"{name}.jsonl").read_bytes()
    records = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    keys = [r[NATURAL_KEYS[name]] for r in records]
    check(f"{name}.jsonl: LF only, final LF, sorted by unique {NATURAL_KEYS[name]}, no nulls",
          (b"\r" not in raw, raw.endswith(b"\n"), keys == sorted(set(keys)), any(map(has_null, records))),
          (True, True, True, False))
    return records


def regions():
    """Country -> region from the codebook; the brief's fallback rule if the codebook is not there yet."""
    if COUNTRIES_CSV.exists():
        lines = [l for l in COUNTRIES_CSV.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
        return {row["code"]: row["region"] for row in csv.DictReader(lines)}
    groups = {"AFRICA": "NG GH UG KE CM SL GM ER SO", "EUROPE": "RO BG SK LT LV PL HU UA",
              "ASIA": "TH PH CN VN MN", "MIDDLE_EAST": "IQ IR SY LB TR", "LATIN_AMERICA": "BR DO CO VE"}
    return {c: region for region, codes in groups.items() for c in codes.split()}


def tally(records, field, **where):
    """Counter of field over the records matching where (absent field counted as None)."""
    return dict(Counter(r.get(field) for r in records if all(r.get(k) == v for k, v in where.items())))


def self_check():
    print("\n--- self-check of the written files against the published figures ---")
    check("programmes", [p["code"] for p in read_jsonl("programmes")], sorted(p["code"] for p in PROGRAMMES))

    persons = read_jsonl("persons")
    p12 = [r for r in persons if r["assessmentYear"] == YEAR]
    check("person fields in contract order", all(list(r) == [f for f in PERSON_FIELDS if f in r] for r in persons))
    check("66 persons 2012-001..2012-066", [r["caseRef"] for r in p12] == [f"2012-{i:03d}" for i in range(1, 67)])
    check("assessedBy 45/21", tally(p12, "assessedBy"), {IS: 45, CMM: 21})
    check("contactChannel 33/24/9", tally(p12, "contactChannel"), {POL: 33, OUT: 24, PAR: 9})
    check("outreach programmes", tally(p12, "contactProgramme", contactChannel=OUT),
          {ODE: 4, CLI: 5, MOS: 4, MOB: 2, None: 9})
    check("Odense persons are women", tally(p12, "gender", contactProgramme=ODE), {F: 4})
    check("22 nationalities", len({r["nationality"] for r in p12}), 22)
    region = regions()
    check("regions", dict(Counter(region[r["nationality"]] for r in p12)),
          {"AFRICA": 31, "EUROPE": 16, "ASIA": 13, "LATIN_AMERICA": 4, "MIDDLE_EAST": 2})
    top = Counter(r["nationality"] for r in p12 if r["nationality"] in ("NG", "RO", "TH"))
    check("NG 22, RO 10, TH 9", dict(top), {"NG": 22, "RO": 10, "TH": 9})
    check(f"NG+RO+TH over 60 % ({100 * sum(top.values()) / 66:.1f} %)", sum(top.values()) / 66 > 0.6)
    check("stayed EU citizens: RO couple, SK woman",
          sorted((r["nationality"], r["gender"], r.get("outcomeYear")) for r in p12 if r["status"] == EU),
          [("RO", F, YEAR), ("RO", M, YEAR), ("SK", F, YEAR)])
    check("exploitation 45/17/3/1", tally(p12, "exploitation"), {PROST: 45, FL: 17, CRIME: 3, MARR: 1})
    check("prostitution: all women", tally(p12, "gender", exploitation=PROST), {F: 45})
    check("labour sectors", tally(p12, "labourSector", exploitation=FL), {"CLEANING": 7, "DOMESTIC_WORK": 4,
          "RESTAURANT": 2, "CONSTRUCTION": 1, "MASSAGE_CLINIC": 2, "CANNABIS_PRODUCTION": 1})
    check("labour sectors, men", tally(p12, "labourSector", exploitation=FL, gender=M),
          {"CLEANING": 4, "RESTAURANT": 2, "CONSTRUCTION": 1, "CANNABIS_PRODUCTION": 1})
    check("labour sectors, women", tally(p12, "labourSector", exploitation=FL, gender=F),
          {"CLEANING": 3, "DOMESTIC_WORK": 4, "MASSAGE_CLINIC": 2})
    check("gender 56/10", tally(p12, "gender"), {F: 56, M: 10})
    ages = [r["ageAtIdentification"] for r in p12]
    check("ages: min 18, max 61, every person aged, no ageGroup",
          (min(ages), max(ages), len(ages), any("ageGroup" in r for r in p12)), (18, 61, 66, False))
    check(f"mean age {sum(ages) / 66:.2f} in [29.6, 30.4]", 29.6 <= sum(ages) / 66 <= 30.4)
    check("status 7/10/3/26, other 20", Counter(r["status"] if r["status"] in OUTCOME_STATUSES else "other"
                                               for r in p12), {IOM: 7, ACR: 10, EU: 3, DEC: 26, "other": 20})
    stays = lambda status: (min(r["stayDays"] for r in p12 if r["status"] == status),  # noqa: E731
                            max(r["stayDays"] for r in p12 if r["status"] == status))
    check("IOM: women, 29-147 days", (tally(p12, "gender", status=IOM), stays(IOM)), ({F: 7}, (29, 147)))
    check("IOM: 1 private, 6 crisis centre", tally(p12, "accommodation", status=IOM), {PRIV: 1, CRISIS: 6})
    check("CMM returns: 0-24 days", stays(ACR), (0, 24))
    check("CMM returns: 5 hotel, 5 crisis centre", tally(p12, "accommodation", status=ACR), {HOTEL: 5, CRISIS: 5})
    check("CMM returns: 5 with support equal to IOM", tally(p12, "returnSupportEquivalentToIom", status=ACR),
          {True: 5, False: 5})
    check("declined/left: 0-186 days", stays(DEC), (0, 186))
    check("outcomeYear 2012 exactly for returns, stays, declined/left; stayDays exactly for returns, declined/left",
          all(r.get("outcomeYear") == (YEAR if r["status"] in OUTCOME_STATUSES else None) and
              ("stayDays" in r) == (r["status"] in STAY_RANGES) for r in p12))
    check("programme only with OUTREACH, labourSector only with FORCED_LABOUR, IOM-equivalence only on CMM returns",
          all(r.get(k) == v for r in persons for f, (k, v) in [("contactProgramme", ("contactChannel", OUT)),
              ("labourSector", ("exploitation", FL)), ("returnSupportEquivalentToIom", ("status", ACR))] if f in r))
    check("assessmentDate and assessmentDate + stayDays in 2012", all(
        (dt.date.fromisoformat(r["assessmentDate"]) + dt.timedelta(days=d)).year == YEAR
        for r in p12 for d in (0, r.get("stayDays", 0))))

    check("persons per year", dict(Counter(r["assessmentYear"] for r in persons)), {**PUBLISHED_TOTALS, YEAR: 66})
    check("years other than 2011/2012: caseRef + assessmentYear only",
          all(list(r) == ["caseRef", "assessmentYear"] for r in persons if r["assessmentYear"] not in (2011, YEAR)))
    p11 = [r for r in persons if r["assessmentYear"] == 2011]
    shapes = Counter(tuple(sorted(set(r) - {"caseRef", "assessmentYear"})) for r in p11)
    check("2011: 3 forced labour, 3 minors, 6 IOM women, 48 bare",
          (tally(p11, "exploitation").get(FL), tally(p11, "ageGroup").get("UNDER_18"), tally(p11, "status").get(IOM),
           shapes[()], len(shapes)), (3, 3, 6, 48, 4))
    iom = [r for r in persons if r.get("status") == IOM and r.get("outcomeYear") == YEAR]
    check("IOM returns in 2012 (all years): 13, all women, 6 assessed before 2012",
          (len(iom), tally(iom, "gender"), sum(r["assessmentYear"] < YEAR for r in iom)), (13, {F: 13}, 6))

    acts = read_jsonl("outreach-activities")
    prog = defaultdict(list)
    for a in acts:
        prog[a["programme"]].append(a)
    cs = {code: [c for a in lst for c in a.get("contacts", [])] for code, lst in prog.items()}
    check("activity ids, dates in 2012, no empty contact lists", all(
        a["activityId"].startswith(a["programme"] + "-2012-") and a["date"][:4] == "2012" and a.get("contacts") != []
        for a in acts))
    distinct = lambda code, field: len({c[field] for c in cs[code] if field in c})  # noqa: E731
    new = lambda code: len({c["pseudonym"] for c in cs[code] if c.get("newPerson")})  # noqa: E731
    cph = prog["STREET_COPENHAGEN"]
    check("Copenhagen: 40 patrols, 674 observed, 135 new, no contacts", (len(cph), sum(a["observed"] for a in cph),
          sum(a["observedNew"] for a in cph), len(cs["STREET_COPENHAGEN"])), (40, 674, 135, 0))
    check("observed/observedNew only on Copenhagen patrols",
          all(("observed" in a) == ("observedNew" in a) == (a["programme"] == "STREET_COPENHAGEN") for a in acts))
    check("Odense: 62 visits, 193 contacts, 21 women, 6 nationalities, 9 new",
          (len(prog[ODE]), len(cs[ODE]), distinct(ODE, "pseudonym"), distinct(ODE, "nationality"), new(ODE)),
          (62, 193, 21, 6, 9))
    check("clinics: 370 visits, 384 contacts, all anonymous",
          (len(prog[CLI]), len(cs[CLI]), distinct(CLI, "pseudonym")), (370, 384, 0))
    per_day = [len(a.get("contacts", [])) for a in prog[MOS]]
    check("MØS: 145 days, 2907 uses, 3-36 a day, mean 20", (len(per_day), sum(per_day), min(per_day),
          max(per_day), round(sum(per_day) / len(per_day))), (145, 2907, 3, 36, 20))
    check("MØS: 350 unique users, 200 new", (distinct(MOS, "pseudonym"), new(MOS)), (350, 200))
    uses = Counter(c["pseudonym"] for c in cs[MOS] if c["healthServiceUsed"])
    check("MØS: health service 500 times, 1-11 per woman", (sum(uses.values()), min(uses.values()),
          max(uses.values())), (500, 1, 11))
    check("MØS: 50 abortion referrals", sum(c.get("referrals", []).count("ABORTION") for c in cs[MOS]), 50)
    fre, fc = prog["DROP_IN_FREDERICIA"], cs["DROP_IN_FREDERICIA"]
    weeks = len({dt.date.fromisoformat(a["date"]).isocalendar()[:2] for a in fre})
    health = sum(c["healthServiceUsed"] for c in fc)
    check(f"Fredericia: 552 uses, 50 weeks ({len(fc) / weeks:.2f}/week), 52 days, 167 health "
          f"({health / len(fre):.2f}/day)", (len(fc), weeks, len(fre), health, round(len(fc) / weeks),
                                             round(health / len(fre), 1)), (552, 50, 52, 167, 11, 3.2))
    check("Fredericia: 23 nationalities, 40 new women", (distinct("DROP_IN_FREDERICIA", "nationality"),
                                                         new("DROP_IN_FREDERICIA")), (23, 40))
    check("mobile health: 188 contacts, 188 persons, 169 examinations",
          (len(cs[MOB]), distinct(MOB, "pseudonym"), sum(c["healthServiceUsed"] for c in cs[MOB])), (188, 188, 169))
    check("pseudonym + newPerson on every Odense, MØS, Fredericia contact", all(
        "pseudonym" in c and "newPerson" in c for code in (ODE, MOS, "DROP_IN_FREDERICIA") for c in cs[code]))
    seen, late_new = set(), 0
    for a in sorted(acts, key=lambda a: (a["date"], a["activityId"])):
        for c in a.get("contacts", []):
            key = (a["programme"], c.get("pseudonym"))
            late_new += bool(c.get("newPerson")) and (key in seen or key[1] is None)
            seen.add(key)
    check("newPerson only on a pseudonym's first contact of the year", late_new, 0)

    calls = read_jsonl("hotline-calls")
    check("hotline: 182 calls, 111 police", (len(calls), tally(calls, "callerType")["POLICE"]), (182, 111))
    check("police calls by reason", tally(calls, "reason", callerType="POLICE"),
          {"PERSON_IN_CUSTODY": 55, "UPCOMING_OPERATION": 22, "CASE_FOLLOW_UP": 34})
    check("non-police reasons", sorted({c["reason"] for c in calls if c["callerType"] != "POLICE"}),
          ["CASE_FOLLOW_UP", "OTHER"])
    check("year note 2012", [(n["year"], n["contactsEstimateMin"], n["contactsEstimateMax"], n["cutOffDate"],
                              n["reconstructed"]) for n in read_jsonl("year-notes")],
          [(YEAR, 800, 1000, "2013-01-31", True)])
    print(f"\n{'ALL CHECKS PASSED' if not FAILURES else f'{len(FAILURES)} CHECK(S) FAILED: {FAILURES}'}")
    return not FAILURES


if __name__ == "__main__":
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_jsonl("programmes", PROGRAMMES)
    write_jsonl("persons", build_persons_2012() + build_persons_other_years())
    write_jsonl("outreach-activities", build_activities())
    write_jsonl("hotline-calls", build_hotline())
    write_jsonl("year-notes", YEAR_NOTES)
    sys.exit(0 if self_check() else 1)
