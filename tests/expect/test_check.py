#!/usr/bin/env python3
"""The checker of tests/expect on a small hand-made brief: each line below must
hold or not hold as marked, so that a tolerant rule never lets a wrong brief
through and a strict one never rejects a right one."""

import contextlib
import importlib.util
import io
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('check', os.path.join(HERE, 'check.py'))
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)

BRIEF = {'stories': [{
    'articles': [
        {'id': 'news/a.txt', 'outlet': 'Kestrel Bay Courier', 'date': '2026-03-02', 'copy_of': None},
        {'id': 'news/b.txt', 'outlet': 'Maritime Ledger', 'date': '2026-03-03T16:20Z', 'copy_of': None},
        {'id': 'news/c.txt', 'outlet': 'Harbour Times', 'date': None, 'copy_of': 'news/b.txt'},
        {'id': 'feed.jsonl:3', 'outlet': None, 'date': '2026-03-05', 'copy_of': None},
    ],
    'timeline': [
        {'date': '2026-03-01', 'text': 'Talks broke down late on Sunday.',
         'sources': ['news/a.txt', 'news/b.txt']},
        {'date': '2026-03-07', 'text': 'Members will vote on Saturday.',
         'sources': ['news/a.txt']},
        {'date': '2026-03-07', 'text': 'Members voted on Saturday.',
         'sources': ['news/b.txt', 'news/c.txt']},
    ],
    'people': [
        {'name': 'Inês Carvalho', 'variants': ['Inês Carvalho', 'Carvalho'],
         'title': 'regional transport minister'},
        {'name': 'Marta Olsen', 'variants': ['Marta Olsen']},
        {'name': 'Martha Olsen', 'variants': ['Martha Olsen']},
    ],
    'organisations': [{'name': 'NWS', 'variants': ['NWS']}],
    'places': [{'name': 'Kyiv', 'variants': ['Kyiv', 'Kiev']}],
    'quotes': [
        {'text': 'We did not walk out for a headline, we walked out for the night shifts',
         'speaker': 'Ruth Okafor', 'partial': False, 'independent': 2,
         'sources': ['news/a.txt', 'news/b.txt']},
        {'text': 'at any hour', 'speaker': None, 'partial': True, 'independent': 1,
         'sources': ['news/a.txt']},
    ],
    'corroboration': [{'subject': 'pay rise', 'attribute': 'number', 'value': '6.5 percent',
                       'sources': ['news/a.txt', 'news/b.txt', 'news/c.txt'],
                       'independent': 2}],
    'discrepancies': [{'subject': 'pay rise', 'attribute': 'number', 'claims': [
        {'value': '6.5%', 'sources': ['news/a.txt', 'news/b.txt']},
        {'value': '5.6 %', 'sources': ['feed.jsonl:3']}]}],
}]}

# (holds?, line)
CASES = [
    (True, 'stories 1'),
    (False, 'stories 2'),
    (True, 's articles a b c d'),
    (False, 's articles a b c'),
    (True, 'outlet a "Courier"'),
    (False, 'outlet a "Maritime Ledger"'),
    (True, 'outlet d none'),
    (True, 'date b 2026-03-03'),
    (False, 'date b 2026-03-04'),
    (True, 'date c none|2026-03-01..2026-03-09'),
    (True, 'date d none|2026-03-01..2026-03-09'),
    (True, 'copy c of b'),
    (False, 'copy c of a'),
    (True, 'original a b d'),
    (False, 'original a c'),
    (True, 's timeline 2026-03-01 "talks brok|break" by a b'),
    (True, 's timeline 2026-03-01 "talks brok" by a b [c]'),
    (False, 's timeline 2026-03-01 "talks brok" by a'),          # a source too many
    (False, 's timeline 2026-03-01 "talks brok" by a b c'),      # one missing
    (False, 's timeline 2026-03-02 "talks brok" by a b'),        # date is strict
    (False, 's timeline 2026-03-07 "vote" by a b c'),            # two entries
    (False, 's timeline only'),
    (True, 's person "Ines Carvalho"'),                          # diacritics folded
    (True, 's person "Ines Carvalho" = "Carvalho"'),
    (True, 's person "Ines Carvalho" role "transport minister"'),
    (False, 's person "Ines Carvalho" role "mediator"'),
    (False, 's person "Marta Olsen" = "Martha Olsen"'),          # two entries
    (False, 's organisation "Marta Olsen"'),                     # wrong list
    (True, 's place "Kyiv" = "Kiev"'),
    (False, 's not actor "NWS"'),
    (True, 's not actor "Reuters"'),
    (False, 's quote "We did not walk out" speaker "Marta Olsen|Olsen"'),
    (True, 's quote "We did not walk out" speaker "Ruth Okafor"'),
    (True, 's quote "we did NOT walk out, for a headline" by a b'),
    (False, 's quote "We did not walk out" by a b c'),
    (False, 's quote "We did not walk out" independent 1'),
    (True, 's quote "at any hour" partial'),
    (False, 's quote "at any hour" full'),
    (False, 's quote "We did not walk out" partial'),
    (False, 's quote "Never said" speaker "Ruth Okafor"'),
    (False, 's not-quote "at any hour"'),
    (True, 's not-quote "at any"'),
    (True, 's fact "6.5" independent 2'),
    (False, 's fact "6.5" independent 3'),
    (True, 's fact "6.5%" by a b [c]'),
    (False, 's fact "6.5" by a b'),
    (True, 's discrepancy "6.5" by a b | "5.6" by d'),
    (True, 's discrepancy "6.5 percent" by a b [c] | "5.6" by d subject "pay rise"'),
    (False, 's discrepancy "6.5" by a b | "5.6" by d subject "pay"'),
    (False, 's discrepancy "6.5" by a | "5.6" by d'),
    (False, 's discrepancy "6.5" by a b | "6.1" by d'),
    (False, 's discrepancies only'),                             # no line names it
    (True, ['s discrepancy "5.6" | "6.5"', 's discrepancies only']),
    (False, 's no-discrepancy "6.5" "5.6"'),
    (True, 's no-discrepancy "31" "38"'),
    (False, 's framing scare-quote "invasion" in a'),
    (False, 's sub-events a b / c d'),
]

# Lines the checker must refuse as wrong lines, whatever the brief shows.
BAD = ['s quote "x" spoken-by "Y"', 's timeline 2026-03-01 "talks" by zz', 'frobnicate 3']


def run(lines):
    header = ['article a a', 'article b news/b', 'article c c.txt', 'article d feed:3',
              'story s a']
    with tempfile.NamedTemporaryFile('w', suffix='.expect', delete=False) as f:
        f.write('\n'.join(header + lines) + '\n')
    try:
        brief = check.Brief(BRIEF)
        with contextlib.redirect_stdout(io.StringIO()):
            return check.run_table(check.Table(f.name), brief, False)
    finally:
        os.unlink(f.name)


def main():
    wrong = 0
    for want, line in CASES:
        lines = line if isinstance(line, list) else [line]
        held, total, bad = run(lines)
        if bad or held != (total if want else total - 1):
            print('WRONG: %s: expected it %s' % (line, 'to hold' if want else 'not to hold'))
            wrong += 1
    for line in BAD:
        held, total, bad = run([line])
        if bad != 1:
            print('WRONG: %s: expected a bad line' % line)
            wrong += 1
    print('expect checker: %d of %d cases right' % (len(CASES) + len(BAD) - wrong,
                                                    len(CASES) + len(BAD)))
    return 1 if wrong else 0


if __name__ == '__main__':
    sys.exit(main())
