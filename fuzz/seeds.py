#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora from the repository's own examples.

Usage: seeds.py REPO_DIR OUT_DIR

OUT_DIR/programs: every *.writ file under tests/ and facts/, and every string literal of
the test sources (tests/**/*.cpp) that looks like writ text (adjacent literals joined).
OUT_DIR/goals: the goals of the `?-` queries in those programs and the literals passed to
ask(...) in the tests. OUT_DIR/c_api: programs followed by a NUL and one of their goals,
the c_api_fuzzer's TEXT NUL GOAL form. OUT_DIR/csv: the string literals of the CSV tests
(tests/grammar/csv_test.cpp, tests/cli/table_command_test.cpp), each after an options byte
of 0 (comma, header decided) and of 1 (tab), the csv_import_fuzzer's form. Files are named by the SHA-1 of their contents, as
libFuzzer names the inputs it keeps.
"""
import hashlib
import pathlib
import re
import sys

LITERAL = re.compile(r'R"([^(\s]*)\((.*?)\)\1"|"((?:[^"\\\n]|\\.)*)"', re.S)
ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', '0': '\0', '"': '"', "'": "'", '\\': '\\', '?': '?'}


def unescape(body):
    return re.sub(r'\\(.)', lambda m: ESCAPES.get(m.group(1), '\\' + m.group(1)), body)


def literals(source):
    """Yields (start, end, text) of each string literal run, adjacent literals joined."""
    run = None
    for m in LITERAL.finditer(source):
        text = m.group(2) if m.group(2) is not None else unescape(m.group(3))
        if run and source[run[1]:m.start()].strip() == '':
            run = (run[0], m.end(), run[2] + text)
            continue
        if run:
            yield run
        run = (m.start(), m.end(), text)
    if run:
        yield run


def looks_like_writ(text):
    return len(text) >= 2 and ('.' in text or '?' in text or '(' in text) and '#include' not in text


def goals_of(program):
    return [m.group(1).strip() for m in re.finditer(r'\?-(.*?)\.\s*(?:$|%)', program, re.M)]


def main(repo, out):
    repo, out = pathlib.Path(repo), pathlib.Path(out)
    programs, goals = set(), set()
    for path in sorted(list(repo.glob('tests/**/*.writ')) + list(repo.glob('facts/**/*.writ'))):
        programs.add(path.read_text(encoding='utf-8', errors='surrogateescape'))
    for path in sorted(repo.glob('tests/**/*.cpp')):
        source = path.read_text(encoding='utf-8', errors='surrogateescape')
        for start, _, text in literals(source):
            if not looks_like_writ(text) or len(text) > 100_000:
                continue
            before = source[max(0, start - 6):start]
            (goals if before.endswith('ask(') else programs).add(text)
    for program in programs:
        goals.update(goals_of(program))
    c_api = {p + '\0' + g for p in programs for g in goals_of(p)[:1]}
    tables = set()
    for name in ('tests/grammar/csv_test.cpp', 'tests/cli/table_command_test.cpp'):
        for _, _, text in literals((repo / name).read_text(encoding='utf-8', errors='surrogateescape')):
            if '\n' in text:
                tables.update({'\0' + text, '\1' + text})
    for name, inputs in (('programs', programs), ('goals', goals), ('c_api', c_api), ('csv', tables)):
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for text in inputs:
            data = text.encode('utf-8', errors='surrogateescape')
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f'seeds.py: {len(inputs)} {name} in {folder}')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
