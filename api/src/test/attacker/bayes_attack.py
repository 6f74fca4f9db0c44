#!/usr/bin/env python3
"""The Bayesian attacker of issue 22: what a public caller can infer about a small count from the noisy tables.

The public API publishes, for the workload's two-way tables, every cell the exact layer withholds as a noisy count:
the true count plus discrete Gaussian noise N_Z(0, sigma^2), drawn once at publication, then post-processed to the
nearest non-negative whole-number table (least total absolute change) that keeps the exact cells (published cells,
structural zeros), and whose rows and columns sum to the one-way totals (exact, or noisy themselves). This program
reads such publications (the same data published with several seeds, each attacked on its own) and, for every
noisy cell whose true count is 1 to 4, computes the posterior distribution of its true count given the public table.

It shares no code with the server: it reads a JSON file (argv[1]; its format is in README-bayes.md beside this
file) and knows sigma, the mechanism and the post-processing rule, as issue 22's attacker does.

The model, per table and publication:
- Prior: uniform over the non-negative whole-number tables that keep every exact cell and sum to every exact row,
  column and grand total.
- Likelihood (an approximation): the product over the noisy cells of the discrete Gaussian pmf
  exp(-(obs - t)^2 / (2 sigma^2)) / Z(sigma), obs the published (post-processed) count and t the true one, times the
  same factor for every noisy row or column total (obs against the sum of its true cells) and a noisy grand total.
  Noisy totals are observations, not constraints. The exact likelihood is that of the post-processed table, a
  many-to-one image of the raw noisy table (the LP maps a set of raw tables to each published one); it has no
  closed form. The approximation treats the published value as if it were the raw noisy value. It is reasonable
  because the post-processing only moves values toward the constraints the truth satisfies anyway (exact totals,
  non-negativity, structural zeros): the published table is at least as close to the truth in sum, so the
  published counts' deviations from the truth are no larger in total than the noise's, and the prior already
  carries the constraints the LP enforces. Z(sigma) does not depend on t and cancels. A noisy count's true value
  is searched within +-6 sigma of what was published (a likelihood ratio of exp(-18) at the edge), widened to
  +-12 sigma and then to no bound when that leaves no table.
- Posterior marginals are computed exactly by forward-backward dynamic programming over the unknown cells in row
  order: the state is the vector of partial column sums of the unknown cells at a row boundary (each within the
  window the rows before and after allow), plus the row's own partial sum inside a row (for its exact total or its
  noisy observation). When every row total is exact one column is left out of the state (its partial sum is the
  rows' sum less the others'); the table is transposed when that is cheaper. Where the enumeration would cost more
  than --max-cost, it falls back to Metropolis MCMC over the same fibre (2x2 swaps, and pairs or single cells along
  totals that are not exact: moves that keep the exact cells and every exact total), two chains from different
  starting tables (MILP with random objectives), and reports the split R-hat and effective sample size of the
  indicator "cell = truth" at the target cells.

For each target (a noisy cell whose truth is 1..4) it reports the posterior probability of the true value, of 0,
and the posterior mode; hit = the mode is the truth (a tie of k modes counts 1/k). Issue 22's targets: P(true value)
<= 0.5 at every target, P(0) >= 0.05 at every target, mean hit rate <= 0.35.

    python3 bayes_attack.py INPUT.json [--out RESULT.json] [--verbose]
    python3 bayes_attack.py --selftest

Without --out the result is JSON on stdout (its "summary" is the one-line human summary); with --out the JSON goes
to the file and stdout has the summary line only. Exit 0 when it ran (the guarantee is judged from the JSON's
"targetsMet"), 1 when --selftest fails, 2 when the input cannot be read.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
import time

import numpy as np

EXACT, NOISY, WITHHELD = 0, 1, 2
P_TRUE_MAX, P_ZERO_MIN, HIT_RATE_MAX = 0.5, 0.05, 0.35   # issue 22's targets
TARGET_MIN, TARGET_MAX = 1, 4
WIDTHS = (6.0, 12.0, None)                                 # truncation of a noisy count around its value, in sigmas
PRUNE = 1e-14                                              # a row vector lighter than this times the row's heaviest


class Infeasible(Exception):
    pass


class TooLarge(Exception):
    pass


# --------------------------------------------------------------------------------------------------------------
# The public table
# --------------------------------------------------------------------------------------------------------------

def kind_of(number):
    """EXACT, NOISY or WITHHELD, and the value (None when withheld), of a published number {count, noisy, margin}."""
    if number is None or number.get("count") is None:
        return WITHHELD, None
    return (NOISY if number.get("noisy") else EXACT), float(number["count"])


class Table:
    """One published two-way table: kinds and values of the cells, of the row and column totals and of the total."""

    def __init__(self, kind, val, rk, rv, ck, cv, gk, gv):
        self.kind = np.asarray(kind, dtype=int)          # R x C
        self.val = np.asarray(val, dtype=float)          # exact count or published noisy count; nan when withheld
        self.rk, self.rv = list(rk), list(rv)
        self.ck, self.cv = list(ck), list(cv)
        self.gk, self.gv = gk, gv

    @staticmethod
    def parse(t):
        R, C = len(t["cells"]), len(t["cells"][0]) if t["cells"] else 0
        kind = np.full((R, C), WITHHELD)
        val = np.full((R, C), np.nan)
        for i, row in enumerate(t["cells"]):
            for j, c in enumerate(row):
                k, v = kind_of(c)
                kind[i, j] = k
                if v is not None:
                    val[i, j] = v
        rows = [kind_of(x) for x in (t.get("rowTotals") or [None] * R)]
        cols = [kind_of(x) for x in (t.get("columnTotals") or [None] * C)]
        gk, gv = kind_of(t.get("total"))
        return Table(kind, val, [k for k, _ in rows], [v for _, v in rows], [k for k, _ in cols],
                     [v for _, v in cols], gk, gv)

    def transposed(self):
        return Table(self.kind.T, self.val.T, self.ck, self.cv, self.rk, self.rv, self.gk, self.gv)


def gauss(x, sigma):
    x = np.asarray(x, dtype=float)
    return np.exp(-(x * x) / (2.0 * sigma * sigma))


def total_factor(kind, value, exact_part, sigma):
    """The factor of a total on the sum t of its unknown cells: an indicator when exact, the pmf when noisy."""
    if kind == EXACT:
        m = value - exact_part
        return lambda t: (np.asarray(t) == m).astype(float)
    if kind == NOISY:
        obs = value - exact_part
        return lambda t: gauss(obs - np.asarray(t), sigma)
    return lambda t: np.ones(np.shape(t))


class Model:
    """The unknown cells of a table with their value ranges [lo, hi] and likelihood weights, for a truncation width
    (in sigmas, None: none)."""

    def __init__(self, table: Table, sigma: float, width):
        self.t, self.sigma = table, sigma
        T = table
        R, C = T.kind.shape
        self.R, self.C = R, C
        known = np.where(T.kind == EXACT, T.val, 0.0)
        self.row_exact = known.sum(axis=1)
        self.col_exact = known.sum(axis=0)
        self.all_exact = known.sum()
        slack = (width * sigma) if width is not None else math.inf
        finite = [v for v in list(T.val[~np.isnan(T.val)]) + T.rv + T.cv + [T.gv] if v is not None]
        default_cap = int(math.ceil((max(finite) if finite else 0) + (slack if width is not None else 12 * sigma)))

        def cap(kind, value, exact_part):
            if kind == EXACT:
                return value - exact_part
            if kind == NOISY and width is not None:
                return math.floor(value - exact_part + slack)
            return math.inf

        rcap = [cap(T.rk[i], T.rv[i], self.row_exact[i]) for i in range(R)]
        ccap = [cap(T.ck[j], T.cv[j], self.col_exact[j]) for j in range(C)]
        gcap = cap(T.gk, T.gv, self.all_exact)
        for c in rcap + ccap + [gcap]:
            if c < 0:
                raise Infeasible("an exact total is smaller than its exact cells")
        self.rcap, self.ccap = rcap, ccap
        self.unknown = T.kind != EXACT
        self.lo = np.zeros((R, C), dtype=int)
        self.hi = np.zeros((R, C), dtype=int)
        self.w = {}
        for i in range(R):
            for j in range(C):
                if not self.unknown[i, j]:
                    continue
                hi = min(rcap[i], ccap[j], gcap)
                lo = 0
                if T.kind[i, j] == NOISY and width is not None:
                    hi = min(hi, math.floor(T.val[i, j] + slack))
                    lo = max(0, math.ceil(T.val[i, j] - slack))
                if hi == math.inf:
                    hi = default_cap
                hi = int(hi)
                if hi < lo:
                    raise Infeasible(f"cell {i},{j}: no value within the width")
                self.lo[i, j], self.hi[i, j] = lo, hi
                values = np.arange(lo, hi + 1)
                self.w[i, j] = gauss(T.val[i, j] - values, sigma) if T.kind[i, j] == NOISY else np.ones(len(values))
        self.rf = [total_factor(T.rk[i], T.rv[i], self.row_exact[i], sigma) for i in range(R)]
        self.cf = [total_factor(T.ck[j], T.cv[j], self.col_exact[j], sigma) for j in range(C)]
        self.gf = total_factor(T.gk, T.gv, self.all_exact, sigma)
        lo_col = np.where(self.unknown, self.lo, 0).sum(axis=0)
        span_col = np.where(self.unknown, self.hi - self.lo, 0).sum(axis=0)
        lo_all = lo_col.sum()
        self.lo_col, self.lo_all = lo_col, lo_all
        # the state of column j: the sum of (t - lo) over its unknown cells so far, 0..U[j]
        U = []
        for j in range(C):
            u = span_col[j]
            if ccap[j] != math.inf:
                u = min(u, ccap[j] - lo_col[j])
            if gcap != math.inf:
                u = min(u, gcap - lo_all)
            if u < 0:
                raise Infeasible(f"column {j}: its lower bounds exceed its total")
            U.append(int(u))
        self.U = U

    def states(self):
        return int(np.prod([u + 1 for u in self.U], dtype=float))

    def final(self):
        """The weight of a final state: column totals and the grand total."""
        shape = [u + 1 for u in self.U]
        f = np.ones(shape)
        tot = np.zeros(shape)
        for j in range(self.C):
            a = np.arange(self.U[j] + 1)
            sh = [1] * self.C
            sh[j] = -1
            f = f * self.cf[j](self.lo_col[j] + a).reshape(sh)
            tot = tot + a.reshape(sh)
        return f * self.gf(self.lo_all + tot)


# --------------------------------------------------------------------------------------------------------------
# Exact marginals by dynamic programming
# --------------------------------------------------------------------------------------------------------------

def _src(d, U):
    return tuple(slice(0, u + 1 - k) for k, u in zip(d, U))


def _dst(d, U):
    return tuple(slice(k, u + 1) for k, u in zip(d, U))


def plan(m: Model, drop):
    """The chain's shape: kept columns, the state's sizes, each row's cells and its range of unknown sums."""
    kept = [j for j in range(m.C) if j != drop]
    rows = []
    for i in range(m.R):
        cells = [j for j in range(m.C) if m.unknown[i, j] and j != drop] + ([drop] if drop is not None and
                                                                             m.unknown[i, drop] else [])
        lo_row = int(sum(m.lo[i, j] for j in cells))
        span = int(sum(min(m.hi[i, j] - m.lo[i, j], m.U[j]) for j in cells))
        a = span
        if m.t.rk[i] == EXACT:
            a = min(a, int(round(m.t.rv[i] - m.row_exact[i])) - lo_row)
        elif m.rcap[i] != math.inf:
            a = min(a, int(m.rcap[i]) - lo_row)
        if a < 0:
            raise Infeasible(f"row {i}: its lower bounds exceed its total")
        rows.append((cells, lo_row, a))
    # the window of each kept column's partial sum at each row boundary: at most what the rows so far can hold,
    # and (an exact column) at least its total less what the rows still to come can hold
    span = np.array([[min(m.hi[i, j] - m.lo[i, j], m.U[j]) if m.unknown[i, j] else 0 for j in kept]
                     for i in range(m.R)], dtype=int).reshape(m.R, len(kept))
    before = np.vstack([np.zeros((1, len(kept)), dtype=int), np.cumsum(span, axis=0)])
    after = before[-1][None, :] - before
    U = np.array([m.U[j] for j in kept], dtype=int)
    exact = np.array([m.t.ck[j] == EXACT for j in kept], dtype=bool)
    win_hi = np.minimum(U[None, :], before)
    win_lo = np.where(exact[None, :], np.maximum(0, U[None, :] - after), 0)
    if np.any(win_lo > win_hi):
        raise Infeasible("a column's total cannot be reached")
    return kept, (win_lo, win_hi), rows


def cost(m: Model, drop):
    kept, (wl, wh), rows = plan(m, drop)
    return sum(float(np.prod(wh[i + 1] - wl[i] + 1, dtype=float)) * (a + 1) * sum(min(m.hi[i, j] - m.lo[i, j], m.U[j]) + 1 for j in cells)
               for i, (cells, _, a) in enumerate(rows))


def dp_marginals(m: Model, drop=None):
    """Per unknown cell (i, j): the posterior probabilities of lo..hi, by forward-backward over the cells in row
    order. The state is the partial sums (minus lower bounds) of the kept columns at a row boundary, and within a
    row also the row's partial sum (the last axis). With every row total exact, one column (drop) is left out of
    the state: its partial sum is the rows' sum less the others'."""
    kept, (wl, wh), rows = plan(m, drop)
    pos = {j: k for k, j in enumerate(kept)}
    nd = len(kept)

    def sl(j, k, size_aux, src, sizes):
        """The slices of a step by k in column j (and the row axis): source or destination."""
        out = [slice(None)] * (nd + 1)
        if j in pos:
            n = sizes[pos[j]]
            out[pos[j]] = slice(0, n - k) if src else slice(k, n)
        out[nd] = slice(0, size_aux - k) if src else slice(k, size_aux)
        return tuple(out)

    def bsize(b):
        return tuple(int(x) for x in wh[b] - wl[b] + 1)

    def rsize(i):
        return tuple(int(x) for x in wh[i + 1] - wl[i] + 1)

    def region(i):
        """Boundary i+1's window inside row i's."""
        return tuple(slice(int(wl[i + 1][k] - wl[i][k]), int(wh[i + 1][k] - wl[i][k] + 1)) for k in range(nd))

    def steps(i, j, a):
        w = m.w[i, j]
        lim = min(len(w) - 1, a, m.U[j])
        return [(k, w[k]) for k in range(lim + 1) if w[k] > 0]

    # the final weight at the last boundary
    sizes = bsize(m.R)
    fin = np.ones(sizes)
    tot = np.zeros(sizes)
    for j in kept:
        ar = wl[m.R][pos[j]] + np.arange(sizes[pos[j]])
        sh = [1] * nd
        sh[pos[j]] = -1
        fin = fin * m.cf[j](m.lo_col[j] + ar).reshape(sh)
        tot = tot + ar.reshape(sh)
    if drop is not None:
        implied = sum(a for _, _, a in rows) - tot
        fin = fin * np.where((implied >= 0) & (implied <= m.U[drop]), m.cf[drop](m.lo_col[drop] + implied), 0.0)
        tot = tot + implied
    fin = fin * m.gf(m.lo_all + tot)

    def row_backward(i, after):
        """The backward messages inside row i: H[c] is the weight of the rest given the state before cell c."""
        cells, lo_row, a = rows[i]
        H = [None] * (len(cells) + 1)
        H[-1] = np.zeros(rsize(i) + (a + 1,))
        H[-1][region(i)] = after[..., None] * m.rf[i](lo_row + np.arange(a + 1))
        for c in range(len(cells) - 1, -1, -1):
            j = cells[c]
            h = np.zeros_like(H[c + 1])
            for k, x in steps(i, j, a):
                h[sl(j, k, a + 1, True, rsize(i))] += x * H[c + 1][sl(j, k, a + 1, False, rsize(i))]
            H[c] = h
        return H

    B = [None] * (m.R + 1)
    B[m.R] = fin / fin.max() if fin.max() > 0 else fin
    for i in range(m.R - 1, -1, -1):
        b = row_backward(i, B[i + 1])[0][tuple(slice(0, n) for n in bsize(i)) + (0,)]
        mx = b.max()
        if mx <= 0:
            raise Infeasible("no table fits")
        B[i] = b / mx
    F = np.ones(bsize(0))
    out = {}
    for i in range(m.R):
        cells, lo_row, a = rows[i]
        H = row_backward(i, B[i + 1])
        G = np.zeros(rsize(i) + (a + 1,))
        G[tuple(slice(0, n) for n in bsize(i)) + (0,)] = F
        for c, j in enumerate(cells):
            g = np.zeros_like(G)
            n = m.hi[i, j] - m.lo[i, j] + 1
            p = np.zeros(n)
            for k, x in steps(i, j, a):
                src, dst = sl(j, k, a + 1, True, rsize(i)), sl(j, k, a + 1, False, rsize(i))
                p[k] = x * np.vdot(G[src], H[c + 1][dst])
                g[dst] += x * G[src]
            z = p.sum()
            if z <= 0:
                raise Infeasible("no table fits")
            out[i, j] = p / z
            G = g / g.max()
        F = (G * m.rf[i](lo_row + np.arange(a + 1))).sum(axis=-1)[region(i)]
        mx = F.max()
        if mx <= 0:
            raise Infeasible("no table fits")
        F = F / mx
    return out


def best_plan(table: Table, sigma, width):
    """The cheapest of: as given or transposed, each with no column left out or (every row total exact) one."""
    best = None
    for flip in (False, True):
        m = Model(table.transposed() if flip else table, sigma, width)
        drops = [None] + (list(range(m.C)) if all(k == EXACT for k in m.t.rk) else [])
        for d in drops:
            c = cost(m, d)
            if best is None or c < best[0]:
                best = (c, flip, m, d)
    return best


# --------------------------------------------------------------------------------------------------------------
# MCMC over the fibre, where enumeration is too large
# --------------------------------------------------------------------------------------------------------------

def _moves(m: Model):
    """Moves that keep the exact cells and every exact total: 2x2 swaps, pairs in a column between rows whose
    totals are not exact, pairs in a row between such columns, and single cells where the row, the column and the
    grand total are all not exact. Each as a list of (i, j, +-1)."""
    T = m.t
    R, C = m.R, m.C
    u = m.unknown
    rfree = [T.rk[i] != EXACT for i in range(R)]
    cfree = [T.ck[j] != EXACT for j in range(C)]
    moves = []
    for i, k in itertools.combinations(range(R), 2):
        for j, l in itertools.combinations(range(C), 2):
            if u[i, j] and u[k, l] and u[i, l] and u[k, j]:
                moves.append(((i, j, 1), (k, l, 1), (i, l, -1), (k, j, -1)))
        if rfree[i] and rfree[k]:
            for j in range(C):
                if u[i, j] and u[k, j]:
                    moves.append(((i, j, 1), (k, j, -1)))
    for j, l in itertools.combinations(range(C), 2):
        if cfree[j] and cfree[l]:
            for i in range(R):
                if u[i, j] and u[i, l]:
                    moves.append(((i, j, 1), (i, l, -1)))
    if T.gk != EXACT:
        for i in range(R):
            for j in range(C):
                if u[i, j] and rfree[i] and cfree[j]:
                    moves.append(((i, j, 1),))
    return moves


def _start(m: Model, rng):
    """A table of the fibre (within [lo, hi]) by MILP with a random objective, as a dict (i, j) -> value."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    T = m.t
    cells = [(i, j) for i in range(m.R) for j in range(m.C) if m.unknown[i, j]]
    idx = {c: k for k, c in enumerate(cells)}
    A, lb, ub = [], [], []

    def add(members, kind, value, exact_part, hi_extra):
        if kind == EXACT:
            row = np.zeros(len(cells))
            for c in members:
                row[idx[c]] = 1
            A.append(row), lb.append(value - exact_part), ub.append(value - exact_part)
        elif kind == NOISY and hi_extra is not None:
            row = np.zeros(len(cells))
            for c in members:
                row[idx[c]] = 1
            A.append(row), lb.append(max(0, value - exact_part - hi_extra)), ub.append(value - exact_part + hi_extra)

    extra = 3 * m.sigma
    for i in range(m.R):
        add([c for c in cells if c[0] == i], T.rk[i], T.rv[i], m.row_exact[i], extra)
    for j in range(m.C):
        add([c for c in cells if c[1] == j], T.ck[j], T.cv[j], m.col_exact[j], extra)
    add(cells, T.gk, T.gv, m.all_exact, extra)
    lo = np.array([m.lo[c] for c in cells], dtype=float)
    hi = np.array([m.hi[c] for c in cells], dtype=float)
    for attempt in range(2):
        cons = [LinearConstraint(np.array(A), lb, ub)] if A else []
        res = milp(rng.normal(size=len(cells)), constraints=cons, bounds=Bounds(lo, hi),
                   integrality=np.ones(len(cells)))
        if res.x is not None:
            return {c: int(round(x)) for c, x in zip(cells, res.x)}
        keep = [k for k in range(len(lb)) if lb[k] == ub[k]]   # no bounds from noisy totals the second time
        A, lb, ub = [A[k] for k in keep], [lb[k] for k in keep], [ub[k] for k in keep]
    raise Infeasible("no starting table")


def mcmc_marginals(m: Model, rng, steps, chains=2):
    """Metropolis over the fibre (within the cells' [lo, hi]); returns the marginals, the cells and each chain's
    trace (thinned, after a fifth burned in) for the caller's R-hat and ESS."""
    moves = _moves(m)
    if not moves:
        raise Infeasible("no moves")
    cells = [(i, j) for i in range(m.R) for j in range(m.C) if m.unknown[i, j]]
    s2 = 2 * m.sigma * m.sigma
    T = m.t
    traces = []
    counts = {c: np.zeros(m.hi[c] - m.lo[c] + 1) for c in cells}
    burn = steps // 5
    thin = max(1, steps // 2000)
    for ch in range(chains):
        start = _start(m, rng)
        x = np.zeros((m.R, m.C))
        for c, v in start.items():
            x[c] = v
        rows = np.where(m.unknown, x, T.val).sum(axis=1)
        cols = np.where(m.unknown, x, T.val).sum(axis=0)
        tot = rows.sum()
        trace = []
        picks = rng.integers(len(moves), size=steps)
        signs = rng.integers(2, size=steps) * 2 - 1
        us = np.log(rng.random(size=steps))
        for step in range(steps):
            mv = moves[picks[step]]
            sg = signs[step]
            ok = True
            d = 0.0
            for (i, j, e) in mv:
                nv = x[i, j] + sg * e
                if nv < m.lo[i, j] or nv > m.hi[i, j]:
                    ok = False
                    break
                if T.kind[i, j] == NOISY:
                    d -= ((T.val[i, j] - nv) ** 2 - (T.val[i, j] - x[i, j]) ** 2) / s2
            if ok:
                dr, dc = {}, {}
                for (i, j, e) in mv:
                    dr[i] = dr.get(i, 0) + sg * e
                    dc[j] = dc.get(j, 0) + sg * e
                for i, e in dr.items():
                    if e and T.rk[i] == NOISY:
                        d -= ((T.rv[i] - rows[i] - e) ** 2 - (T.rv[i] - rows[i]) ** 2) / s2
                for j, e in dc.items():
                    if e and T.ck[j] == NOISY:
                        d -= ((T.cv[j] - cols[j] - e) ** 2 - (T.cv[j] - cols[j]) ** 2) / s2
                g = sum(dr.values())
                if g and T.gk == NOISY:
                    d -= ((T.gv - tot - g) ** 2 - (T.gv - tot) ** 2) / s2
                if us[step] < d:
                    for (i, j, e) in mv:
                        x[i, j] += sg * e
                    for i, e in dr.items():
                        rows[i] += e
                    for j, e in dc.items():
                        cols[j] += e
                    tot += g
            if step >= burn and step % thin == 0:
                trace.append([x[c] for c in cells])
        trace = np.array(trace, dtype=int)
        traces.append(trace)
        for k, c in enumerate(cells):
            counts[c] += np.bincount(trace[:, k] - m.lo[c], minlength=len(counts[c]))[:len(counts[c])]
    out = {c: v / v.sum() for c, v in counts.items()}
    return out, cells, traces


def split_rhat_ess(series_per_chain):
    """Split R-hat and a crude effective sample size (Geyer's initial positive sequence) of a scalar series."""
    halves = []
    for s in series_per_chain:
        n = len(s) // 2
        halves += [s[:n], s[n:2 * n]]
    h = np.array(halves, dtype=float)
    m, n = h.shape
    if n < 4:
        return float("nan"), 0.0
    means, vars_ = h.mean(axis=1), h.var(axis=1, ddof=1)
    W = vars_.mean()
    Bv = n * means.var(ddof=1)
    if W <= 0:
        return (1.0 if Bv <= 0 else float("inf")), float(m * n)
    var_hat = (n - 1) / n * W + Bv / n
    rhat = math.sqrt(var_hat / W)
    rho_sum = 0.0
    x = h - means[:, None]
    for lag in range(1, n):
        ac = (x[:, :-lag] * x[:, lag:]).sum(axis=1).mean() / n
        rho = 1 - (W - ac) / var_hat
        if rho < 0:
            break
        rho_sum += rho
    return rhat, m * n / (1 + 2 * rho_sum)


# --------------------------------------------------------------------------------------------------------------
# A table's posterior
# --------------------------------------------------------------------------------------------------------------

def posterior(table: Table, sigma, max_cost=3e7, mcmc_steps=200_000, rng=None):
    """Per unknown cell: (lo, probabilities of lo..hi); and how it was computed."""
    rng = rng or np.random.default_rng(0)
    last = None
    for width in WIDTHS:
        try:
            c, flip, m, drop = best_plan(table, sigma, width)
        except Infeasible as e:
            last = e
            continue
        try:
            if c > max_cost:
                raise TooLarge(f"cost {c:.2g}")
            marg = dp_marginals(m, drop)
            info = {"method": "enumeration", "cost": c, "width": width}
        except Infeasible as e:
            last = e
            continue
        except TooLarge as e:
            marg, cells, traces = mcmc_marginals(m, rng, mcmc_steps)
            info = {"method": "mcmc", "why": str(e), "width": width, "traces": traces, "cells": cells}
        res = {}
        for (i, j), p in marg.items():
            key = (j, i) if flip else (i, j)
            res[key] = (int(m.lo[i, j]), p)
        if info["method"] == "mcmc":
            info["cells"] = [(j, i) if flip else (i, j) for i, j in info["cells"]]
        return res, info
    raise Infeasible(str(last))


def prob(res_cell, value):
    lo, p = res_cell
    k = value - lo
    return float(p[k]) if 0 <= k < len(p) else 0.0


def mode_hit(res_cell, truth):
    lo, p = res_cell
    top = p.max()
    modes = [lo + k for k in np.flatnonzero(p >= top * (1 - 1e-9))]
    return modes[0], (1.0 / len(modes) if truth in modes else 0.0)


# --------------------------------------------------------------------------------------------------------------
# The attack
# --------------------------------------------------------------------------------------------------------------

def attack(data, args):
    sigma = float(data.get("sigma", 2.0))
    rng = np.random.default_rng(args.seed)
    per = {}
    flagged = []
    methods = {"enumeration": 0, "mcmc": 0, "failed": 0}
    failures = []
    diagnostics = []
    started = time.time()
    for pub in data["publications"]:
        for t in pub["tables"]:
            key = (pub.get("year"), t["name"])
            agg = per.setdefault(key, {"year": pub.get("year"), "table": t["name"], "publications": 0,
                                       "targets": 0, "maxPTrue": None, "minPZero": None, "hits": 0.0})
            agg["publications"] += 1
            table = Table.parse(t)
            truth = np.asarray(t["truth"], dtype=int) if t.get("truth") is not None else None
            targets = [] if truth is None else [
                (i, j) for i in range(table.kind.shape[0]) for j in range(table.kind.shape[1])
                if table.kind[i, j] == NOISY and TARGET_MIN <= truth[i, j] <= TARGET_MAX]
            if not targets and not args.all_tables:
                continue
            try:
                res, info = posterior(table, sigma, args.max_cost, args.mcmc_steps, rng)
            except (Infeasible, TooLarge) as e:
                methods["failed"] += 1
                failures.append({"seed": pub.get("seed"), "year": pub.get("year"), "table": t["name"],
                                 "why": str(e)})
                continue
            methods[info["method"]] += 1
            if info["method"] == "mcmc":
                idx = {c: k for k, c in enumerate(info["cells"])}
                worst = (1.0, math.inf)
                for (i, j) in targets:
                    k = idx[(i, j)]
                    series = [(tr[:, k] == truth[i, j]).astype(float) for tr in info["traces"]]
                    r, e = split_rhat_ess(series)
                    worst = (max(worst[0], r if not math.isnan(r) else 1.0), min(worst[1], e))
                diagnostics.append({"seed": pub.get("seed"), "year": pub.get("year"), "table": t["name"],
                                    "why": info["why"], "maxRhat": round(worst[0], 4),
                                    "minEss": round(worst[1], 1) if worst[1] != math.inf else None})
            for (i, j) in targets:
                c = res[(i, j)]
                tv = int(truth[i, j])
                pt, p0 = prob(c, tv), prob(c, 0)
                mode, hit = mode_hit(c, tv)
                agg["targets"] += 1
                agg["hits"] += hit
                agg["maxPTrue"] = pt if agg["maxPTrue"] is None else max(agg["maxPTrue"], pt)
                agg["minPZero"] = p0 if agg["minPZero"] is None else min(agg["minPZero"], p0)
                if pt > P_TRUE_MAX or p0 < P_ZERO_MIN:
                    flagged.append({"seed": pub.get("seed"), "year": pub.get("year"), "table": t["name"],
                                    "row": t["rows"][i] if t.get("rows") else i,
                                    "column": t["columns"][j] if t.get("columns") else j,
                                    "truth": tv, "published": int(table.val[i, j]), "pTrue": round(pt, 4),
                                    "pZero": round(p0, 4), "mode": int(mode)})
    tables = []
    for agg in per.values():
        n = agg["targets"]
        tables.append({"year": agg["year"], "table": agg["table"], "publications": agg["publications"],
                       "targets": n, "maxPTrue": _r(agg["maxPTrue"]), "minPZero": _r(agg["minPZero"]),
                       "hitRate": _r(agg["hits"] / n) if n else None})
    n = sum(a["targets"] for a in per.values())
    hits = sum(a["hits"] for a in per.values())
    mx = max((a["maxPTrue"] for a in per.values() if a["maxPTrue"] is not None), default=None)
    mn = min((a["minPZero"] for a in per.values() if a["minPZero"] is not None), default=None)
    hit_rate = hits / n if n else None
    met = {"pTrueAtMost0.5": mx is None or mx <= P_TRUE_MAX,
           "pZeroAtLeast0.05": mn is None or mn >= P_ZERO_MIN,
           "hitRateAtMost0.35": hit_rate is None or hit_rate <= HIT_RATE_MAX}
    met["all"] = all(met.values()) and methods["failed"] == 0
    seconds = round(time.time() - started, 2)
    overall = {"targets": n, "maxPTrue": _r(mx), "minPZero": _r(mn), "hitRate": _r(hit_rate),
               "flagged": len(flagged)}
    worst_rhat = max((d["maxRhat"] for d in diagnostics), default=None)
    summary = (f"bayes attacker: {len(data['publications'])} publications, {n} target cells (noisy, truth "
               f"{TARGET_MIN}-{TARGET_MAX}); max P(true) {_f(mx)}, min P(0) {_f(mn)}, hit rate {_f(hit_rate)}; "
               f"{len(flagged)} flagged; tables by enumeration {methods['enumeration']}, by MCMC {methods['mcmc']}"
               + (f" (worst R-hat {worst_rhat})" if diagnostics else "")
               + (f", failed {methods['failed']}" if methods["failed"] else "")
               + f"; targets {'met' if met['all'] else 'NOT met'}; {seconds} s")
    return {"summary": summary, "sigma": sigma, "publications": len(data["publications"]), "overall": overall,
            "targetsMet": met, "limits": {"pTrueMax": P_TRUE_MAX, "pZeroMin": P_ZERO_MIN,
                                          "hitRateMax": HIT_RATE_MAX},
            "tables": tables, "flagged": flagged, "methods": methods, "mcmc": diagnostics,
            "failures": failures, "seconds": seconds}


def _r(x):
    return None if x is None else round(float(x), 4)


def _f(x):
    return "n/a" if x is None else f"{x:.3f}"


# --------------------------------------------------------------------------------------------------------------
# Self-test: the enumeration against brute force
# --------------------------------------------------------------------------------------------------------------

def brute_force(table: Table, sigma):
    """Every assignment of the unknown cells (each in 0..its smallest exact total, or 0..obs+8 sigma where none
    bounds it), weighted by the model, marginalised per cell; vectorised over the assignments."""
    T = table
    R, C = T.kind.shape
    cells = [(i, j) for i in range(R) for j in range(C) if T.kind[i, j] != EXACT]
    caps = []
    for i, j in cells:
        bound = [v for k, v in ((T.rk[i], T.rv[i]), (T.ck[j], T.cv[j]), (T.gk, T.gv)) if k == EXACT]
        caps.append(int(min(bound)) if bound else int(T.val[i, j] + 8 * sigma))
    grid = np.indices([c + 1 for c in caps]).reshape(len(cells), -1)
    full = np.repeat(np.where(T.kind == EXACT, T.val, 0.0)[:, :, None], grid.shape[1], axis=2)
    for k, (i, j) in enumerate(cells):
        full[i, j] = grid[k]
    s2 = 2 * sigma * sigma
    ok = np.ones(grid.shape[1], dtype=bool)
    lw = np.zeros(grid.shape[1])
    for kind, value, s in ([(T.rk[i], T.rv[i], full[i].sum(axis=0)) for i in range(R)]
                           + [(T.ck[j], T.cv[j], full[:, j].sum(axis=0)) for j in range(C)]
                           + [(T.gk, T.gv, full.sum(axis=(0, 1)))]):
        if kind == EXACT:
            ok &= s == value
        elif kind == NOISY:
            lw -= (value - s) ** 2 / s2
    for k, (i, j) in enumerate(cells):
        if T.kind[i, j] == NOISY:
            lw -= (T.val[i, j] - grid[k]) ** 2 / s2
    w = np.where(ok, np.exp(lw), 0.0)
    return {c: np.bincount(grid[k], weights=w, minlength=caps[k] + 1) / w.sum() for k, c in enumerate(cells)}


def selftest(verbose=False):
    """3x2 tables of several shapes: DP (no truncation, and the default widths) and MCMC against brute force."""
    E, N, W = EXACT, NOISY, WITHHELD
    cases = {
        "exact margins": Table([[N, N], [N, N], [N, N]], [[3, 1], [2, 2], [0, 1]],
                               [E, E, E], [4, 4, 1], [E, E], [5, 4], E, 9),
        "structural zero and an exact cell": Table([[N, E], [N, N], [N, N]], [[2, 0], [1, 3], [2, 1]],
                                                   [E, E, E], [2, 4, 3], [E, E], [5, 4], E, 9),
        "noisy row and column totals": Table([[N, N], [N, N], [N, N]], [[3, 0], [1, 2], [1, 1]],
                                             [E, N, N], [3, 3, 2], [N, E], [5, 3], E, 8),
        "a withheld cell": Table([[N, N], [W, N], [N, N]], [[2, 1], [np.nan, 1], [0, 2]],
                                 [E, E, E], [3, 2, 2], [E, E], [3, 4], E, 7),
        "noisy grand total": Table([[N, N], [N, N], [N, N]], [[1, 1], [0, 2], [1, 0]],
                                   [N, N, N], [2, 2, 1], [E, N], [2, 3], N, 5),
    }
    ok = True
    rng = np.random.default_rng(7)
    for name, t in cases.items():
        bf = brute_force(t, 2.0)
        for width in (None, 6.0):
            res = {}
            for flip in (False, True):
                m = Model(t.transposed() if flip else t, 2.0, width)
                drop = 1 if all(k == EXACT for k in m.t.rk) else None
                marg = dp_marginals(m, drop)
                for (i, j), p in marg.items():
                    res[(j, i) if flip else (i, j)] = (int(m.lo[i, j]), p)
                err = max(abs(prob(res[c], v) - bf[c][v]) for c in bf for v in range(len(bf[c])))
                tol = 1e-6 if width is None else 1e-4
                good = err <= tol
                ok &= good
                if verbose or not good:
                    print(f"selftest {name}: width {width}, {'transposed' if flip else 'as given'}: "
                          f"max |DP - brute force| = {err:.2e} {'ok' if good else 'FAILED'}")
        m = Model(t, 2.0, 6.0)
        marg, cells, traces = mcmc_marginals(m, rng, 60_000)
        err = max(abs(prob((int(m.lo[c]), marg[c]), v) - bf[c][v]) for c in bf for v in range(len(bf[c])))
        good = err <= 0.03
        ok &= good
        if verbose or not good:
            print(f"selftest {name}: MCMC max |MCMC - brute force| = {err:.3f} {'ok' if good else 'FAILED'}")
    print("selftest: " + ("ok" if ok else "FAILED"))
    return ok


def main(argv=None):
    ap = argparse.ArgumentParser(description="Issue 22's Bayesian attacker on noisy two-way tables.")
    ap.add_argument("input", nargs="?", help="the publications (JSON)")
    ap.add_argument("--selftest", action="store_true", help="check the enumeration and MCMC against brute force")
    ap.add_argument("--out", help="write the JSON here; stdout then has the summary line only")
    ap.add_argument("--max-cost", type=float, default=3e7,
                    help="largest enumeration (state-cell-value products) before MCMC (default %(default)s)")
    ap.add_argument("--mcmc-steps", type=int, default=200_000, help="steps per MCMC chain (default %(default)s)")
    ap.add_argument("--seed", type=int, default=22, help="the MCMC's random seed (default %(default)s)")
    ap.add_argument("--all-tables", action="store_true", help="compute tables without targets too (timing)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    if args.selftest:
        return 0 if selftest(args.verbose) else 1
    if not args.input:
        ap.error("INPUT.json or --selftest")
    try:
        with open(args.input, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        print(f"bayes attacker: cannot read {args.input}: {e}", file=sys.stderr)
        return 2
    result = attack(data, args)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1)
        print(result["summary"])
    else:
        json.dump(result, sys.stdout, indent=1)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
