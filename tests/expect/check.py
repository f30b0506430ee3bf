#!/usr/bin/env python3
"""Machine-checked expectations of the briefs (tests/expect/README.md).

    check.py TIDINGS ROOT [NAME=DIR ...]

For each corpus NAME with a table NAME.expect beside this file, run
`TIDINGS brief --json DIR` from ROOT, check every expectation of the table against
the JSON and print the failing ones and "N of M expectations hold". A corpus whose
folder is absent is skipped with a message. The run fails when, for a corpus, fewer
expectations hold than the number recorded for it in `floor`; TD_EXPECT_RAISE=1
rewrites `floor` with the higher counts (it never lowers one). -v prints the
expectations that hold as well.
"""

import json
import os
import re
import shlex
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- normalising

_PUNCT = {0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'",
          0x201C: '"', 0x201D: '"', 0x201E: '"', 0x00AB: '"', 0x00BB: '"',
          0x2010: '-', 0x2011: '-', 0x2012: '-', 0x2013: '-', 0x2014: '-',
          0x2212: '-', 0x00A0: ' ', 0x202F: ' ', 0x2009: ' ', 0x2026: ' '}


def fold(s):
    """Lower case without diacritics, one apostrophe, one dash, '%' for percent."""
    s = unicodedata.normalize('NFKD', s or '')
    s = ''.join(c for c in s if not unicodedata.combining(c))
    s = s.translate(_PUNCT).lower()
    return re.sub(r'(\d)\s*(?:%|percent\b|per cent\b)', r'\1%', s)


def words(s):
    """The folded words of s, joined and padded with one space: ' a b c '."""
    out = []
    for t in re.findall(r"[\w%@.:'/-]+", fold(s)):
        t = t.strip(".,:;'-/")
        if t.startswith('@'):
            t = t[1:]
        if t:
            out.append(t)
    return ' ' + ' '.join(out) + ' '


def same_name(a, b):
    return words(a) == words(b)


def keywords(spec):
    """'a|b c' -> [['a', 'b'], ['c']]; '_' joins the words of one alternative."""
    spec = fold(spec)
    return [[words(alt.replace('_', ' ')).strip() for alt in group.split('|')]
            for group in spec.split()]


def matches(spec, text):
    """Every group of spec has an alternative that starts a word of text."""
    w = words(text)
    return all(any(' ' + alt in w for alt in group) for group in keywords(spec))


def contains_words(text, phrase):
    return (' ' + words(phrase).strip()) in words(text)


# ---------------------------------------------------------------- the brief


class Brief:
    """One corpus's JSON brief with the table's article names resolved."""

    def __init__(self, doc):
        self.stories = doc.get('stories') or []
        self.articles = {}                       # id -> article object
        self.story_of = {}                       # id -> story object
        for s in self.stories:
            for a in s.get('articles') or []:
                self.articles[a.get('id')] = a
                self.story_of[a.get('id')] = s
        self.refs = {}                           # table name -> id in the brief
        self.names = {}                          # id -> table name
        self.wanted = {}                         # table name -> id in the table
        self.story_names = {}                    # table name -> article name

    @staticmethod
    def bare_id(aid):
        """An id without a folder or a file extension: ids stay recognisable
        when the reader starts to keep the path as given."""
        aid = aid or ''
        line = ''
        m = re.search(r'(:\d+)$', aid)
        if m:
            aid, line = aid[:m.start()], m.group(1)
        aid = aid.rsplit('/', 1)[-1]
        aid = re.sub(r'\.(txt|jsonl|json|html?|warc|gz)(\.gz)?$', '', aid)
        return aid + line

    def define_article(self, name, aid):
        self.wanted[name] = aid
        hits = [i for i in self.articles
                if i == aid or self.bare_id(i) == self.bare_id(aid)]
        if len(hits) == 1:
            self.refs[name] = hits[0]
            self.names[hits[0]] = name

    def article(self, name):
        if name not in self.wanted:
            raise Bad('the table names no article "%s"' % name)
        if name not in self.refs:
            raise Fail('no article %s in the brief' % self.wanted[name])
        return self.articles[self.refs[name]]

    def story(self, name):
        a = self.article(self.story_names[name])
        return self.story_of[a['id']]

    def label(self, aid):
        return self.names.get(aid, aid)

    def labels(self, ids):
        return [self.label(i) for i in ids or []]


class Fail(Exception):
    """The brief does not show what the line expects."""


class Bad(Exception):
    """The line itself is wrong: the run fails whatever the brief shows."""


def parse_refs(tokens):
    """['a', 'b', '[c]'] -> ({'a', 'b'}, {'c'}): required and optional sources."""
    need, may = set(), set()
    for t in tokens:
        if t.startswith('[') and t.endswith(']'):
            may.update(x for x in t[1:-1].split() if x)
        else:
            need.add(t)
    return need, may


def check_sources(brief, ids, need, may, what):
    for r in need | may:
        brief.article(r)                         # unknown names fail here
    got = set(brief.labels(ids))
    missing = sorted(need - got)
    extra = sorted(got - need - may)
    if missing or extra:
        parts = []
        if missing:
            parts.append('missing ' + ' '.join(missing))
        if extra:
            parts.append('extra ' + ' '.join(extra))
        raise Fail('%s has sources %s (%s)' % (what, ' '.join(sorted(got)) or '-',
                                               ', '.join(parts)))


def quoted(s):
    return '"' + s + '"'


# ---------------------------------------------------------------- checks

def entity_lists(story, kind):
    if kind == 'actor':
        kinds = ['people', 'organisations', 'places']
    else:
        kinds = [{'person': 'people', 'organisation': 'organisations',
                  'place': 'places'}[kind]]
    out = []
    for k in kinds:
        out.extend((k, e) for e in story.get(k) or [])
    return out


def forms(entity):
    return [entity.get('name') or ''] + list(entity.get('variants') or [])


def has_form(entity, name):
    return any(same_name(f, name) for f in forms(entity))


def find_quotes(story, text):
    return [q for q in story.get('quotes') or []
            if contains_words(q.get('text'), text)]


def facts_of(story):
    out = []
    for key in ('facts', 'corroboration'):
        out.extend(story.get(key) or [])
    return out


def fact_text(f):
    return ' '.join(str(f.get(k) or '') for k in
                    ('subject', 'attribute', 'value', 'text', 'event', 'object'))


def claim_sets(disc, specs):
    """For each value spec, the claims of disc whose value matches it."""
    claims = disc.get('claims') or []
    return [[c for c in claims if matches(spec, str(c.get('value') or ''))]
            for spec in specs]


def sub_events_of(story):
    for key in ('sub_events', 'subevents', 'moments', 'threads'):
        if isinstance(story.get(key), list):
            return story[key]
    return None


class Table:
    def __init__(self, path):
        self.path = path
        self.lines = []                          # (line number, text, tokens)
        with open(path, encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                text = line.strip()
                if not text or text.startswith('#'):
                    continue
                self.lines.append((n, text, shlex.split(text)))


def run_table(table, brief, verbose):
    timeline_specs = {}                          # story name -> [(date, keywords)]
    discrepancy_specs = {}                       # story name -> [[value specs]]
    for _, _, t in table.lines:
        if len(t) >= 4 and t[1] == 'timeline' and t[2] != 'only':
            timeline_specs.setdefault(t[0], []).append((t[2], t[3]))
        if len(t) >= 3 and t[1] == 'discrepancy':
            specs = [t[2]] + [t[i + 1] for i, x in enumerate(t) if x == '|']
            discrepancy_specs.setdefault(t[0], []).append(specs)

    held = total = bad = 0
    for n, text, t in table.lines:
        if t[0] == 'article':
            brief.define_article(t[1], t[2])
            continue
        if t[0] == 'story':
            brief.story_names[t[1]] = t[2]
            continue
        total += 1
        try:
            if t[0] in brief.story_names:
                check_story(brief, brief.story(t[0]), t, timeline_specs.get(t[0], []),
                            discrepancy_specs.get(t[0], []))
            else:
                check_corpus(brief, t)
        except Fail as e:
            print('not held  %s:%d: %s\n          %s' % (os.path.basename(table.path), n, text, e))
            continue
        except (Bad, IndexError, KeyError, ValueError) as e:
            print('BAD LINE  %s:%d: %s\n          %s' % (os.path.basename(table.path), n, text,
                                                      e if isinstance(e, Bad) else
                                                      'cannot read it (%r)' % e))
            bad += 1
            continue
        held += 1
        if verbose:
            print('holds     %s:%d: %s' % (os.path.basename(table.path), n, text))
    return held, total, bad


def check_corpus(brief, t):
    verb = t[0]
    if verb == 'stories':
        if len(brief.stories) != int(t[1]):
            raise Fail('the brief has %d stories' % len(brief.stories))
    elif verb == 'outlet':
        outlet = brief.article(t[1]).get('outlet')
        alts = t[2].split('|')
        if outlet is None:
            if 'none' not in alts:
                raise Fail('no outlet')
        elif not any(a != 'none' and contains_words(outlet, a) for a in alts):
            raise Fail('outlet is %s' % quoted(outlet))
    elif verb == 'date':
        date = brief.article(t[1]).get('date')
        ok = False
        for alt in t[2].split('|'):
            if alt == 'none':
                ok = ok or date is None
            elif '..' in alt:
                lo, hi = alt.split('..')
                ok = ok or (date is not None and lo <= date[:len(lo)] <= hi)
            else:
                ok = ok or (date is not None and date.startswith(alt))
        if not ok:
            raise Fail('date is %s' % (date or 'null'))
    elif verb == 'copy':                         # copy A of B
        a, b = brief.article(t[1]), brief.article(t[3])
        if a.get('copy_of') != b['id']:
            raise Fail('copy_of is %s' % (brief.label(a.get('copy_of')) or 'null'))
    elif verb == 'original':
        copies = [r for r in t[1:] if brief.article(r).get('copy_of') is not None]
        if copies:
            raise Fail('taken as copies: ' + ' '.join(
                '%s (of %s)' % (r, brief.label(brief.article(r)['copy_of']))
                for r in copies))
    else:
        raise Bad('unknown expectation "%s"' % verb)


def check_story(brief, story, t, timeline_specs, discrepancy_specs):
    verb = t[1]
    if verb == 'articles':
        check_sources(brief, [a['id'] for a in story.get('articles') or []],
                      set(t[2:]), set(), 'the story')
    elif verb == 'timeline':
        check_timeline(brief, story, t, timeline_specs)
    elif verb == 'quote':
        check_quote(brief, story, t)
    elif verb == 'not-quote':
        hits = [q for q in story.get('quotes') or []
                if words(q.get('text')) == words(t[2])]
        if hits:
            raise Fail('listed as a quote of %s' % (hits[0].get('speaker') or 'no one'))
    elif verb in ('person', 'organisation', 'place'):
        check_entity(story, verb, t)
    elif verb == 'not':                          # not KIND NAME
        hits = [(k, e) for k, e in entity_lists(story, t[2]) if has_form(e, t[3])]
        if hits:
            raise Fail('listed in %s as %s' % (hits[0][0], quoted(hits[0][1].get('name'))))
    elif verb == 'fact':
        check_fact(brief, story, t)
    elif verb == 'discrepancy':
        check_discrepancy(brief, story, t)
    elif verb == 'no-discrepancy':
        for d in story.get('discrepancies') or []:
            sets = claim_sets(d, t[2:])
            hit = [i for i, s in enumerate(sets) if s]
            if len(hit) >= 2:
                raise Fail('a discrepancy on %s sets %s against each other'
                           % (d.get('subject'), ' and '.join(t[2 + i] for i in hit)))
    elif verb == 'discrepancies' and t[2] == 'only':
        extra = [d for d in story.get('discrepancies') or []
                 if not any(all(claim_sets(d, specs)) for specs in discrepancy_specs)]
        if extra:
            raise Fail('%d more: %s' % (len(extra), '; '.join(
                '%s %s: %s' % (d.get('subject'), d.get('attribute'),
                               ' vs '.join(str(c.get('value')) for c in d.get('claims') or []))
                for d in extra[:4])))
    elif verb == 'discrepancies' and t[2] == 'same-subject':
        subjects = {words(d.get('subject')) for d in story.get('discrepancies') or []
                    if any(matches(t[3], str(c.get('value') or ''))
                           for c in d.get('claims') or [])}
        if len(subjects) > 1:
            raise Fail('named %d ways: %s' % (len(subjects), ', '.join(
                quoted(x.strip()) for x in sorted(subjects))))
    elif verb == 'framing':
        check_framing(brief, story, t)
    elif verb == 'sub-events':
        check_sub_events(brief, story, t)
    else:
        raise Bad('unknown expectation "%s"' % verb)


def check_timeline(brief, story, t, specs):
    entries = story.get('timeline') or []
    if t[2] == 'only':
        extra = [e for e in entries
                 if not any(e.get('date') == d and matches(k, e.get('text'))
                            for d, k in specs)]
        if extra:
            raise Fail('%d more entr%s: %s' % (
                len(extra), 'y' if len(extra) == 1 else 'ies', '; '.join(
                    '%s "%s"' % (e.get('date'), (e.get('text') or '')[:70])
                    for e in extra[:5])))
        return
    date, spec = t[2], t[3]
    hits = [e for e in entries if e.get('date') == date and matches(spec, e.get('text'))]
    if not hits:
        elsewhere = sorted({e.get('date') for e in entries if matches(spec, e.get('text'))})
        raise Fail('no entry on %s; entries with these words are dated %s'
                   % (date, ', '.join(elsewhere) or 'nowhere'))
    if len(hits) > 1:
        raise Fail('told as %d entries (%s)' % (len(hits), '; '.join(
            '"%s" by %s' % ((e.get('text') or '')[:50], ' '.join(brief.labels(e.get('sources'))))
            for e in hits)))
    if len(t) > 4 and t[4] == 'by':
        need, may = parse_refs(t[5:])
        check_sources(brief, hits[0].get('sources'), need, may, 'the entry')


def check_quote(brief, story, t):
    text, what = t[2], t[3]
    if what not in ('speaker', 'by', 'independent', 'partial', 'full'):
        raise Bad('unknown quote expectation "%s"' % what)
    hits = find_quotes(story, text)
    if not hits:
        raise Fail('no quote holds these words')
    if what == 'speaker':
        alts = t[4].split('|')
        bad = [q.get('speaker') for q in hits
               if not any(same_name(q.get('speaker') or '', a) for a in alts)]
        if bad:
            raise Fail('speaker is %s' % ', '.join(quoted(s) if s else 'null' for s in bad))
    elif what == 'by':
        if len(hits) > 1:
            raise Fail('quoted as %d entries (by %s)' % (len(hits), '; '.join(
                ' '.join(brief.labels(q.get('sources'))) for q in hits)))
        need, may = parse_refs(t[4:])
        check_sources(brief, hits[0].get('sources'), need, may, 'the quote')
    elif what == 'independent':
        if len(hits) > 1:
            raise Fail('quoted as %d entries' % len(hits))
        if hits[0].get('independent') != int(t[4]):
            raise Fail('independent is %s' % hits[0].get('independent'))
    elif what == 'partial':
        full = [q for q in hits if not q.get('partial')]
        if full:
            raise Fail('listed as a full quote: %s' % quoted(full[0].get('text')))
    elif what == 'full':
        if not any(not q.get('partial') for q in hits):
            raise Fail('listed only as a partial quote')


def check_entity(story, kind, t):
    ents = entity_lists(story, kind)
    name = t[2]
    if len(t) == 3:                              # KIND NAME: named so, in that list
        if not any(same_name(e.get('name'), name) for _, e in ents):
            near = [e.get('name') for _, e in entity_lists(story, 'actor')
                    if has_form(e, name)]
            raise Fail('no %s named so%s' % (kind, ' (found as %s)' % ', '.join(
                quoted(x) for x in near) if near else ''))
        return
    if t[3] == '=':                              # KIND A = B [= C]: one entity
        names = [x for x in t[2:] if x != '=']
        holders = [(k, e) for k, e in entity_lists(story, 'actor')
                   if any(has_form(e, x) for x in names)]
        if len(holders) != 1:
            raise Fail('%s' % ('none of these forms is listed' if not holders else
                               'held by %d entries: %s' % (len(holders), ', '.join(
                                   quoted(e.get('name')) for _, e in holders))))
        k, e = holders[0]
        if (k, e) not in ents:
            raise Fail('listed in %s' % k)
        missing = [x for x in names if not has_form(e, x)]
        if missing:
            raise Fail('%s has no form %s' % (quoted(e.get('name')),
                                              ', '.join(quoted(x) for x in missing)))
        return
    if t[3] == 'role':
        holders = [e for _, e in ents if has_form(e, name)]
        if not holders:
            raise Fail('no %s %s' % (kind, quoted(name)))
        roles = [e.get('title') for e in holders]
        if not any(r and any(contains_words(r, alt) for alt in t[4].split('|'))
                   for r in roles):
            raise Fail('role is %s' % ', '.join(quoted(r) if r else 'null' for r in roles))
        return
    raise Bad('unknown %s expectation' % kind)


def check_fact(brief, story, t):
    spec = t[2]
    hits = [f for f in facts_of(story) if matches(spec, fact_text(f))]
    if not hits:
        raise Fail('no fact with these words (%d facts)' % len(facts_of(story)))
    if t[3] == 'independent':
        want = int(t[4])
        if not any(f.get('independent') == want for f in hits):
            raise Fail('independent is %s' % ', '.join(str(f.get('independent')) for f in hits))
    elif t[3] == 'by':
        need, may = parse_refs(t[4:])
        errors = []
        for f in hits:
            try:
                check_sources(brief, f.get('sources'), need, may, 'the fact')
                return
            except Fail as e:
                errors.append(str(e))
        raise Fail('; '.join(errors))
    else:
        raise Bad('unknown fact expectation "%s"' % t[3])


def split_on(tokens, sep):
    """The tokens as the lists between the separators (one list when there is none)."""
    parts, cur = [], []
    for x in tokens:
        if x == sep:
            parts.append(cur)
            cur = []
        else:
            cur.append(x)
    parts.append(cur)
    return parts


def check_discrepancy(brief, story, t):
    # discrepancy "A" by REFS | "B" by REFS [| ...] [subject "NAMES"]
    subject = None
    if 'subject' in t:
        i = t.index('subject')
        subject, t = t[i + 1], t[:i]
    sides = split_on(t[2:], '|')
    specs = [s[0] for s in sides]
    hits = [d for d in story.get('discrepancies') or [] if all(claim_sets(d, specs))]
    if not hits:
        raise Fail('no discrepancy sets %s against each other (%d discrepancies)'
                   % (' and '.join(quoted(s) for s in specs),
                      len(story.get('discrepancies') or [])))
    if len(hits) > 1:
        raise Fail('shown as %d entries (%s)' % (len(hits), ', '.join(
            '%s %s' % (d.get('subject'), d.get('attribute')) for d in hits)))
    d = hits[0]
    if subject and not any(same_name(d.get('subject') or '', s) for s in subject.split('|')):
        raise Fail('subject is %s' % quoted(d.get('subject') or ''))
    for side, claims in zip(sides, claim_sets(d, specs)):
        if len(side) > 1 and side[1] == 'by':
            need, may = parse_refs(side[2:])
            ids = [i for c in claims for i in c.get('sources') or []]
            check_sources(brief, ids, need, may, 'the claim %s' % quoted(side[0]))


def check_framing(brief, story, t):
    # framing KIND "WORDS" in REF [contrast "WORDS"]
    kind, spec, ref = t[2], t[3], t[5]
    contrast = t[7] if len(t) > 7 and t[6] == 'contrast' else None
    aid = brief.article(ref)['id']
    flags = story.get('framing')
    if flags is None:
        raise Fail('the story has no framing section')
    hits = [f for f in flags if f.get('kind') == kind and f.get('source') == aid
            and matches(spec, f.get('text'))]
    if not hits:
        raise Fail('no %s flag with these words in %s' % (kind, ref))
    if contrast and not any(matches(contrast, f.get('contrast') or '') for f in hits):
        raise Fail('contrast is %s' % ', '.join(quoted(f.get('contrast') or '') for f in hits))


def check_sub_events(brief, story, t):
    groups = split_on(t[2:], '/')
    subs = sub_events_of(story)
    if subs is None:
        raise Fail('the story has no sub-events')
    got = sorted(sorted(brief.labels(s.get('sources') or s.get('articles') or []))
                 for s in subs)
    for g in groups:
        for r in g:
            brief.article(r)
    want = sorted(sorted(g) for g in groups)
    if got != want:
        raise Fail('sub-events are ' + ' / '.join(' '.join(g) for g in got))


# ---------------------------------------------------------------- main

def read_floor(path):
    floor = {}
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.split('#', 1)[0].split()
                if len(line) == 2:
                    floor[line[0]] = int(line[1])
    return floor


def write_floor(path, floor):
    with open(path, encoding='utf-8') as f:
        lines = f.read().splitlines()
    out, seen = [], set()
    for line in lines:
        parts = line.split('#', 1)[0].split()
        if len(parts) == 2 and parts[0] in floor:
            line = '%s %d' % (parts[0], floor[parts[0]])
            seen.add(parts[0])
        out.append(line)
    out.extend('%s %d' % (k, v) for k, v in sorted(floor.items()) if k not in seen)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')


def main(argv):
    verbose = '-v' in argv
    argv = [a for a in argv if a != '-v']
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary, root = argv[1], argv[2]
    corpora = [a.split('=', 1) for a in argv[3:]]
    floor_path = os.path.join(HERE, 'floor')
    floor = read_floor(floor_path)
    raised = dict(floor)
    ok = True
    for name, folder in corpora:
        folder = os.path.join(root, folder)
        table = Table(os.path.join(HERE, name + '.expect'))
        if not os.path.isdir(folder):
            print('skip: %s (%s absent)' % (name, folder))
            continue
        proc = subprocess.run([binary, 'brief', '--json', folder], cwd=root,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if proc.returncode > 1:
            print('FAIL %s: tidings brief exited %d\n%s'
                  % (name, proc.returncode, proc.stderr.decode('utf-8', 'replace')))
            ok = False
            continue
        brief = Brief(json.loads(proc.stdout.decode('utf-8')))
        held, total, bad = run_table(table, brief, verbose)
        want = floor.get(name, 0)
        print('%s: %d of %d expectations hold (floor %d)' % (name, held, total, want))
        if bad:
            print('FAIL %s: %d lines of %s.expect cannot be checked' % (name, bad, name))
            ok = False
        if held < want:
            print('FAIL %s: fewer expectations hold than tests/expect/floor records (%d < %d)'
                  % (name, held, want))
            ok = False
        elif held > want:
            raised[name] = held
            print('note: %s: %d hold, tests/expect/floor says %d: raise it '
                  '(TD_EXPECT_RAISE=1 writes it)' % (name, held, want))
    if os.environ.get('TD_EXPECT_RAISE') == '1' and raised != floor:
        write_floor(floor_path, raised)
        print('tests/expect/floor raised')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
