#!/usr/bin/env python3
"""Writes the inputs of compare.sh: one directory per workload, with the same facts and
rules for each tool (writ, clingo, SWI-Prolog, SQLite).

Graphs come from xorshift64* with a fixed seed, the generator of graphs.hpp, so that
the kernels and the whole-command comparison see the same graphs and every run is the
same. Usage: generate.py OUT_DIR [--quick]
"""
import os
import sys

MASK = (1 << 64) - 1


class Random:
    def __init__(self, seed):
        self.state = seed or 1

    def next(self):
        s = self.state
        s ^= s >> 12
        s ^= (s << 25) & MASK
        s ^= s >> 27
        self.state = s
        return (s * 0x2545F4914F6CDD1D) & MASK

    def below(self, n):
        return self.next() % n


def random_graph(nodes, edges, seed=42):
    rng, seen, out = Random(seed), set(), []
    while len(out) < edges:
        a, b = rng.below(nodes) + 1, rng.below(nodes) + 1
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        out.append((a, b))
    return out


def chain(edges):
    return [(i, i + 1) for i in range(1, edges + 1)]


def random_tree(nodes, seed=42):
    rng = Random(seed)
    return [(rng.below(i - 1) + 1, i) for i in range(2, nodes + 1)]


# Each workload: the rules (Datalog, the same text for writ and clingo), the predicate
# counted, and the SQL and Prolog that compute the same set.
TC_RULES = """path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z).
"""
TC_SQL = """WITH RECURSIVE path(x, y) AS (
  SELECT src, dst FROM edge
  UNION
  SELECT path.x, edge.dst FROM path JOIN edge ON edge.src = path.y
)
SELECT count(*) FROM path;
"""
TC_PROLOG = """:- table path/2.
path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z).
answers(N) :- aggregate_all(count, path(_, _), N).
"""

# Same generation on a tree whose edges go parent -> child.
SG_RULES = """sg(X, Y) :- edge(P, X), edge(P, Y), X != Y.
sg(X, Y) :- sg(A, B), edge(A, X), edge(B, Y).
"""
SG_SQL = """WITH RECURSIVE sg(x, y) AS (
  SELECT a.dst, b.dst FROM edge a JOIN edge b ON a.src = b.src WHERE a.dst <> b.dst
  UNION
  SELECT a.dst, b.dst FROM sg JOIN edge a ON a.src = sg.x JOIN edge b ON b.src = sg.y
)
SELECT count(*) FROM sg;
"""
SG_PROLOG = """:- table sg/2.
sg(X, Y) :- edge(P, X), edge(P, Y), X \\== Y.
sg(X, Y) :- sg(A, B), edge(A, X), edge(B, Y).
answers(N) :- aggregate_all(count, sg(_, _), N).
"""

# Two strata: the closure, then the pairs of nodes it does not connect.
UNREACHED_RULES = TC_RULES + """node(X) :- edge(X, Y).
node(Y) :- edge(X, Y).
unreached(X, Y) :- node(X), node(Y), not path(X, Y).
"""
UNREACHED_SQL = """WITH RECURSIVE path(x, y) AS (
  SELECT src, dst FROM edge
  UNION
  SELECT path.x, edge.dst FROM path JOIN edge ON edge.src = path.y
),
node(id) AS (SELECT src FROM edge UNION SELECT dst FROM edge)
SELECT count(*) FROM (SELECT a.id, b.id FROM node a, node b EXCEPT SELECT x, y FROM path);
"""
# Subsumptive tabling answers the bound calls path(X, Y) of the negation from the one
# complete table of path(_, _), instead of a new table per pair.
UNREACHED_PROLOG = """:- table path/2 as subsumptive.
:- table node/1.
path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z).
node(X) :- edge(X, _).
node(Y) :- edge(_, Y).
answers(N) :- aggregate_all(count, path(_, _), _),
              aggregate_all(count, (node(X), node(Y), \\+ path(X, Y)), N).
"""


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def emit(out, name, edges, rules, predicate, sql, prolog):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    facts = "".join(f"edge({a}, {b}).\n" for a, b in edges)
    write(os.path.join(d, "prog.writ"), facts + rules)
    # clingo: the same program; only the count is shown, so printing a million atoms is
    # not what gets timed.
    write(os.path.join(d, "prog.lp"),
          facts + rules + f"answers(N) :- N = #count {{ X, Y : {predicate}(X, Y) }}.\n#show answers/1.\n")
    write(os.path.join(d, "prog.pl"),
          facts + prolog + "main :- answers(N), format(\"~d~n\", [N]).\n")
    rows = ",\n".join(f"({a}, {b})" for a, b in edges)
    write(os.path.join(d, "load.sql"),
          "CREATE TABLE edge(src INTEGER NOT NULL, dst INTEGER NOT NULL);\n"
          f"BEGIN;\nINSERT INTO edge VALUES\n{rows};\nCOMMIT;\n"
          "CREATE INDEX edge_src ON edge(src);\nCREATE INDEX edge_dst ON edge(dst);\nANALYZE;\n")
    write(os.path.join(d, "query.sql"), sql)
    write(os.path.join(d, "goal"), f"{predicate}(X, Y)\n")
    # writ's count-only form, loaded with prog.writ: the same #count as clingo's.
    write(os.path.join(d, "count.writ"), f"answers(N) :- N = #count {{ X, Y : {predicate}(X, Y) }}.\n")


# Soufflé's forms of the same programs (compare.sh --with-souffle): edges read from
# edge.facts (tab-separated); `.printsize` prints only the number of answers, `.output`
# writes every one to a file (Soufflé's "printing").
SOUFFLE_DECLS = """.decl edge(x: number, y: number)
.input edge
"""
SOUFFLE_RULES = {
    "path": """.decl path(x: number, y: number)
path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z).
""",
    "sg": """.decl sg(x: number, y: number)
sg(X, Y) :- edge(P, X), edge(P, Y), X != Y.
sg(X, Y) :- sg(A, B), edge(A, X), edge(B, Y).
""",
    "unreached": """.decl path(x: number, y: number)
path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z).
.decl node(x: number)
node(X) :- edge(X, _).
node(Y) :- edge(_, Y).
.decl unreached(x: number, y: number)
unreached(X, Y) :- node(X), node(Y), !path(X, Y).
""",
}


def emit_souffle(out, name, edges, predicate):
    d = os.path.join(out, name)
    write(os.path.join(d, "edge.facts"), "".join(f"{a}\t{b}\n" for a, b in edges))
    rules = SOUFFLE_DECLS + SOUFFLE_RULES[predicate]
    write(os.path.join(d, "print.dl"), rules + f".output {predicate}\n")
    write(os.path.join(d, "count.dl"), rules + f".printsize {predicate}\n")


# The workloads of issue 16's table and its scaling rows (compare.sh --with-souffle):
# (name, edges, rules, predicate, sql, prolog).
def souffle_workloads(quick):
    k = 5 if quick else 1
    return [
        ("tc-random-1k", random_graph(1000 // k, 5000 // k), TC_RULES, "path", TC_SQL, TC_PROLOG),
        ("tc-random-2k", random_graph(2000 // k, 10000 // k), TC_RULES, "path", TC_SQL, TC_PROLOG),
        ("tc-chain-2k", chain(2000 // k), TC_RULES, "path", TC_SQL, TC_PROLOG),
        ("sg-2k", random_graph(2000 // k, 4000 // k), SG_RULES, "sg", SG_SQL, SG_PROLOG),
        ("unreached-3k", random_graph(3000 // k, 3000 // k), UNREACHED_RULES, "unreached", UNREACHED_SQL,
         UNREACHED_PROLOG),
        # scaling: chains of 1k/2k/4k edges, random graphs of 500/1k/2k nodes (5 edges each)
        ("scale-chain-1k", chain(1000 // k), TC_RULES, "path", TC_SQL, TC_PROLOG),
        ("scale-chain-4k", chain(4000 // k), TC_RULES, "path", TC_SQL, TC_PROLOG),
        ("scale-random-500", random_graph(500 // k, 2500 // k), TC_RULES, "path", TC_SQL, TC_PROLOG),
    ]


# 1M facts `edge(I, (I * 7919) mod N)` (the store benchmark's), and a point query.
def emit_load(out, quick):
    n = 200_000 if quick else 1_000_000
    d = os.path.join(out, "load-1m")
    os.makedirs(d, exist_ok=True)
    edges = [(i, (i * 7919) % n) for i in range(n)]
    write(os.path.join(d, "prog.writ"), "".join(f"edge({a}, {b}).\n" for a, b in edges))
    write(os.path.join(d, "edge.facts"), "".join(f"{a}\t{b}\n" for a, b in edges))
    write(os.path.join(d, "goal"), "edge(5, X)\n")
    decl = ".decl edge(x: number, y: number)\n.input edge\n.decl answer(y: number)\nanswer(Y) :- edge(5, Y).\n"
    write(os.path.join(d, "print.dl"), decl + ".output answer\n")
    write(os.path.join(d, "count.dl"), decl + ".printsize answer\n")
    write(os.path.join(d, "load.sql"), "")
    write(os.path.join(d, "query.sql"),
          "CREATE TABLE edge(a INTEGER, b INTEGER);\n.mode tabs\n.import edge.facts edge\n"
          "SELECT count(*) FROM edge WHERE a = 5;\n")
    write(os.path.join(d, "count.writ"), "answers(N) :- N = #count { X : edge(5, X) }.\n")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: generate.py OUT_DIR [--quick] [--souffle]")
    out, quick = sys.argv[1], "--quick" in sys.argv[2:]
    if "--souffle" in sys.argv[2:]:
        for name, edges, rules, predicate, sql, prolog in souffle_workloads(quick):
            emit(out, name, edges, rules, predicate, sql, prolog)
            emit_souffle(out, name, edges, predicate)
        emit_load(out, quick)
        return
    # --quick: a tenth of the size, for checking that the script works.
    n, m, c, t = (200, 1000, 200, 1000) if quick else (1000, 5000, 1000, 5000)
    graph = random_graph(n, m)
    emit(out, "tc-random", graph, TC_RULES, "path", TC_SQL, TC_PROLOG)
    emit(out, "tc-chain", chain(c), TC_RULES, "path", TC_SQL, TC_PROLOG)
    emit(out, "sg-tree", random_tree(t), SG_RULES, "sg", SG_SQL, SG_PROLOG)
    emit(out, "unreached", graph, UNREACHED_RULES, "unreached", UNREACHED_SQL, UNREACHED_PROLOG)


if __name__ == "__main__":
    main()
