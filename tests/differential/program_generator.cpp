// The program generator. What it may generate rests on these facts about clingo 5.4.1,
// each checked by running clingo by hand:
//
// - Integers are 32-bit and wrap silently (1000000 * 3000 > 0 is false). Fact integers
//   stay within |v| <= 100, every arithmetic result is bounded by comparisons in the same
//   rule (|v| <= 1000, or <= 15 in recursive rules, which also keeps recursion finite),
//   every #sum that binds a variable is bounded by |v| <= 100000, multipliers are constants
//   with |c| <= 5 and there is no Var * Var: no intermediate result exceeds 10^6.
// - `/` truncates toward zero and `\` takes the sign of the dividend (C's / and %):
//   7/3=2, -7/3=-2, 7/-3=-2, -7/-3=2; 7\3=1, -7\3=-1, 7\-3=1, -7\-3=-1; -1/7=0, -1\7=-1.
//   X/0 and X\0 are undefined: clingo drops that rule instance (an "info" message).
// - Arithmetic on a symbol or string (a + 1, "s" * 2) is undefined: the rule instance is
//   dropped, also inside a comparison (`X + 1 > 0` is false, not an error, for X = a).
//   Except that clingo simplifies X * 1, 1 * X, X + 0 and X - 0 to X when it parses them,
//   so those are defined on symbols and strings (a * 1 = a). X / 1, X \ 1, X * -1, X - X
//   stay undefined on them. The generator never writes a 0 or 1 that clingo could fold.
//   Unary minus is NOT undefined on symbols (-X gives the classical negation -a), so the
//   generator never negates a variable; negative constants (-3) are fine.
// - Value order: integers < symbols < strings; symbols compare by name and strings by
//   content, both byte-wise (unsigned): a < aB < a_b < aa < ab, "" < "S" < "a b" < "a,b",
//   "z" < "é". Comparisons across kinds are allowed anywhere: "s" > 3, a < "a", 1 < a.
// - `not p(X, _)` is accepted and means "no p(X, Y) for any Y" (the `_` is local to the
//   negated literal); `not p(X, Y)` with Y nowhere else is unsafe.
// - #count and #sum of an empty set are 0. #min of an empty set is #sup and #max is #inf;
//   writ agrees inside comparisons (#min{} > 3 holds, #max{} < a holds), but
//   `M = #min{...}` binds nothing in writ when the set is empty, so every assigning
//   #min/#max is guarded by a copy of its condition (with fresh local variables) in the
//   rule body, which makes the set non-empty.
// - #sum ignores elements whose weight (the first term) is not an integer; #min/#max take
//   the first term of every element, of any kind, in the value order. Elements are a SET
//   of tuples: #sum{ W : w(X, W) } adds each distinct W once, #sum{ W, X : ... } once per
//   distinct (W, X).
// - `N = #count{...}` and `#count{...} = N` both bind N; `#count{...} > 1` and
//   `1 < #count{...}` are both accepted, as are several elements separated by `;`.
// - Strings accept the escapes \" \\ and \n (the escape \t is a syntax error); clingo prints
//   them back the same way, so a model stays on one line.
#include "program_generator.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

namespace writ::differential {

namespace {

// SplitMix64: small, fast, and the same everywhere (std:: distributions are not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
  bool percent(int p) { return static_cast<int>(below(100)) < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  std::uint64_t state_;
};

const std::vector<std::string> kPredicateNames = {"p",    "q",    "r",    "s",    "t",    "u",
                                                  "v",    "w",    "edge", "path", "reach", "node",
                                                  "link", "big",  "cnt",  "val",  "ok",   "win_"};
const std::vector<std::string> kSymbols = {"a",  "b",   "c",  "d",  "alice", "bob", "aa",
                                           "ab", "a_b", "aB", "zed", "x1",   "nil"};
// Strings in source form: spaces, commas, brackets, escapes, UTF-8, and look-alikes of
// other kinds ("1", "a").
const std::vector<std::string> kStrings = {
    R"s("a")s",     R"s("b")s",           R"s("hello world")s", R"s("a,b")s",
    R"s("q\"x")s", R"s("back\\slash")s", R"s("")s",            R"s("Alice")s",
    R"s("(x)")s",   "\"\xc3\xa9t\xc3\xa9\"", R"s("a\nb")s",      R"s("1")s",
    R"s("a) b(")s"};
const std::vector<std::string> kVariables = {"X", "Y", "Z", "W", "V", "U", "A", "B", "C",
                                             "D", "E", "F", "G", "H", "I", "J", "K", "L",
                                             "M", "N", "P", "Q", "R", "S", "T"};
const std::vector<std::string> kComparisons = {"<", "<=", ">", ">=", "=", "!="};

struct Predicate {
  std::string name;
  std::size_t arity = 0;
  int stratum = 0;  // 0: facts only; a rule may negate or aggregate only lower strata
  bool has_facts = false;
};

// A literal of an aggregate's condition, kept as parts so that it can be copied with its
// local variables renamed (the guard of #min/#max).
struct ConditionLiteral {
  enum class Kind { Positive, Negative, Comparison };
  Kind kind = Kind::Positive;
  std::string predicate;           // Positive, Negative
  std::vector<std::string> terms;  // atom arguments, or {lhs, op, rhs}
};

std::string atom_text(const std::string& name, const std::vector<std::string>& args) {
  if (args.empty()) return name;
  std::string out = name + "(";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out += ", ";
    out += args[i];
  }
  return out + ")";
}

std::string render(const ConditionLiteral& l, const std::map<std::string, std::string>& rename) {
  std::vector<std::string> terms;
  for (const std::string& t : l.terms) {
    const auto it = rename.find(t);
    terms.push_back(it == rename.end() ? t : it->second);
  }
  switch (l.kind) {
    case ConditionLiteral::Kind::Positive:
      return atom_text(l.predicate, terms);
    case ConditionLiteral::Kind::Negative:
      return "not " + atom_text(l.predicate, terms);
    case ConditionLiteral::Kind::Comparison:
      break;
  }
  return terms[0] + " " + terms[1] + " " + terms[2];
}

class Generator {
 public:
  Generator(std::uint64_t seed, bool plain) : rng_(seed), plain_(plain), arithmetic_in_atoms_(plain ? 0 : 12) {}

  GeneratedProgram run(std::uint64_t seed) {
    make_domain();
    make_predicates();
    std::vector<std::string> facts = make_facts();
    std::vector<std::string> rules = make_rules();

    GeneratedProgram out;
    out.seed = seed;
    out.statements = std::move(facts);
    out.statements.insert(out.statements.end(), rules.begin(), rules.end());
    if (rng_.percent(30)) rng_.shuffle(out.statements);
    for (const Predicate& p : preds_) out.predicates.push_back({p.name, p.arity});
    return out;
  }

 private:
  // --- constants ---------------------------------------------------------------------------

  void make_domain() {
    const int size = rng_.between(3, 8);
    const std::size_t profile = rng_.below(10);  // 0-3 integers only, 4-5 symbols only, else mixed
    while (static_cast<int>(domain_.size()) < size) {
      std::string c;
      const std::size_t kind = profile < 4 ? 0 : profile < 6 ? 1 : rng_.below(3);
      if (kind == 0) {
        c = std::to_string(rng_.percent(80) ? rng_.between(-3, 12) : rng_.between(-100, 100));
      } else if (kind == 1) {
        c = rng_.pick(kSymbols);
      } else {
        c = rng_.pick(kStrings);
      }
      if (std::find(domain_.begin(), domain_.end(), c) == domain_.end()) domain_.push_back(c);
    }
  }

  // Mostly a domain value; sometimes any constant, to compare across kinds.
  std::string constant() {
    if (rng_.percent(85)) return rng_.pick(domain_);
    switch (rng_.below(3)) {
      case 0:
        return std::to_string(rng_.between(-20, 20));
      case 1:
        return rng_.pick(kSymbols);
      default:
        return rng_.pick(kStrings);
    }
  }

  // --- predicates and facts ----------------------------------------------------------------

  void make_predicates() {
    const int count = rng_.between(3, 8);
    const int edb = rng_.between(1, std::min(3, count - 1));
    const int idb = count - edb;
    const int max_stratum = rng_.between(1, idb);
    std::vector<std::string> names = kPredicateNames;
    rng_.shuffle(names);
    for (int i = 0; i < count; ++i) {
      Predicate p;
      const std::size_t a = rng_.below(100);
      p.arity = a < 10 ? 0 : a < 40 ? 1 : a < 80 ? 2 : 3;
      p.name = names[static_cast<std::size_t>(i)];
      // Sometimes one name with two arities: p/1 and p/2 are different predicates.
      if (i > 0 && rng_.percent(8)) {
        const Predicate& other = preds_[rng_.below(preds_.size())];
        if (other.arity != p.arity) p.name = other.name;
      }
      p.stratum = i < edb ? 0 : rng_.between(1, max_stratum);
      p.has_facts = p.stratum == 0 || rng_.percent(15);
      preds_.push_back(p);
    }
    // A name reused with the same arity would merge two predicates; rename such clashes.
    for (std::size_t i = 0; i < preds_.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (preds_[j].name == preds_[i].name && preds_[j].arity == preds_[i].arity) {
          preds_[i].name = names[i];
        }
      }
    }
  }

  std::vector<std::string> make_facts() {
    std::vector<std::string> facts;
    std::vector<std::size_t> holders;
    for (std::size_t i = 0; i < preds_.size(); ++i) {
      if (!preds_[i].has_facts) continue;
      if (preds_[i].arity == 0) {
        if (rng_.percent(85)) facts.push_back(preds_[i].name + ".");
      } else if (rng_.percent(93)) {  // sometimes a predicate without any fact
        holders.push_back(i);
      }
    }
    if (holders.empty()) return facts;
    const int total = rng_.percent(20) ? rng_.between(5, 12) : rng_.between(12, 40);
    for (int k = 0; k < total; ++k) {
      const Predicate& p = preds_[rng_.pick(holders)];
      std::vector<std::string> args;
      for (std::size_t a = 0; a < p.arity; ++a) args.push_back(rng_.percent(95) ? rng_.pick(domain_) : constant());
      facts.push_back(atom_text(p.name, args) + ".");
    }
    return facts;
  }

  // --- rules -------------------------------------------------------------------------------

  std::vector<std::string> make_rules() {
    std::vector<std::size_t> heads;
    for (std::size_t i = 0; i < preds_.size(); ++i) {
      if (preds_[i].stratum > 0) heads.push_back(i);
    }
    std::vector<std::string> rules;
    // A first rule for each derived predicate without recursion (its base case), then more
    // rules for random heads, which may recurse.
    for (const std::size_t h : heads) rules.push_back(make_rule(h, false));
    const int extra = rng_.between(2, 10) - static_cast<int>(heads.size());
    for (int k = 0; k < extra; ++k) rules.push_back(make_rule(rng_.pick(heads), true));
    return rules;
  }

  std::string fresh() {
    const std::size_t n = next_variable_++;
    return n < kVariables.size() ? kVariables[n] : "V" + std::to_string(n);
  }

  std::vector<std::size_t> preds_where(bool (*keep)(const Predicate&, int), int stratum) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < preds_.size(); ++i) {
      if (keep(preds_[i], stratum)) out.push_back(i);
    }
    return out;
  }
  std::vector<std::size_t> lower_than(int stratum) const {
    return preds_where([](const Predicate& p, int s) { return p.stratum < s; }, stratum);
  }

  // Arithmetic over one variable, as an atom's argument (`p(X - 1)`, `q(Y, 2 * Y)`): never
  // 0 or 1 as a constant (clingo folds X + 0 and X * 1 to X, defined even on symbols), and
  // never a unary minus on a variable (which is classical negation for a symbol).
  std::string argument_arithmetic(const std::string& var) {
    const std::string small = std::to_string(rng_.between(2, 9));
    int m = rng_.between(-3, 4);
    if (m == 0 || m == 1) m = 2;
    switch (rng_.below(6)) {
      case 0: return var + " + " + small;
      case 1: return var + " - " + small;
      case 2: return small + " + " + var;
      case 3: return std::to_string(m) + " * " + var;
      case 4: return var + " / " + std::to_string(m);
      default: return var + " \\ " + small;
    }
  }

  std::string positive_atom(const Predicate& p) {
    std::vector<std::string> args;
    std::vector<std::string> fresh_here;
    std::vector<std::size_t> own_arithmetic;  // arguments that are arithmetic over fresh_here
    for (std::size_t i = 0; i < p.arity; ++i) {
      const std::size_t r = rng_.below(100);
      if (!bound_.empty() && r < 40) {
        // A variable bound elsewhere, sometimes under arithmetic: an index key once it is
        // bound (the planner must order the atoms so that it is).
        args.push_back(rng_.percent(arithmetic_in_atoms_) ? argument_arithmetic(rng_.pick(bound_)) : rng_.pick(bound_));
      } else if (i > 0 && rng_.percent(arithmetic_in_atoms_ / 2)) {
        own_arithmetic.push_back(i);  // over a variable this atom binds: `p(X, X + 1)`
        args.push_back("");
      } else if (r < 86) {
        if (!fresh_here.empty() && rng_.percent(7)) {
          args.push_back(rng_.pick(fresh_here));
        } else {
          fresh_here.push_back(fresh());
          args.push_back(fresh_here.back());
        }
      } else if (r < 92) {
        args.push_back(constant());
      } else {
        args.push_back("_");
      }
    }
    // Join with what is bound: a cross product of two large relations (or of a relation
    // with itself, in a recursive rule) makes grounding explode.
    const bool joins = std::any_of(args.begin(), args.end(), [&](const std::string& a) {
      return std::find(bound_.begin(), bound_.end(), a) != bound_.end();
    });
    if (!bound_.empty() && !args.empty() && !joins) {
      const std::size_t k = rng_.below(args.size());
      const std::string replaced = args[k];
      args[k] = rng_.pick(bound_);
      if (std::find(args.begin(), args.end(), replaced) == args.end()) {
        fresh_here.erase(std::remove(fresh_here.begin(), fresh_here.end(), replaced), fresh_here.end());
      }
    }
    if (fresh_here.empty()) {
      for (const std::size_t i : own_arithmetic) fresh_here.push_back(args[i] = fresh());
    } else {
      for (const std::size_t i : own_arithmetic) args[i] = argument_arithmetic(rng_.pick(fresh_here));
    }
    bound_.insert(bound_.end(), fresh_here.begin(), fresh_here.end());
    return atom_text(p.name, args);
  }

  // Two atoms whose arithmetic arguments each need the variable the other binds
  // (`a(X, Y + 2), b(Y, X - 3)`): no order binds everything before it is computed.
  void crossed_atoms(const Predicate& a, const Predicate& b) {
    const std::string x = fresh();
    const std::string y = fresh();
    std::vector<std::string> first = {x, argument_arithmetic(y)};
    std::vector<std::string> second = {y, argument_arithmetic(x)};
    for (std::size_t k = 2; k < a.arity; ++k) first.push_back("_");
    for (std::size_t k = 2; k < b.arity; ++k) second.push_back("_");
    body_.push_back(atom_text(a.name, first));
    body_.push_back(atom_text(b.name, second));
    bound_.push_back(x);
    bound_.push_back(y);
  }

  std::string negative_atom(const Predicate& p) {
    std::vector<std::string> args;
    for (std::size_t i = 0; i < p.arity; ++i) {
      const std::size_t r = rng_.below(100);
      if (!bound_.empty() && r < 70) {
        args.push_back(rng_.percent(arithmetic_in_atoms_) ? argument_arithmetic(rng_.pick(bound_)) : rng_.pick(bound_));
      } else if (r < 85) {
        args.push_back(constant());
      } else {
        args.push_back("_");
      }
    }
    // `not p(_, _)` holds only when p is empty: keep it, but rarely.
    const bool all_anonymous = std::all_of(args.begin(), args.end(), [](const std::string& a) { return a == "_"; });
    if (!args.empty() && all_anonymous && rng_.percent(75)) args[0] = bound_.empty() ? constant() : rng_.pick(bound_);
    return "not " + atom_text(p.name, args);
  }

  std::string operand() {
    if (!bound_.empty() && rng_.percent(75)) return rng_.pick(bound_);
    return constant();
  }

  std::string comparison() {
    std::string lhs = operand();
    std::string rhs = operand();
    for (int tries = 0; lhs == rhs && tries < 3; ++tries) rhs = operand();
    if (!plain_ && !bound_.empty() && rng_.percent(15)) {
      // Arithmetic inside a comparison; undefined (so false) on symbols and strings.
      lhs = rng_.pick(bound_) + (rng_.percent(50) ? " + " : " * ") + std::to_string(rng_.between(2, 3));
    }
    return lhs + " " + rng_.pick(kComparisons) + " " + rhs;
  }

  // Bounds that keep integers small and recursion through arithmetic finite.
  void add_bounds(const std::string& var, int bound) {
    const std::string b = std::to_string(bound);
    switch (rng_.below(4)) {
      case 0:
        body_.push_back(var + " < " + b);
        break;
      case 1:
        body_.push_back(var + " <= " + b);
        break;
      case 2:
        body_.push_back(b + " > " + var);
        break;
      default:
        body_.push_back(b + " >= " + var);
    }
    switch (rng_.below(4)) {
      case 0:
        body_.push_back(var + " > -" + b);
        break;
      case 1:
        body_.push_back(var + " >= -" + b);
        break;
      case 2:
        body_.push_back("-" + b + " < " + var);
        break;
      default:
        body_.push_back("-" + b + " <= " + var);
    }
  }

  std::string arithmetic() {
    const std::string x = bound_.empty() ? std::to_string(rng_.between(-5, 10)) : rng_.pick(bound_);
    const std::string y = bound_.empty() ? std::to_string(rng_.between(-5, 10)) : rng_.pick(bound_);
    const std::string small = std::to_string(rng_.between(1, 9));
    // Never 0 (a divisor) nor 1 (clingo rewrites X * 1 to X, defined even on symbols).
    int m = rng_.between(-4, 5);
    if (m == 0 || m == 1) m = 2;
    const std::string factor = std::to_string(m);
    switch (rng_.below(13)) {
      case 0:
        return x + " + " + small;
      case 1:
        return x + " - " + small;
      case 2:
        return small + " + " + x;
      case 3:
        return x + " + " + y;
      case 4:
        return x + " - " + y;
      case 5:
        return x + " * " + factor;
      case 6:
        return factor + " * " + x;
      case 7:
        return x + " / " + factor;
      case 8:
        return x + " \\ " + factor;
      case 9:
        return x + " / " + y;  // y may be 0: undefined, the instance is dropped
      case 10:
        return x + " \\ " + y;
      case 11:
        return "(" + x + " + " + small + ") * " + factor;
      default:
        return x + " * " + factor + " - " + y;
    }
  }

  void assignment(bool recursive) {
    const std::string v = fresh();
    const std::size_t r = rng_.below(100);
    if (!bound_.empty() && r < 12) {
      body_.push_back(v + " = " + rng_.pick(bound_));
    } else if (r < 22) {
      body_.push_back(v + " = " + constant());
    } else {
      body_.push_back(v + " = " + arithmetic());
      add_bounds(v, recursive ? rng_.pick(std::vector<int>{5, 8, 15}) : rng_.pick(std::vector<int>{50, 100, 1000}));
    }
    bound_.push_back(v);
    results_.push_back(v);
  }

  // The condition of one aggregate element over predicates of strata below `stratum`;
  // `locals` receives the variables it binds that are not bound outside the aggregate.
  std::vector<ConditionLiteral> condition(int stratum, std::vector<std::string>& locals) {
    std::vector<std::size_t> lower = lower_than(stratum);
    std::vector<std::size_t> with_args;
    for (const std::size_t i : lower) {
      if (preds_[i].arity > 0) with_args.push_back(i);
    }
    std::vector<ConditionLiteral> out;
    const auto atom_over = [&](const Predicate& p) {
      ConditionLiteral l;
      l.predicate = p.name;
      for (std::size_t i = 0; i < p.arity; ++i) {
        const std::size_t r = rng_.below(100);
        if (!bound_.empty() && r < 25) {
          l.terms.push_back(rng_.pick(bound_));  // a global variable: groups the aggregate
        } else if (!locals.empty() && r < 35) {
          l.terms.push_back(rng_.pick(locals));
        } else if (r < 45) {
          l.terms.push_back(constant());
        } else if (r < 53) {
          l.terms.push_back("_");
        } else {
          locals.push_back(fresh());
          l.terms.push_back(locals.back());
        }
      }
      return l;
    };
    out.push_back(atom_over(preds_[rng_.pick(with_args.empty() ? lower : with_args)]));
    if (rng_.percent(35)) {
      const std::size_t r = rng_.below(3);
      if (r == 0) {
        out.push_back(atom_over(preds_[rng_.pick(lower)]));
      } else if (r == 1) {
        const Predicate& p = preds_[rng_.pick(lower)];
        ConditionLiteral l;
        l.kind = ConditionLiteral::Kind::Negative;
        l.predicate = p.name;
        for (std::size_t i = 0; i < p.arity; ++i) {
          const std::size_t k = rng_.below(100);
          if (!locals.empty() && k < 50) {
            l.terms.push_back(rng_.pick(locals));
          } else if (!bound_.empty() && k < 65) {
            l.terms.push_back(rng_.pick(bound_));
          } else if (k < 85) {
            l.terms.push_back(constant());
          } else {
            l.terms.push_back("_");
          }
        }
        out.push_back(l);
      } else if (!locals.empty()) {
        out.push_back({ConditionLiteral::Kind::Comparison, {}, {rng_.pick(locals), rng_.pick(kComparisons), constant()}});
      }
    }
    return out;
  }

  void aggregate(int stratum, bool recursive) {
    static const std::vector<std::string> functions = {"#count", "#sum", "#min", "#max"};
    const std::size_t f = plain_ ? 0 : rng_.below(4);
    const bool min_or_max = f >= 2;
    const int elements = rng_.percent(12) ? 2 : 1;
    const bool assigns = rng_.percent(65);  // R = #f{...}; otherwise compared with a bound term
    std::string text = functions[f] + "{ ";
    std::vector<std::string> guard;
    for (int e = 0; e < elements; ++e) {
      std::vector<std::string> locals;
      const std::vector<ConditionLiteral> cond = condition(stratum, locals);
      // The terms: for #sum/#min/#max the first is the weight. Extra terms make distinct
      // tuples of equal weight count separately.
      std::vector<std::string> terms;
      if (locals.empty()) {
        terms.push_back(rng_.percent(50) || bound_.empty() ? std::to_string(rng_.between(1, 3)) : rng_.pick(bound_));
      } else {
        // Mostly distinct variables; a repeated one (X, X) is legal and rare.
        std::vector<std::string> pool = locals;
        rng_.shuffle(pool);
        const std::size_t more = rng_.below(std::min<std::size_t>(pool.size(), 3));
        terms.assign(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(more + 1));
        if (rng_.percent(5)) terms.push_back(terms.front());
      }
      if (e > 0) text += "; ";
      for (std::size_t k = 0; k < terms.size(); ++k) text += (k > 0 ? ", " : "") + terms[k];
      text += " : ";
      for (std::size_t k = 0; k < cond.size(); ++k) text += (k > 0 ? ", " : "") + render(cond[k], {});
      // An empty #min/#max is #sup/#inf in clingo; writ agrees inside comparisons but binds
      // nothing, so the assigning form gets a guard.
      if (min_or_max && assigns && e == 0) {
        std::map<std::string, std::string> rename;
        for (const std::string& l : locals) rename[l] = fresh();
        for (const ConditionLiteral& l : cond) guard.push_back(render(l, rename));
      }
    }
    text += " }";
    body_.insert(body_.end(), guard.begin(), guard.end());

    if (assigns) {
      const std::string v = fresh();
      body_.push_back(rng_.percent(15) ? text + " = " + v : v + " = " + text);
      // A sum of bound variables in a recursive rule makes new values each round.
      if (f == 1) add_bounds(v, recursive ? 15 : 100000);
      bound_.push_back(v);
      results_.push_back(v);
      return;
    }
    std::string limit;
    if (!bound_.empty() && rng_.percent(35)) {
      limit = rng_.pick(bound_);
    } else if (min_or_max) {
      limit = constant();
    } else {
      limit = std::to_string(f == 0 ? rng_.between(0, 3) : rng_.between(-5, 20));
    }
    const std::string op = rng_.pick(kComparisons);
    body_.push_back(rng_.percent(50) ? text + " " + op + " " + limit : limit + " " + op + " " + text);
  }

  std::string make_rule(std::size_t head_index, bool may_recurse) {
    const Predicate head = preds_[head_index];
    bound_.clear();
    body_.clear();
    results_.clear();
    next_variable_ = 0;

    // Positive atoms: any predicate of a stratum up to the head's; the same stratum only
    // when recursion is allowed.
    std::vector<std::size_t> usable;
    std::vector<std::size_t> same;
    for (std::size_t i = 0; i < preds_.size(); ++i) {
      if (preds_[i].stratum < head.stratum) usable.push_back(i);
      if (preds_[i].stratum == head.stratum) same.push_back(i);
    }
    int recursive_atoms = 0;
    const auto pick_positive = [&](bool binary) -> std::optional<std::size_t> {
      std::vector<std::size_t> from_same;
      std::vector<std::size_t> from_lower;
      for (const std::size_t i : same) {
        if (!binary || preds_[i].arity >= 2) from_same.push_back(i);
      }
      for (const std::size_t i : usable) {
        if (!binary || preds_[i].arity >= 2) from_lower.push_back(i);
      }
      // At most two recursive atoms: a three-way self-join of a derived relation is slow
      // to ground and to evaluate, and tests nothing two do not.
      if (may_recurse && recursive_atoms < 2 && !from_same.empty() && (rng_.percent(45) || from_lower.empty())) {
        ++recursive_atoms;
        return rng_.pick(from_same);
      }
      if (from_lower.empty()) return std::nullopt;
      return rng_.pick(from_lower);
    };
    bool recursive = false;
    std::vector<std::string> head_first;  // variables the head should start with
    int positives = rng_.percent(7) ? 0 : rng_.between(1, 3);
    if (head.arity >= 2 && rng_.percent(35)) {
      // A chain, as in transitive closure: h(X, Z) :- a(X, Y), b(Y, Z).
      const int links = rng_.between(2, 3);
      std::string from = fresh();
      head_first.push_back(from);
      for (int k = 0; k < links; ++k) {
        const std::optional<std::size_t> i = pick_positive(true);
        if (!i) break;
        recursive = recursive || preds_[*i].stratum == head.stratum;
        const std::string to = fresh();
        std::vector<std::string> args = {from, to};
        for (std::size_t a = 2; a < preds_[*i].arity; ++a) args.push_back(rng_.percent(50) ? "_" : fresh());
        if (rng_.percent(30)) std::swap(args[0], args[1]);  // sometimes walk an edge backwards
        for (std::size_t a = 0; a < args.size(); ++a) {
          if (args[a] != "_" && std::find(bound_.begin(), bound_.end(), args[a]) == bound_.end()) bound_.push_back(args[a]);
        }
        body_.push_back(atom_text(preds_[*i].name, args));
        from = to;
      }
      head_first.push_back(from);
      positives = links == 2 && rng_.percent(30) ? 1 : 0;
    }
    for (int k = 0; k < positives; ++k) {
      const std::optional<std::size_t> i = pick_positive(false);
      if (!i) continue;
      recursive = recursive || preds_[*i].stratum == head.stratum;
      body_.push_back(positive_atom(preds_[*i]));
    }
    if (rng_.percent(arithmetic_in_atoms_ / 2)) {
      const std::optional<std::size_t> a = pick_positive(true);
      const std::optional<std::size_t> b = pick_positive(true);
      if (a && b) {
        recursive = recursive || preds_[*a].stratum == head.stratum || preds_[*b].stratum == head.stratum;
        crossed_atoms(preds_[*a], preds_[*b]);
      }
    }
    const std::vector<std::size_t> lower = lower_than(head.stratum);
    bool integers = false;
    for (const std::string& c : domain_) integers = integers || (c[0] == '-' || (c[0] >= '0' && c[0] <= '9'));

    if (rng_.percent(integers ? 40 : 15) && !plain_) assignment(recursive);
    if (rng_.percent(10) && !plain_) assignment(recursive);
    if (!lower.empty() && rng_.percent(30)) aggregate(head.stratum, recursive);
    // Base rules get fewer filters, so that most derived predicates are not empty.
    if (!lower.empty() && rng_.percent(may_recurse ? 35 : 25)) body_.push_back(negative_atom(preds_[rng_.pick(lower)]));
    if (!lower.empty() && rng_.percent(10)) body_.push_back(negative_atom(preds_[rng_.pick(lower)]));
    if (rng_.percent(may_recurse ? 40 : 25)) body_.push_back(comparison());
    if (rng_.percent(may_recurse ? 15 : 5)) body_.push_back(comparison());
    if (body_.empty()) body_.push_back(comparison());

    std::vector<std::string> args;
    for (std::size_t i = 0; i < head.arity; ++i) {
      if (i < head_first.size() && std::find(bound_.begin(), bound_.end(), head_first[i]) != bound_.end()) {
        args.push_back(head_first[i]);
      } else if (!results_.empty() && rng_.percent(70)) {
        args.push_back(results_.back());
        results_.pop_back();
      } else if (!bound_.empty() && rng_.percent(88)) {
        args.push_back(rng_.pick(bound_));
      } else {
        args.push_back(constant());
      }
    }
    // Literal order must not matter: writ has to find a safe evaluation order itself.
    if (rng_.percent(50)) rng_.shuffle(body_);
    std::string text = atom_text(head.name, args) + " :- ";
    for (std::size_t k = 0; k < body_.size(); ++k) text += (k > 0 ? ", " : "") + body_[k];
    return text + ".";
  }

  Random rng_;
  std::vector<std::string> domain_;
  std::vector<Predicate> preds_;
  // The rule being built.
  std::vector<std::string> bound_;    // variables bound so far
  std::vector<std::string> body_;     // literal texts
  std::vector<std::string> results_;  // variables bound by assignments and aggregates
  std::size_t next_variable_ = 0;
  bool plain_ = false;  // see generate_program
  // How often (in percent) a bound variable in an atom is put under arithmetic.
  int arithmetic_in_atoms_ = 12;
};

}  // namespace

std::string GeneratedProgram::text() const {
  std::string out;
  for (const std::string& s : statements) out += s + "\n";
  return out;
}

GeneratedProgram generate_program(std::uint64_t seed, bool plain) {
  return Generator(seed, plain).run(seed);
}

}  // namespace writ::differential
