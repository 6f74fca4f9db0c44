#!/usr/bin/env python3
"""A fake input for bayes_attack.py: made-up persons, published many times with noise (no server, no project code).

    python3 bayes_fixture.py OUT.json [--seeds 100] [--years 2012] [--persons 66] [--sigma 2] [--data-seed 1]

It imitates issue 22's layer as the attacker understands it, not as the server implements it: fixed persons per
year (skewed categories, about 66 a year); per seed, for every two-way table of the workload:
- the one-way totals are exact when 0 or at least 5, else noisy (discrete Gaussian noise, then the nearest
  non-negative whole numbers summing to the exact grand total, least absolute change);
- a two-way cell is exact when its row or column total is an exact 0 (a structural zero) and, in a few tables, when
  it is large (as a report's own number would be); every other cell gets noise and the table is post-processed to
  the nearest non-negative whole-number table (least total absolute change, an LP in scipy's HiGHS) that keeps the
  exact cells and sums to the published row and column totals; one cell of one table is left withheld (no number).
The margin is the 90 % half-width of the discrete Gaussian. The truth is included for scoring.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

DIMS = {
    "REGION": (["AFRICA", "ASIA", "EUROPE_EU", "EUROPE_NON_EU", "LATIN_AMERICA", "NORTH_AMERICA", "OCEANIA",
                "NOT_AVAILABLE"], [0.45, 0.22, 0.18, 0.08, 0.07, 0.0, 0.0, 0.0]),
    "GENDER": (["FEMALE", "MALE", "TRANSGENDER", "OTHER"], [0.72, 0.26, 0.02, 0.0]),
    "AGE_GROUP": (["AGE_0_17", "AGE_18_24", "AGE_25_29", "AGE_30_39", "AGE_40_49", "AGE_50_PLUS", "UNKNOWN"],
                  [0.05, 0.3, 0.25, 0.25, 0.1, 0.03, 0.02]),
    "EXPLOITATION": (["PROSTITUTION", "FORCED_LABOUR", "CRIME", "DOMESTIC", "OTHER", "UNKNOWN"],
                     [0.6, 0.25, 0.06, 0.05, 0.04, 0.0]),
    "CONTACT_CHANNEL": (["POLICE", "OUTREACH", "NGO", "ASYLUM", "HOTLINE", "OTHER"],
                        [0.35, 0.25, 0.15, 0.15, 0.06, 0.04]),
    "STATUS": (["IN_SUPPORT", "RETURNED", "ASYLUM_PROCESS", "DECLINED_OR_LEFT", "UNKNOWN"],
               [0.35, 0.2, 0.15, 0.25, 0.05]),
    "AUTHORITY": (["IMMIGRATION_SERVICE", "POLICE", "CMM"], [0.4, 0.35, 0.25]),
    "ACCOMMODATION": (["SHELTER", "ASYLUM_CENTRE", "HOTEL", "PRIVATE", "NONE", "UNKNOWN"],
                      [0.4, 0.2, 0.05, 0.1, 0.2, 0.05]),
}
N_NATIONALITIES = 40
WORKLOAD = [("REGION", "GENDER"), ("AGE_GROUP", "GENDER"), ("EXPLOITATION", "REGION"), ("CONTACT_CHANNEL", "REGION"),
            ("STATUS", "GENDER"), ("AUTHORITY", "GENDER"), ("AGE_GROUP", "EXPLOITATION"),
            ("ACCOMMODATION", "GENDER"), ("NATIONALITY", "GENDER")]


def persons(rng, n):
    """n persons as a dict dimension -> array of category indices; NATIONALITY nests in REGION."""
    p = {d: rng.choice(len(codes), size=n, p=np.array(w) / sum(w)) for d, (codes, w) in DIMS.items()}
    # 40 nationalities, 5 per region, skewed: the first of each region is the common one
    p["NATIONALITY"] = p["REGION"] * 5 + rng.choice(5, size=n, p=[0.55, 0.2, 0.12, 0.08, 0.05])
    return p


def codes(dim):
    if dim == "NATIONALITY":
        return [f"{r[:2]}{k}" for r in DIMS["REGION"][0] for k in range(5)]
    return DIMS[dim][0]


def discrete_gaussian(rng, sigma, size):
    """Draws from the discrete Gaussian by its pmf on a support of +-12 sigma (enough for a fake input)."""
    k = np.arange(-int(12 * sigma) - 1, int(12 * sigma) + 2)
    p = np.exp(-k * k / (2 * sigma * sigma))
    return rng.choice(k, size=size, p=p / p.sum())


def margin90(sigma):
    k = np.arange(-int(12 * sigma) - 1, int(12 * sigma) + 2)
    p = np.exp(-k * k / (2 * sigma * sigma))
    p /= p.sum()
    for m in range(0, len(k)):
        if p[np.abs(k) <= m].sum() >= 0.9:
            return m
    return None


def nearest(noisy, fixed, row_sums, col_sums):
    """The non-negative whole-number table nearest to `noisy` in total absolute change, with the cells where
    `fixed` >= 0 kept and the given row/column sums (None: free). Variables x, then d+ and d- per cell."""
    R, C = noisy.shape
    n = R * C
    c = np.concatenate([np.zeros(n), np.ones(2 * n)])
    A, lb, ub = [], [], []
    for i in range(R):
        for j in range(C):
            row = np.zeros(3 * n)
            k = i * C + j
            row[k], row[n + k], row[2 * n + k] = 1, -1, 1      # x - d+ + d- = noisy
            A.append(row), lb.append(noisy[i, j]), ub.append(noisy[i, j])
    for i, s in enumerate(row_sums):
        if s is not None:
            row = np.zeros(3 * n)
            row[i * C:(i + 1) * C] = 1
            A.append(row), lb.append(s), ub.append(s)
    for j, s in enumerate(col_sums):
        if s is not None:
            row = np.zeros(3 * n)
            row[j:n:C] = 1
            A.append(row), lb.append(s), ub.append(s)
    lo = np.zeros(3 * n)
    hi = np.full(3 * n, np.inf)
    f = fixed.ravel()
    lo[:n][f >= 0] = f[f >= 0]
    hi[:n][f >= 0] = f[f >= 0]
    integrality = np.concatenate([np.ones(n), np.zeros(2 * n)])
    res = milp(c, constraints=LinearConstraint(np.array(A), lb, ub), bounds=Bounds(lo, hi),
               integrality=integrality)
    if res.x is None:
        raise RuntimeError("post-processing infeasible: " + res.message)
    return np.rint(res.x[:n]).astype(int).reshape(R, C)


def one_way(rng, counts, total, sigma):
    """Published one-way cells: exact when 0 or >= 5, else noisy and post-processed to sum to the exact total."""
    exact = (counts == 0) | (counts >= 5)
    noisy = counts + discrete_gaussian(rng, sigma, counts.shape)
    fixed = np.where(exact, counts, -1)
    pub = nearest(noisy[None, :].astype(float), fixed[None, :], [total], [None] * len(counts))[0]
    return pub, ~exact


def publish_table(rng, a, b, p, sigma, margin, exact_large, withhold_one):
    ra, rb = codes(a), codes(b)
    truth = np.zeros((len(ra), len(rb)), dtype=int)
    np.add.at(truth, (p[a], p[b]), 1)
    total = int(truth.sum())
    rows, rows_noisy = one_way(rng, truth.sum(axis=1), total, sigma)
    cols, cols_noisy = one_way(rng, truth.sum(axis=0), total, sigma)
    structural = ((rows == 0) & ~rows_noisy)[:, None] | ((cols == 0) & ~cols_noisy)[None, :]
    exact = structural | (exact_large & (truth >= 10))
    noisy = truth + discrete_gaussian(rng, sigma, truth.shape)
    pub = nearest(noisy.astype(float), np.where(exact, truth, -1), list(rows), list(cols))
    cell = lambda c, n: {"count": int(c), "noisy": bool(n), "margin": margin if n else None}  # noqa: E731
    cells = [[cell(pub[i, j], not exact[i, j]) for j in range(len(rb))] for i in range(len(ra))]
    if withhold_one:   # one cell without a number (as the exact layer may still withhold one)
        nz = [(i, j) for i in range(len(ra)) for j in range(len(rb)) if not exact[i, j] and truth[i, j] > 0]
        i, j = nz[len(nz) // 2]
        cells[i][j] = {"count": None, "noisy": False, "margin": None}
    return {"name": f"{a}×{b}", "rows": ra, "columns": rb, "cells": cells,
            "rowTotals": [cell(rows[i], rows_noisy[i]) for i in range(len(ra))],
            "columnTotals": [cell(cols[j], cols_noisy[j]) for j in range(len(rb))],
            "total": cell(total, False), "truth": truth.tolist()}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--seeds", type=int, default=100)
    ap.add_argument("--years", default="2012")
    ap.add_argument("--persons", type=int, default=66)
    ap.add_argument("--sigma", type=float, default=2.0)
    ap.add_argument("--data-seed", type=int, default=1)
    args = ap.parse_args(argv)
    data = np.random.default_rng(args.data_seed)
    years = [int(y) for y in args.years.split(",")]
    people = {y: persons(data, args.persons + 4 * k) for k, y in enumerate(years)}
    margin = margin90(args.sigma)
    pubs = []
    for seed in range(1, args.seeds + 1):
        for y in years:
            rng = np.random.default_rng([seed, y])
            tables = [publish_table(rng, a, b, people[y], args.sigma, margin,
                                    exact_large=(a, b) in (("EXPLOITATION", "REGION"), ("STATUS", "GENDER")),
                                    withhold_one=(a, b) == ("STATUS", "GENDER"))
                      for a, b in WORKLOAD]
            pubs.append({"seed": seed, "year": y, "tables": tables})
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"sigma": args.sigma, "publications": pubs}, f)
    print(f"{len(pubs)} publications of {len(WORKLOAD)} tables to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
