"""The attacker's own tests on hand-made answers (no server): python3 -m unittest test_attack (in this folder)."""

import argparse
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import attack  # noqa: E402

COUNTRIES = ["KE", "GH", "CM", "ER", "SL", "UG", "SN", "CI", "TG"]


def answer(group_by, groups, total, flt=None):
    return attack.Answer(source=attack.PERSONS, year="2012", filter=flt or {}, group_by=group_by,
                         include_empty=False, complete=True, total=total, total_withheld=total is None,
                         groups=groups, label=f"by {','.join(group_by)} {flt or ''}")


def args(**kw):
    base = dict(no_summaries=False, exact_ranges=True, time_limit=30, verbose=False, quick=False)
    base.update(kw)
    return argparse.Namespace(**base)


def africa(total=31):
    """Issue 14's example: Africa 31 and Nigeria 22 published, 9 other countries withheld, one person each."""
    nat = [[["NG"], 22, None]] + [[[c], None, None] for c in COUNTRIES]
    pairs = [[["AFRICA", "NG"], 22, None]] + [[["AFRICA", c], None, None] for c in COUNTRIES]
    ages = [[["NG", "AGE_25_29"], 22, None]] + [[[c, "AGE_30_39"], None, None] for c in COUNTRIES]
    return attack.Collection(years=["2012"], answers=[
        answer([], [], total),
        answer(["REGION"], [[["AFRICA"], total, None]], total),
        answer(["NATIONALITY"], nat, total),
        answer(["REGION", "NATIONALITY"], pairs, total),
        answer(["AGE_GROUP"], [[["AGE_25_29"], 22, None], [["AGE_30_39"], total - 22, None]], total),
        answer(["NATIONALITY", "AGE_GROUP"], ages, total),
    ])


class AttackTests(unittest.TestCase):

    def test_zeros_never_withheld_recovers_every_other_african_country_exactly(self):
        counts, rows = attack.audit({"live": africa()}, [], 5, True, None, args(), None)
        exact = {tuple(r["key"]) for r in rows if "single value" in r["reasons"]}
        self.assertIn(("KE",), exact)
        self.assertIn(("TG", "AGE_30_39"), exact)
        self.assertEqual(counts["exact"], counts["graded"])   # 9 countries, 9 country pairs, 9 age cells

    def test_without_the_assumption_the_nine_withheld_countries_are_protected(self):
        counts, rows = attack.audit({"live": africa()}, [], 5, False, None, args(), None)
        self.assertEqual(rows, [])   # each in [0, 9]: includes 0, reaches 5, not a single value

    def test_a_row_whose_published_margin_is_one_gives_its_only_cell_away(self):
        col = attack.Collection(years=["2012"], answers=[
            answer(["GENDER"], [[["FEMALE"], 20, None], [["MALE"], 1, None]], 21),
            answer(["GENDER", "STATUS"], [[["FEMALE", "IN_SUPPORT"], 20, None], [["MALE", "IN_SUPPORT"], None,
                                                                                 None]], 21),
        ])
        counts, rows = attack.audit({"live": col}, [], 5, False, None, args(), None)
        self.assertEqual([(r["key"], r["range"]) for r in rows], [(["MALE", "IN_SUPPORT"], [1, 1])])

    def test_a_missing_group_is_zero(self):
        col = attack.Collection(years=["2012"], answers=[
            answer(["STATUS"], [[["IN_SUPPORT"], 10, None], [["ASYLUM_PROCESS"], None, None]], 13),
            answer(["STATUS", "ACCOMMODATION"], [[["IN_SUPPORT", "HOTEL"], 10, None],
                                                 [["ASYLUM_PROCESS", "ASYLUM_CENTRE"], 3, None]], 13),
        ])
        counts, rows = attack.audit({"live": col}, [], 5, False, None, args(), None)
        self.assertEqual([(r["key"], r["range"]) for r in rows], [(["ASYLUM_PROCESS"], [3, 3])])

    def test_the_report_alone_excuses_what_it_publishes(self):
        report = [attack.report_answer(attack.PERSONS, "2012", ["NATIONALITY"],
                                       {}, [[["NG"], 22, None]] + [[[c], 1, None] for c in COUNTRIES])]
        counts, rows = attack.audit({"live": africa()}, report, 5, False, None, args(), None)
        self.assertGreater(counts["excused_by_report"], 0)
        self.assertTrue(all(tuple(r["key"]) != ("KE",) for r in rows))

    def test_two_releases_that_differ_by_one_record(self):
        before, after = africa(), africa(32)   # one more person from one of the nine withheld countries
        counts, rows = attack.audit({"r1": before, "r2": after}, [], 5, False, 1, args(), None)
        self.assertEqual(counts["violations"], 0)
        counts, rows = attack.audit({"r1": before, "r2": after}, [], 5, True, 1, args(), None)
        self.assertGreater(counts["violations"], 0)


if __name__ == "__main__":
    unittest.main()
