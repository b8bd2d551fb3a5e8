#include "evaluator.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "compile.hpp"
#include "magic_sets.hpp"
#include "query/analysis/checks.hpp"
#include "query/arithmetic.hpp"
#include "query/analysis/dependency_graph.hpp"
#include "query/analysis/status_tests.hpp"
#include "query/analysis/variables.hpp"
#include "value_order.hpp"
#include "query/builtins.hpp"

namespace writ::query::eval {

namespace {

// Ends a run from deep inside the join loops; caught in Evaluator, never escapes it.
struct Stop {
  Status status;
  Diagnostic diagnostic;
};

constexpr std::uint64_t poll_interval = 1 << 14;

bool reads_any(const std::vector<Step>& steps, const std::set<RelationId>& relations);

// What to do when a conjunction has been matched: a non-owning callable reference (two
// words, no allocation). A template parameter would not do: aggregates nest
// conjunctions, and each level would instantiate a new type without end.
class Continuation {
 public:
  template <class F>
  Continuation(const F& f) : object_(&f), call_([](const void* o) { (*static_cast<const F*>(o))(); }) {}
  void operator()() const { call_(object_); }

 private:
  const void* object_;
  void (*call_)(const void*);
};

bool holds(std::strong_ordering c, CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return c == 0;
    case CompareOp::Ne: return c != 0;
    case CompareOp::Lt: return c < 0;
    case CompareOp::Le: return c <= 0;
    case CompareOp::Gt: return c > 0;
    case CompareOp::Ge: return c >= 0;
  }
  return false;
}

// Whether `p` is the predicate of `a`, without building a PredicateId.
bool names(const PredicateId& p, const Atom& a) {
  if (p.arity != a.args.size()) return false;
  std::string_view name = p.name;
  if (a.strong_negation != name.starts_with('-')) return false;
  if (a.strong_negation) name.remove_prefix(1);
  return name == a.predicate;
}

}  // namespace

// The state of one evaluation: registers, delta ranges, counters and limits.
class Evaluator::Run {
 public:
  Run(Evaluator& ev, const Limits& limits) : ev_(ev), limits_(limits) {}

  // The relations that gained rows since the last call, each once.
  std::vector<RelationId> take_grown() {
    for (const auto r : grown_) grown_flag_[r] = false;
    return std::exchange(grown_, {});
  }

  void set_delta(RelationId r, RowId begin, RowId end) {
    if (delta_.size() <= r) delta_.resize(r + 1, {0, 0});
    delta_[r] = {begin, end};
  }

  // Facts given as rows of values (Program::facts), inserted in batches as a rule's head
  // tuples are, without a plan per fact.
  void insert_rows(RelationId rel, const FactRows& rows) {
    poll();
    append_ = false;  // left by the last run(): these rows may repeat what is there
    const std::size_t arity = rows.arity;
    pending_rows_ = 0;
    pending_.resize(std::max<std::size_t>(1, pending_batch * arity));
    for (std::size_t r = 0; r < rows.rows(); ++r) {
      Datum* tuple = pending_.data() + pending_rows_ * arity;
      for (std::size_t k = 0; k < arity; ++k) tuple[k] = ev_.interner_.intern(rows.values[r * arity + k]);
      if (++pending_rows_ == pending_batch) flush(rel);
    }
    flush(rel);
  }

  // A fact written as a Rule whose arguments are all constants: batched into its relation
  // as insert_rows() does, in the order written, instead of a plan per fact (compiling one
  // was most of the evaluation of a file of a million facts). Consecutive facts of one
  // relation share a batch; flush_facts() ends it.
  void add_fact(RelationId rel, const std::vector<Term>& args) {
    if (facts_pending_ && rel != facts_relation_) flush_facts();
    if (!facts_pending_) {
      poll();
      append_ = false;
      pending_rows_ = 0;
      pending_.resize(std::max<std::size_t>(1, pending_batch * args.size()));
      facts_relation_ = rel;
      facts_pending_ = true;
    }
    Datum* tuple = pending_.data() + pending_rows_ * args.size();
    for (std::size_t k = 0; k < args.size(); ++k) tuple[k] = ev_.interner_.intern(args[k].value);
    if (++pending_rows_ == pending_batch) flush(rel);
  }

  void flush_facts() {
    if (!std::exchange(facts_pending_, false)) return;
    flush(facts_relation_);
  }

  void run(const RulePlan& plan) {
    flush_facts();
    poll();  // a round of many rules may scan nothing, yet must still stop in time
    regs_.assign(plan.registers, 0);
    append_ = plan.head_distinct && ev_.relations_[plan.head]->size() == 0;
    for (auto& [step, memo] : anti_joins_) memo.valid = false;
    exists_.clear();
    pending_rows_ = 0;
    pending_.resize(std::max<std::size_t>(1, pending_batch * plan.head_args.size()));  // never null
    exec(plan.steps, 0, [&] { emit(plan); });
    flush(plan.head);
  }

  // Plans die at the end of each component; their cached aggregates with them, before
  // another plan could reuse a step's address.
  void forget_aggregates() {
    aggregate_cache_.clear();
    anti_joins_.clear();
    stable_exists_.clear();
    stable_decided_.clear();
  }

  // The Exists steps of `steps` (see Step::Kind::Exists) that read none of `growing`: their
  // truth cannot change while the component is evaluated, so it is decided once, not
  // once per round.
  void mark_stable_exists(const std::vector<Step>& steps, const std::set<RelationId>& growing) {
    for (const auto& s : steps)
      if (s.kind == Step::Kind::Exists && !reads_any(s.parts.front().steps, growing)) stable_exists_.insert(&s);
  }

  void insert_fact(RelationId r, const std::vector<Datum>& tuple) {
    if (ev_.relations_[r]->insert(tuple.data())) counted();
  }

  std::set<std::pair<std::uint32_t, std::uint32_t>> undefined_division, undefined_operand;
  std::vector<std::pair<Location, std::string>> warnings;

  // Evaluates an expression; false when it is undefined (division by zero, arithmetic
  // on a non-integer), which drops the rule instance as clingo does.
  bool eval(const Expr& e, Datum& out) {
    switch (e.kind) {
      case Expr::Kind::Constant: out = e.constant; return true;
      case Expr::Kind::Register: out = regs_[e.reg]; return true;
      case Expr::Kind::Arith: break;
    }
    std::int64_t v[2] = {0, 0};
    Datum d[2] = {0, 0};
    bool integers = true;
    for (std::size_t i = 0; i < e.operands.size() && i < 2; ++i) {
      if (!eval(e.operands[i], d[i])) return false;
      if (ev_.interner_.is_integer(d[i])) v[i] = ev_.interner_.integer_value(d[i]);
      else integers = false;
    }
    if (!integers) return eval_typed(e, d, out);
    std::int64_t r = 0;
    bool overflow = false;
    switch (e.op) {
      case ArithOp::Add: overflow = __builtin_add_overflow(v[0], v[1], &r); break;
      case ArithOp::Sub: overflow = __builtin_sub_overflow(v[0], v[1], &r); break;
      case ArithOp::Mul: overflow = __builtin_mul_overflow(v[0], v[1], &r); break;
      case ArithOp::Neg: overflow = __builtin_sub_overflow(std::int64_t{0}, v[0], &r); break;
      case ArithOp::Div:
      case ArithOp::Mod:
        if (v[1] == 0) {
          note_undefined(e.location, "division by zero");
          return false;
        }
        if (v[0] == std::numeric_limits<std::int64_t>::min() && v[1] == -1) {
          overflow = e.op == ArithOp::Div;
          r = 0;
        } else {
          // Truncating division and C remainder, as clingo: -7/2 = -3, -7\2 = -1.
          r = e.op == ArithOp::Div ? v[0] / v[1] : v[0] % v[1];
        }
        break;
    }
    if (overflow) {
      throw Stop{Status::Error,
                 make_error(e.location, "integer overflow: the result does not fit in 64 bits (signed)")};
    }
    out = ev_.interner_.integer(r);
    return true;
  }

 private:
  // Arithmetic with an operand that is not an integer: dates, durations and money, or
  // undefined (query/arithmetic.hpp).
  bool eval_typed(const Expr& e, const Datum (&d)[2], Datum& out) {
    const Value a = ev_.interner_.value(d[0]);
    const Value b = e.op == ArithOp::Neg ? Value{} : ev_.interner_.value(d[1]);
    auto result = apply(e.op, a, b);
    switch (result.outcome) {
      case ArithmeticResult::Outcome::Value: out = ev_.interner_.intern(result.value); return true;
      case ArithmeticResult::Outcome::Undefined:
        note_undefined(e.location, result.message == "division by zero" ? "division by zero"
                                                                         : "arithmetic on a value that is not an integer");
        return false;
      case ArithmeticResult::Outcome::Error: break;
    }
    throw Stop{Status::Error, make_error(e.location, std::move(result.message))};
  }

  // `a op b` for an ordering op: a date, duration or money compared with a value of
  // another kind or unit is an error.
  std::strong_ordering ordered(Datum a, CompareOp op, Datum b, const Location& at, const char* context = "") {
    if (ev_.interner_.is_quantity(a) || ev_.interner_.is_quantity(b)) {
      if (auto e = order_error(ev_.interner_.value(a), op, ev_.interner_.value(b)))
        throw Stop{Status::Error, make_error(at, context + std::move(*e))};
    }
    return ev_.interner_.compare(a, b);
  }

  void exec(const std::vector<Step>& steps, std::size_t i, Continuation done) {
    if (i == steps.size()) {
      done();
      return;
    }
    const Step& s = steps[i];
    switch (s.kind) {
      case Step::Kind::Scan: scan(steps, i, done); return;
      case Step::Kind::Negation: {
        // Undefined arithmetic in the negated atom drops the rule instance, as it does in
        // a positive atom (and in clingo): `not p(X + 1)` is not true for X = a.
        KeyBuffer key;
        if (keys_of(s, key) && !exists(s, key)) exec(steps, i + 1, done);
        return;
      }
      case Step::Kind::Filter: {
        Datum a, b;
        if (!eval(s.lhs, a) || !eval(s.rhs, b)) return;
        const auto c = (s.op == CompareOp::Eq || s.op == CompareOp::Ne)
                           ? (a == b ? std::strong_ordering::equal : std::strong_ordering::less)
                           : ordered(a, s.op, b, s.location);
        if (holds(c, s.op)) exec(steps, i + 1, done);
        return;
      }
      case Step::Kind::Assign:
        if (eval(s.lhs, regs_[s.reg])) exec(steps, i + 1, done);
        return;
      case Step::Kind::Aggregate: aggregate(steps, i, done); return;
      case Step::Kind::Exists: {
        // Over relations complete before this component: decided once for the component.
        auto& decided = stable_exists_.count(&s) ? stable_decided_ : exists_;
        const auto it = decided.find(&s);
        const bool holds = it != decided.end() ? it->second : decided.emplace(&s, satisfiable(s.parts.front())).first->second;
        if (holds) exec(steps, i + 1, done);
        return;
      }
    }
  }

  // Whether a conjunction has a match: its steps are run up to the first one.
  bool satisfiable(const AggregatePart& part) {
    struct Found {};
    try {
      exec(part.steps, 0, [] { throw Found{}; });
    } catch (const Found&) {
      return true;
    }
    return false;
  }

  // Keys live on the stack: a scan runs once per outer tuple, so no allocation here.
  using KeyBuffer = std::array<Datum, max_arity>;

  bool keys_of(const Step& s, KeyBuffer& key) {
    for (std::size_t k = 0; k < s.keys.size(); ++k)
      if (!eval(s.keys[k], key[k])) return false;
    return true;
  }

  bool matches_keys(const Step& s, const Datum* row, const KeyBuffer& key) const {
    std::size_t k = 0;
    for (std::uint32_t c = 0; k < s.keys.size(); ++c)
      if (s.key_mask & (ColumnMask{1} << c) && row[c] != key[k++]) return false;
    return true;
  }

  // Binds the step's fresh registers from `row`; false when a repeated variable or a
  // late arithmetic argument does not match.
  bool bind(const Step& s, const Datum* row) {
    for (const auto& [c, first] : s.equal_columns)
      if (row[c] != row[first]) return false;
    for (const auto& [c, reg] : s.binds) regs_[reg] = row[c];
    for (const auto& [c, e] : s.checks) {
      Datum d;
      if (!eval(e, d) || d != row[c]) return false;
    }
    return true;
  }

  void scan(const std::vector<Step>& steps, std::size_t i, Continuation done) {
    const Step& s = steps[i];
    Relation& rel = *ev_.relations_[s.relation];
    KeyBuffer key;
    if (!keys_of(s, key)) return;
    // Rows may move when the relation grows during this loop: re-read by id, and never
    // hold a row pointer across the recursive call.
    RowId begin = 0, end = static_cast<RowId>(rel.size());
    if (s.delta) std::tie(begin, end) = s.relation < delta_.size() ? delta_[s.relation] : std::pair<RowId, RowId>{0, 0};
    if (s.delta && s.key_mask != 0) {
      // A delta atom after others (its arithmetic needed their variables): look the key up
      // in the whole relation's index and keep the rows of the delta.
      const HashIndex& index = rel.index(s.key_mask);
      for (RowId r = index.first(rel, key.data()); r != no_row; r = index.next(r)) {
        poll();
        if (r < begin || r >= end || !bind(s, rel.row(r))) continue;
        exec(steps, i + 1, done);
        if (s.first_match) return;
      }
      return;
    }
    if (s.delta || (s.key_mask == 0 && s.distinct == 0)) {
      for (RowId r = begin; r < end; ++r) {
        poll();
        const Datum* row = rel.row(r);
        if (!matches_keys(s, row, key) || !bind(s, row)) continue;
        exec(steps, i + 1, done);
        if (s.first_match) return;
      }
      return;
    }
    const HashIndex& index = rel.index(s.key_mask, s.distinct);
    for (RowId r = index.first(rel, key.data()); r != no_row; r = index.next(r)) {
      poll();
      if (!bind(s, rel.row(r))) continue;
      exec(steps, i + 1, done);
      if (s.first_match) return;
    }
  }

  bool exists(const Step& s, const KeyBuffer& key) {
    Relation& rel = *ev_.relations_[s.relation];
    if (s.key_mask == 0) return rel.size() > 0;
    if (s.outer_mask != 0) {
      auto& memo = anti_joins_[&s];
      if (!memo.off) return memo.exists(rel, s, key.data());
    }
    if (s.keys.size() == rel.arity()) return rel.contains(key.data());
    return rel.index(s.key_mask).first(rel, key.data()) != no_row;
  }

  // A negation as an anti-join (Step::outer_mask): the inner columns' values of the rows
  // that match the current outer values, in a set small enough to stay in cache. The
  // negated relation is complete (an earlier stratum), so the set stays right for as long
  // as the outer values do. When the outer values change nearly every probe, gathering
  // costs more than it saves, and the memo turns itself off.
  struct AntiJoin {
    bool valid = false;
    bool off = false;
    std::vector<Datum> outer;
    std::unique_ptr<Relation> inner;
    std::uint64_t probes = 0, gathered = 0;

    bool exists(Relation& rel, const Step& s, const Datum* key) {
      Datum outer_key[max_arity], inner_key[max_arity];
      std::uint32_t no = 0, ni = 0, k = 0;
      for (std::uint32_t c = 0; k < s.keys.size(); ++c) {
        if (!(s.key_mask & (ColumnMask{1} << c))) continue;
        (s.outer_mask & (ColumnMask{1} << c) ? outer_key[no++] : inner_key[ni++]) = key[k++];
      }
      if (!inner) inner = std::make_unique<Relation>(ni);
      if (!valid || !std::equal(outer.begin(), outer.end(), outer_key)) {
        outer.assign(outer_key, outer_key + no);
        valid = true;
        inner->clear();
        const ColumnMask inner_mask = s.key_mask & ~s.outer_mask;
        const HashIndex& index = rel.index(s.outer_mask);  // built by prepare_indexes
        Datum values[max_arity];
        for (RowId r = index.first(rel, outer_key); r != no_row; r = index.next(r)) {
          const Datum* row = rel.row(r);
          std::uint32_t i = 0;
          for (std::uint32_t c = 0; i < ni; ++c)
            if (inner_mask & (ColumnMask{1} << c)) values[i++] = row[c];
          inner->insert(values);
          ++gathered;
        }
      }
      if (++probes % 4096 == 0 && gathered > 4 * probes) off = true;
      return inner->contains(inner_key);
    }
  };

  void aggregate(const std::vector<Step>& steps, std::size_t i, Continuation done) {
    const Step& s = steps[i];
    // The key is built in a buffer kept across calls: most calls find their value, and
    // allocating a key for each was a tenth of a join-heavy program's time. compute()
    // may come back here (nested aggregates), so the key is copied out before it runs.
    aggregate_key_.assign(s.inputs.size(), 0);
    for (std::size_t k = 0; k < s.inputs.size(); ++k) aggregate_key_[k] = regs_[s.inputs[k]];
    auto [entry, inserted] = aggregate_cache_.try_emplace(&s, static_cast<std::uint32_t>(s.inputs.size()));
    AggregateCache& cache = entry->second;  // stays put: unordered_map never moves its values
    AggregateValue value;
    if (const RowId row = cache.keys.find(aggregate_key_.data()); row != no_row) {
      value = cache.values[row];
    } else {
      const auto key = aggregate_key_;
      value = compute(s);
      cache.keys.insert(key.data());
      cache.values.push_back(value);
    }
    const auto [result, infinite] = value;
    if (s.assign) {
      if (infinite != 0) return;  // #sup and #inf are not values of the language
      regs_[s.reg] = result;
      exec(steps, i + 1, done);
      return;
    }
    Datum bound;
    if (!eval(s.lhs, bound)) return;
    // `bound op aggregate`
    const auto c = infinite > 0 ? std::strong_ordering::less
                   : infinite < 0 ? std::strong_ordering::greater
                   : (s.op == CompareOp::Eq || s.op == CompareOp::Ne) ? ev_.interner_.compare(bound, result)
                                                                       : ordered(bound, s.op, result, s.location);
    if (holds(c, s.op)) exec(steps, i + 1, done);
  }

  // An aggregate's value, or an infinite one: #min of nothing is #sup (infinite = +1),
  // #max of nothing is #inf (-1).
  struct AggregateValue {
    Datum result = 0;
    int infinite = 0;
  };

  // Calls visit(tuple, width) once per distinct element tuple of the aggregate `s`, in
  // no particular order: the rows its scan visits when they are distinct already
  // (Step::elements_distinct), else the tuples gathered into a flat set per tuple width
  // (tuples of different widths are never equal), filled in batches as rule heads are.
  template <class Visit>
  void each_element(const Step& s, Visit&& visit) {
    if (s.elements_distinct) {
      const auto& part = s.parts.front();
      std::vector<Datum> t(part.terms.size());
      exec(part.steps, 0, [&] {
        for (std::size_t k = 0; k < part.terms.size(); ++k)
          if (!eval(part.terms[k], t[k])) return;
        visit(static_cast<const Datum*>(t.data()), part.terms.size());
      });
      return;
    }
    std::vector<std::unique_ptr<Relation>> sets;
    std::vector<Datum> batch;
    const Held held(*this, [&] {
      std::size_t bytes = batch.capacity() * sizeof(Datum);
      for (const auto& set : sets)
        if (set) bytes += set->memory();
      return bytes;
    });
    for (const auto& part : s.parts) {
      const std::size_t width = part.terms.size();
      if (sets.size() <= width) sets.resize(width + 1);
      if (!sets[width]) sets[width] = std::make_unique<Relation>(static_cast<std::uint32_t>(width));
      Relation& set = *sets[width];
      batch.resize(pending_batch * std::max<std::size_t>(width, 1));
      std::size_t n = 0;
      exec(part.steps, 0, [&] {
        Datum* t = batch.data() + n * width;
        for (std::size_t k = 0; k < width; ++k)
          if (!eval(part.terms[k], t[k])) return;
        if (++n == pending_batch) set.insert_batch(batch.data(), std::exchange(n, 0));
      });
      set.insert_batch(batch.data(), n);
    }
    for (std::size_t width = 0; width < sets.size(); ++width) {
      if (!sets[width]) continue;
      const Relation& set = *sets[width];
      for (RowId r = 0; r < set.size(); ++r) visit(set.row(r), width);
    }
  }

  AggregateValue compute(const Step& s) {
    if (s.function == AggregateFunction::Count) {
      if (s.elements_distinct) {
        const Step& scan = s.parts.front().steps.front();
        if (scan.key_mask == 0 && scan.distinct == 0 && !scan.first_match && scan.equal_columns.empty())
          return {ev_.interner_.integer(static_cast<std::int64_t>(ev_.relations_[scan.relation]->size())), 0};
      }
      std::int64_t count = 0;
      each_element(s, [&](const Datum*, std::size_t) { ++count; });
      return {ev_.interner_.integer(count), 0};
    }
    // #sum, #min and #max fold the first values of the distinct tuples in the tuples'
    // order as words (lexicographic, a shorter tuple before its extensions), as they
    // always have: a typed #sum and an incomparable #min meet their values in that order,
    // so that is what decides which error a mixed set reports.
    std::vector<Datum> flat;
    std::vector<std::pair<std::size_t, std::size_t>> tuples;  // (offset in flat, width)
    const Held held(*this, [&] {
      return flat.capacity() * sizeof(Datum) + tuples.capacity() * sizeof(std::pair<std::size_t, std::size_t>);
    });
    each_element(s, [&](const Datum* t, std::size_t width) {
      tuples.emplace_back(flat.size(), width);
      flat.insert(flat.end(), t, t + width);
    });
    std::sort(tuples.begin(), tuples.end(), [&](const auto& a, const auto& b) {
      return std::lexicographical_compare(flat.begin() + static_cast<std::ptrdiff_t>(a.first),
                                          flat.begin() + static_cast<std::ptrdiff_t>(a.first + a.second),
                                          flat.begin() + static_cast<std::ptrdiff_t>(b.first),
                                          flat.begin() + static_cast<std::ptrdiff_t>(b.first + b.second));
    });
    Datum result = 0;
    int infinite = 0;
    switch (s.function) {
      case AggregateFunction::Count: break;
      case AggregateFunction::Sum: {
        std::int64_t sum = 0;
        std::optional<Value> typed;  // once a duration or money is added: the sum so far
        for (const auto& [at, width] : tuples) {
          if (width == 0) continue;
          const Datum first = flat[at];
          if (ev_.interner_.is_quantity(first) || (typed && ev_.interner_.is_integer(first))) {
            // Dates, durations and money add by query/arithmetic.hpp's rules; the integers
            // before the first of them are the sum so far.
            if (!typed) typed = Value::make_integer(sum);
            auto r = apply(ArithOp::Add, *typed, ev_.interner_.value(first));
            if (r.outcome != ArithmeticResult::Outcome::Value) throw Stop{Status::Error, make_error(s.location, "in #sum: " + r.message)};
            typed = std::move(r.value);
            continue;
          }
          if (!ev_.interner_.is_integer(first)) continue;  // clingo ignores non-integer weights
          if (__builtin_add_overflow(sum, ev_.interner_.integer_value(first), &sum))
            throw Stop{Status::Error, make_error(s.location, "integer overflow in #sum: the total does not fit in 64 bits")};
        }
        result = typed ? ev_.interner_.intern(*typed) : ev_.interner_.integer(sum);
        break;
      }
      case AggregateFunction::Min:
      case AggregateFunction::Max: {
        const bool is_min = s.function == AggregateFunction::Min;
        bool any = false;
        for (const auto& [at, width] : tuples) {
          if (width == 0) continue;
          const Datum first = flat[at];
          if (!any || (ordered(first, CompareOp::Lt, result, s.location, is_min ? "in #min: " : "in #max: ") < 0) == is_min)
            result = first;
          any = true;
        }
        if (!any) infinite = is_min ? 1 : -1;
        break;
      }
    }
    return {result, infinite};
  }

  // Head tuples are inserted in batches (Relation::insert_batch), at the latest when the
  // plan's run ends. A rule that reads its own head may therefore see a new fact only in
  // the next round, which semi-naive evaluation does anyway: the fact is in that delta.
  void emit(const RulePlan& plan) {
    Datum* head = pending_.data() + pending_rows_ * plan.head_args.size();
    for (std::size_t k = 0; k < plan.head_args.size(); ++k)
      if (!eval(plan.head_args[k], head[k])) return;
    if (++pending_rows_ == pending_batch) flush(plan.head);
  }

  void flush(RelationId head) {
    const auto n = std::exchange(pending_rows_, 0);
    std::size_t added = n;
    if (append_) {
      ev_.relations_[head]->append_batch(pending_.data(), n);
    } else {
      added = ev_.relations_[head]->insert_batch(pending_.data(), n);
    }
    if (added == 0) return;
    for (std::size_t k = 0; k < added; ++k) counted();
    if (grown_flag_.size() <= head) grown_flag_.resize(head + 1, false);
    if (!grown_flag_[head]) {
      grown_flag_[head] = true;
      grown_.push_back(head);
    }
  }

  void counted() {
    if (++ev_.facts_ > limits_.max_facts) throw Stop{Status::TooManyFacts, too_many_facts(limits_)};
    poll();
  }

  void poll() {
    if (++ticks_ % poll_interval != 0) return;
    if (auto stop = interrupted(limits_)) throw Stop{stop->first, std::move(stop->second)};
    check_memory();
  }

  // What the evaluation holds: the evaluator's relations and values, and what the steps
  // running now hold outside them (an aggregate's element sets and cached values).
  void check_memory() {
    if (limits_.max_memory == std::numeric_limits<std::uint64_t>::max()) return;
    std::size_t bytes = ev_.memory();
    for (const auto& held : held_) bytes += held();
    for (const auto& [step, cache] : aggregate_cache_)
      bytes += cache.keys.memory() + cache.values.capacity() * sizeof(AggregateValue);
    for (const auto& [step, memo] : anti_joins_)
      bytes += memo.outer.capacity() * sizeof(Datum) + (memo.inner ? memo.inner->memory() : 0);
    if (bytes > limits_.max_memory) throw Stop{Status::TooMuchMemory, too_much_memory(limits_)};
  }

  // Counts `bytes()` against the memory limit while it lives (a step's scratch storage).
  class Held {
   public:
    Held(Run& run, std::function<std::size_t()> bytes) : run_(run) { run_.held_.push_back(std::move(bytes)); }
    ~Held() { run_.held_.pop_back(); }
    Held(const Held&) = delete;
    Held& operator=(const Held&) = delete;

   private:
    Run& run_;
  };

  void note_undefined(Location at, const char* what) {
    auto& seen = std::string_view(what) == "division by zero" ? undefined_division : undefined_operand;
    if (seen.insert({at.source, at.offset}).second)
      warnings.emplace_back(at, std::string(what) + ": the rule instance is dropped (as in clingo)");
  }

  Evaluator& ev_;
  const Limits& limits_;
  std::vector<Datum> regs_;
  static constexpr std::size_t pending_batch = 64;
  std::vector<Datum> pending_;  // head tuples not inserted yet (see emit)
  std::size_t pending_rows_ = 0;
  std::vector<std::pair<RowId, RowId>> delta_;
  std::vector<RelationId> grown_;
  std::vector<bool> grown_flag_;
  // Aggregate values by step and input values (a row of `keys` per input tuple, its
  // value at the same index); valid while the step's plan lives (see forget_aggregates).
  struct AggregateCache {
    explicit AggregateCache(std::uint32_t inputs) : keys(inputs) {}
    Relation keys;
    std::vector<AggregateValue> values;
  };
  std::unordered_map<const Step*, AggregateCache> aggregate_cache_;
  std::vector<Datum> aggregate_key_;  // see aggregate()
  std::unordered_map<const Step*, AntiJoin> anti_joins_;  // valid during one run()
  std::unordered_map<const Step*, bool> exists_;          // Exists steps decided in this run()
  std::unordered_set<const Step*> stable_exists_;  // Exists steps that read no relation still growing
  std::unordered_map<const Step*, bool> stable_decided_;  // and their truth, for the component
  bool facts_pending_ = false;   // add_fact() has a batch open, for facts_relation_
  RelationId facts_relation_ = 0;
  bool append_ = false;  // the running plan's head tuples are new and distinct (head_distinct)
  std::uint64_t ticks_ = 0;
  std::vector<std::function<std::size_t()>> held_;  // see Held
};

Evaluator::Evaluator() = default;
Evaluator::~Evaluator() = default;

RelationId Evaluator::relation_of(const PredicateId& p) {
  auto [it, inserted] = relation_ids_.try_emplace(p, static_cast<RelationId>(relations_.size()));
  if (inserted) relations_.push_back(std::make_unique<Relation>(p.arity));
  return it->second;
}

namespace {

// Whether the steps (aggregates and groups included) read one of `relations`.
bool reads_any(const std::vector<Step>& steps, const std::set<RelationId>& relations) {
  for (const auto& s : steps) {
    if ((s.kind == Step::Kind::Scan || s.kind == Step::Kind::Negation) && relations.count(s.relation)) return true;
    for (const auto& part : s.parts)
      if (reads_any(part.steps, relations)) return true;
  }
  return false;
}

// Every index a plan looks up, created before the plan runs (so that no index is built
// while a loop iterates over the relation).
void prepare_indexes(const std::vector<Step>& steps, std::vector<std::unique_ptr<Relation>>& relations) {
  for (const auto& s : steps) {
    if ((s.kind == Step::Kind::Scan && s.delta && s.key_mask != 0) ||
        (s.kind == Step::Kind::Scan && !s.delta && (s.key_mask != 0 || s.distinct != 0)) ||
        (s.kind == Step::Kind::Negation && s.key_mask != 0 && s.keys.size() != relations[s.relation]->arity()))
      relations[s.relation]->index(s.key_mask, s.distinct);
    if (s.kind == Step::Kind::Negation && s.outer_mask != 0) relations[s.relation]->index(s.outer_mask);
    if (s.kind == Step::Kind::Negation) relations[s.relation]->ensure_set();
    for (const auto& part : s.parts) prepare_indexes(part.steps, relations);
  }
}

}  // namespace

Diagnostic too_many_facts(const Limits& limits) {
  return make_error({}, "evaluation stopped: more than " + std::to_string(limits.max_facts) +
                            (limits.max_facts == 1 ? " fact" : " facts") + " (raise the limit with --max-facts)");
}

std::string byte_size_text(std::uint64_t bytes) {
  constexpr const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  std::uint64_t scale = 1024;
  std::size_t u = 0;
  while (u + 1 < std::size(units) && bytes >= scale * 1024) {
    scale *= 1024;
    ++u;
  }
  if (bytes % scale == 0) return std::to_string(bytes / scale) + " " + units[u];
  // Otherwise one decimal, rounded down: the limit is not raised by its description.
  const std::uint64_t tenths = bytes / scale * 10 + bytes % scale * 10 / scale;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " " + units[u];
}

Diagnostic too_much_memory(const Limits& limits) {
  return make_error({}, "memory limit of " + byte_size_text(limits.max_memory) +
                            " exceeded: evaluation stopped (raise the limit with --max-memory)");
}

std::optional<std::pair<Status, Diagnostic>> interrupted(const Limits& limits) {
  if (limits.cancel && limits.cancel->load(std::memory_order_relaxed))
    return std::pair{Status::Cancelled, make_error({}, "evaluation cancelled")};
  if (limits.deadline && std::chrono::steady_clock::now() > *limits.deadline)
    return std::pair{Status::Timeout, make_error({}, "evaluation stopped: the time limit was reached (--timeout)")};
  return std::nullopt;
}

Status Evaluator::evaluate(const Program& program, const Limits& limits, const Program* described,
                           const std::set<PredicateId>* only) {
  if (has_status_test(program)) {
    // Without arguments every conclusion is established (query/analysis/status_tests.hpp).
    Program resolved = program;
    for (auto& r : resolved.rules) resolve_status_tests_without_arguments(r.body);
    return evaluate(resolved, limits, described ? described : &program, only);
  }
  goal_.reset();
  std::vector<const Rule*> rules;
  rules.reserve(program.rules.size());
  for (const auto& r : program.rules)
    if (!only || only->count(predicate_of(r.head))) rules.push_back(&r);
  std::vector<const FactRows*> facts;
  for (const auto& f : program.facts)
    if (!only || only->count(PredicateId{f.predicate, f.arity})) facts.push_back(&f);
  return evaluate_rules(rules, facts, described ? *described : program, limits);
}

std::optional<Status> Evaluator::evaluate_goal(const Program& program, const Query& query, const Limits& limits,
                                               const Program* described) {
  if (has_status_test(program)) return std::nullopt;  // evaluated whole, its tests resolved first
  auto rewritten = magic_sets(program, query);
  if (!rewritten) return std::nullopt;
  goal_ = std::make_unique<GoalProgram>(std::move(*rewritten));
  // The written statements of the predicates read whole, in the order written (the
  // components, and so the diagnostics, come in the order they would), then the new rules.
  std::vector<const Rule*> rules;
  std::optional<PredicateId> last;  // consecutive facts of one predicate: one lookup
  bool last_whole = false;
  for (const auto& r : program.rules) {
    auto p = predicate_of(r.head);
    if (!last || p != *last) {
      last_whole = goal_->whole.count(p) > 0;
      last = std::move(p);
    }
    if (last_whole) rules.push_back(&r);
  }
  for (const auto& r : goal_->rules) rules.push_back(&r);
  std::vector<const FactRows*> facts;
  for (const auto& f : program.facts)
    if (goal_->whole.count(PredicateId{f.predicate, f.arity})) facts.push_back(&f);
  return evaluate_rules(rules, facts, described ? *described : program, limits);
}

const Query& Evaluator::goal_query() const { return goal_->query; }

Status Evaluator::evaluate_rules(const std::vector<const Rule*>& rules, const std::vector<const FactRows*>& facts,
                                 const Program& described, const Limits& limits) {
  interner_ = Interner();
  relations_.clear();
  relation_ids_.clear();
  diagnostics_.clear();
  facts_ = 0;

  Compiler compiler(interner_, [this](const PredicateId& p) { return relation_of(p); });
  Run run(*this, limits);
  const auto graph = build_dependency_graph(rules);
  for (const auto& p : graph.predicates) relation_of(p);

  // Rules by the component of their head; facts go straight into their relations.
  std::vector<std::vector<const Rule*>> rules_of(graph.components.size());
  try {
    // The built-in relations are facts computed from the statements (EDB relations).
    for (const auto& r : builtin_facts(described)) run.run(compiler.compile_rule(r, -1));
    for (const auto* f : facts) run.insert_rows(relation_of(PredicateId{f->predicate, f->arity}), *f);
    std::optional<std::pair<PredicateId, RelationId>> last_fact;  // consecutive facts: one lookup
    for (const auto* rule : rules) {
      const auto& r = *rule;
      if (r.kind != RuleKind::Strict) continue;  // the argumentation layer's business
      if (r.is_fact() && std::all_of(r.head.args.begin(), r.head.args.end(),
                                     [](const Term& t) { return t.kind == Term::Kind::Constant; })) {
        if (!last_fact || !names(last_fact->first, r.head)) {
          auto p = predicate_of(r.head);
          const auto id = relation_of(p);
          last_fact.emplace(std::move(p), id);
        }
        run.add_fact(last_fact->second, r.head.args);
        continue;
      }
      const auto head = predicate_of(r.head);
      if (r.is_fact()) {
        const auto plan = compiler.compile_rule(r, -1);
        run.run(plan);
        continue;
      }
      rules_of[graph.component_of[graph.index.at(head)]].push_back(&r);
    }
    run.flush_facts();

    for (std::uint32_t c = 0; c < graph.components.size(); ++c) {
      run.forget_aggregates();
      const auto& members = graph.components[c];
      std::vector<RulePlan> full;
      for (const auto* r : rules_of[c]) full.push_back(compiler.compile_rule(*r, -1));
      for (const auto& plan : full) prepare_indexes(plan.steps, relations_);
      if (!graph.recursive(c)) {
        for (const auto& plan : full) run.run(plan);
        continue;
      }
      // Semi-naive: one variant of each rule per body atom of this component, reading
      // that atom's delta.
      std::vector<RulePlan> variants;
      for (const auto* r : rules_of[c]) {
        for (std::size_t i = 0; i < r->body.size(); ++i) {
          const auto& l = r->body[i];
          if (l.kind != Literal::Kind::Atom || l.negated) continue;
          const auto id = graph.index.find(predicate_of(l.atom));
          if (id == graph.index.end() || graph.component_of[id->second] != c) continue;
          variants.push_back(compiler.compile_rule(*r, static_cast<int>(i)));
        }
      }
      for (const auto& plan : variants) prepare_indexes(plan.steps, relations_);
      // Each round touches only the relations that grew in the previous one, and runs
      // only the variants that read them: a long cycle of predicates, where one fact moves
      // one step a round, costs its length, not its length squared.
      std::map<RelationId, std::vector<const RulePlan*>> variants_of;
      for (const auto& plan : variants) {
        const auto delta = std::find_if(plan.steps.begin(), plan.steps.end(), [](const Step& s) { return s.delta; });
        variants_of[delta->relation].push_back(&plan);
      }
      std::map<RelationId, RowId> start;
      std::set<RelationId> growing;
      for (const auto m : members) {
        const auto id = relation_of(graph.predicates[m]);
        start[id] = static_cast<RowId>(relations_[id]->size());
        growing.insert(id);
      }
      for (const auto& plan : full) run.mark_stable_exists(plan.steps, growing);
      for (const auto& plan : variants) run.mark_stable_exists(plan.steps, growing);
      run.take_grown();
      for (const auto& plan : full) run.run(plan);
      std::vector<RelationId> with_delta;
      for (;;) {
        for (const auto id : with_delta) run.set_delta(id, 0, 0);
        with_delta = run.take_grown();
        if (with_delta.empty()) break;
        for (const auto id : with_delta) {
          const auto end = static_cast<RowId>(relations_[id]->size());
          run.set_delta(id, start[id], end);
          start[id] = end;
        }
        for (const auto id : with_delta) {
          const auto it = variants_of.find(id);
          if (it == variants_of.end()) continue;
          for (const auto* plan : it->second) run.run(*plan);
        }
      }
    }
  } catch (Stop& stop) {
    diagnostics_.push_back(std::move(stop.diagnostic));
    return stop.status;
  }
  for (auto& [at, message] : run.warnings) diagnostics_.push_back(make_warning(at, message));
  return Status::Ok;
}

namespace {

// The argument positions of a query that is one positive atom over distinct named
// variables (`path(X, Y)`): its answers are the relation itself, with no copy.
std::optional<std::vector<std::uint32_t>> direct_columns(const Query& query, const std::vector<std::string>& columns) {
  if (query.body.size() != 1) return std::nullopt;
  const auto& l = query.body[0];
  if (l.kind != Literal::Kind::Atom || l.negated || l.atom.args.size() != columns.size()) return std::nullopt;
  std::vector<std::uint32_t> positions;
  for (std::uint32_t i = 0; i < l.atom.args.size(); ++i) {
    const auto& a = l.atom.args[i];
    if (a.kind != Term::Kind::Variable || a.name != columns[i]) return std::nullopt;
    positions.push_back(i);
  }
  return positions;
}

}  // namespace

Status Evaluator::answer_each(const Query& query, const Limits& limits, const ColumnsVisitor& on_columns,
                              const RowVisitor& visit) {
  if (has_status_test(query.body)) {
    Query resolved = query;
    resolve_status_tests_without_arguments(resolved.body);
    return answer_each(resolved, limits, on_columns, visit);
  }
  diagnostics_.clear();
  const auto columns = answer_columns(query);
  if (const auto direct = direct_columns(query, columns)) {
    on_columns(columns);
    const auto it = relation_ids_.find(predicate_of(query.body[0].atom));
    if (it != relation_ids_.end()) visit_sorted(*relations_[it->second], *direct, visit);
    return Status::Ok;
  }
  // The answers go to a relation of their own (which also removes duplicates), in a slot
  // dropped afterwards: the last one, so every relation the query names must exist first.
  std::function<void(const std::vector<Literal>&)> create = [&](const std::vector<Literal>& body) {
    for (const auto& l : body) {
      if (l.kind == Literal::Kind::Atom) relation_of(predicate_of(l.atom));
      for (const auto& e : l.elements) create(e.condition);
    }
  };
  create(query.body);
  Compiler compiler(interner_, [this](const PredicateId& p) { return relation_of(p); });
  const auto slot = static_cast<RelationId>(relations_.size());
  relations_.push_back(std::make_unique<Relation>(static_cast<std::uint32_t>(columns.size())));
  Run run(*this, limits);
  try {
    const auto plan = compiler.compile_query(query, slot, columns);
    prepare_indexes(plan.steps, relations_);
    const auto facts_before = facts_;
    run.run(plan);
    facts_ = facts_before;
  } catch (Stop& stop) {
    relations_.pop_back();
    diagnostics_.push_back(std::move(stop.diagnostic));
    return stop.status;
  } catch (...) {
    relations_.pop_back();
    throw;
  }
  for (auto& [at, message] : run.warnings) diagnostics_.push_back(make_warning(at, message));
  on_columns(columns);
  std::vector<std::uint32_t> all(columns.size());
  for (std::uint32_t c = 0; c < all.size(); ++c) all[c] = c;
  visit_sorted(*relations_[slot], all, visit);
  relations_.pop_back();
  return Status::Ok;
}

QueryAnswers Evaluator::answer(const Query& query, const Limits& limits) {
  QueryAnswers out;
  out.status = answer_each(
      query, limits, [&](const std::vector<std::string>& columns) { out.columns = columns; },
      [&](const std::vector<Value>& row) { out.rows.push_back(row); });
  if (out.status != Status::Ok) out.columns = answer_columns(query);
  return out;
}

void Evaluator::visit_sorted(const Relation& rel, const std::vector<std::uint32_t>& columns,
                             const RowVisitor& visit) const {
  std::vector<Value> row(columns.size());
  for_each_in_value_order(rel, interner_, columns, [&](const Datum* values) {
    for (std::size_t i = 0; i < row.size(); ++i) row[i] = interner_.value(values[i]);
    visit(row);
  });
}

void Evaluator::each_row(const PredicateId& predicate, const RowVisitor& visit) const {
  const auto it = relation_ids_.find(predicate);
  if (it == relation_ids_.end()) return;
  const auto& rel = *relations_[it->second];
  std::vector<std::uint32_t> all(rel.arity());
  for (std::uint32_t c = 0; c < all.size(); ++c) all[c] = c;
  visit_sorted(rel, all, visit);
}

bool Evaluator::contains(const PredicateId& predicate, const std::vector<Value>& tuple) const {
  const auto it = relation_ids_.find(predicate);
  if (it == relation_ids_.end() || tuple.size() != predicate.arity) return false;
  std::vector<Datum> key;
  for (const auto& v : tuple) {
    const auto d = interner_.find(v);
    if (!d) return false;  // a value never seen is in no relation
    key.push_back(*d);
  }
  return relations_[it->second]->contains(key.data());
}

std::vector<std::vector<Value>> Evaluator::rows(const PredicateId& predicate) const {
  std::vector<std::vector<Value>> out;
  each_row(predicate, [&](const std::vector<Value>& row) { out.push_back(row); });
  return out;
}

std::size_t Evaluator::memory() const {
  std::size_t bytes = interner_.memory();
  for (const auto& r : relations_) bytes += r->memory();
  return bytes;
}

}  // namespace writ::query::eval
