// Join ordering: literals are taken greedily. Tests (comparisons, negations, aggregates
// whose inputs are bound) run as soon as they can, since they only discard work; among
// the atoms, the one with the most bound arguments comes next (ties in written order),
// so each scan after the first is an index lookup. A delta literal, when given, goes
// first: it is the smallest input of a semi-naive round.
//
// Arithmetic in an atom's argument (`f(X - 1)`) is computed from variables, so it can be
// an index key or a check only once they are bound: by earlier steps, or by this same
// atom's plain arguments (`p(X, X + 1)`). An atom whose arithmetic needs variables that
// only later atoms bind is taken only when no other atom can go (a delta literal then
// waits until it can; `q(X, Y + 1), r(Y, X + 1)` has no such order at all): its scan binds
// the column to a hidden register, and the equality is checked as soon as the
// expression's variables are bound.
#include "compile.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "query/analysis/variables.hpp"

namespace writ::query::eval {

std::vector<std::uint32_t> registers_below(const std::vector<AggregatePart>& parts, std::uint32_t below);

namespace {

class BodyCompiler {
 public:
  BodyCompiler(Interner& interner, const Compiler::RelationOf& relation_of, std::map<std::string, std::uint32_t>& regs,
               std::uint32_t& next_reg)
      : interner_(interner), relation_of_(relation_of), regs_(regs), next_reg_(next_reg) {}

  bool bound(const std::string& name) const { return regs_.count(name) > 0; }

  bool term_bound(const Term& t) const {
    bool ok = true;
    for_each_variable(t, [&](const Term& v) { ok = ok && bound(v.name); });
    return ok;
  }

  Expr expr(const Term& t) {
    Expr e;
    e.location = t.location;
    switch (t.kind) {
      case Term::Kind::Constant:
        e.kind = Expr::Kind::Constant;
        e.constant = interner_.intern(t.value);
        break;
      case Term::Kind::Variable:
        e.kind = Expr::Kind::Register;
        e.reg = regs_.at(t.name);
        break;
      case Term::Kind::Arith:
        e.kind = Expr::Kind::Arith;
        e.op = t.op;
        for (const auto& o : t.operands) e.operands.push_back(expr(o));
        break;
    }
    return e;
  }

  // An arithmetic argument that can be computed from bound variables and those the atom
  // itself binds.
  bool computable_in(const Atom& atom, const Term& arg) const {
    const auto own = binds_of(atom);
    bool ok = true;
    for_each_variable(arg, [&](const Term& v) { ok = ok && (bound(v.name) || own.count(v.name)); });
    return ok;
  }

  bool computable(const Atom& atom) const {
    for (const auto& a : atom.args)
      if (a.kind == Term::Kind::Arith && !computable_in(atom, a)) return false;
    return true;
  }

  std::uint32_t fresh(const std::string& name) {
    auto [it, inserted] = regs_.try_emplace(name, next_reg_);
    if (inserted) ++next_reg_;
    return it->second;
  }

  // Plain variables of `atom` that are not bound yet: the scan binds them.
  std::set<std::string> binds_of(const Atom& atom) const {
    std::set<std::string> names;
    for (const auto& a : atom.args)
      if (a.kind == Term::Kind::Variable && !bound(a.name)) names.insert(a.name);
    return names;
  }

  Step atom_step(const Atom& atom, Step::Kind kind, bool delta) {
    Step s;
    s.kind = kind;
    s.delta = delta;
    s.relation = relation_of_(predicate_of(atom));
    s.location = atom.location;
    s.arity = static_cast<std::uint32_t>(atom.args.size());
    // Arithmetic arguments over variables this same atom binds (`p(X, X + 1)`) are
    // checked after the binding; all other arguments that are known are index keys.
    std::vector<std::uint32_t> late;
    std::vector<std::uint32_t> deferred;
    std::map<std::string, std::uint32_t> first_column;
    for (std::uint32_t c = 0; c < atom.args.size(); ++c) {
      const auto& a = atom.args[c];
      if (a.kind == Term::Kind::Arith && !term_bound(a) && !computable_in(atom, a)) {
        deferred.push_back(c);
      } else if (a.kind == Term::Kind::Variable && !bound(a.name)) {
        if (is_anonymous_name(a.name)) continue;
        auto [it, inserted] = first_column.try_emplace(a.name, c);
        if (inserted) {
          s.binds.emplace_back(c, 0);
        } else {
          s.equal_columns.emplace_back(c, it->second);
        }
      } else if (a.kind == Term::Kind::Arith && !term_bound(a)) {
        late.push_back(c);
      } else {
        s.key_mask |= ColumnMask{1} << c;
        s.keys.push_back(expr(a));
      }
    }
    for (auto& [column, reg] : s.binds) reg = fresh(atom.args[column].name);
    for (const auto c : late) s.checks.emplace_back(c, expr(atom.args[c]));
    for (const auto c : deferred) {
      const auto reg = fresh("#column" + std::to_string(next_reg_));  // '#' starts no variable
      s.binds.emplace_back(c, reg);
      pending_.push_back(Pending{reg, &atom.args[c]});
    }
    return s;
  }

  // Appends the checks of deferred arithmetic arguments whose variables are now bound.
  void flush_pending(std::vector<Step>& steps) {
    for (auto it = pending_.begin(); it != pending_.end();) {
      if (!term_bound(*it->term)) {
        ++it;
        continue;
      }
      Step s;
      s.kind = Step::Kind::Filter;
      s.op = CompareOp::Eq;
      s.location = it->term->location;
      s.lhs.kind = Expr::Kind::Register;
      s.lhs.reg = it->reg;
      s.lhs.location = it->term->location;
      s.rhs = expr(*it->term);
      steps.push_back(std::move(s));
      it = pending_.erase(it);
    }
  }

  // Whether a non-atom literal (or a negated atom) can run now.
  bool ready(const Literal& l) const {
    switch (l.kind) {
      case Literal::Kind::Atom: {
        bool ok = true;
        for_each_variable(l.atom, [&](const Term& v) { ok = ok && (bound(v.name) || is_anonymous_name(v.name)); });
        return ok;
      }
      case Literal::Kind::Comparison:
        if (l.op == CompareOp::Eq && l.lhs.kind == Term::Kind::Variable && !bound(l.lhs.name))
          return term_bound(l.rhs);
        if (l.op == CompareOp::Eq && l.rhs.kind == Term::Kind::Variable && !bound(l.rhs.name))
          return term_bound(l.lhs);
        return term_bound(l.lhs) && term_bound(l.rhs);
      case Literal::Kind::Aggregate: {
        // Ready when every variable also used outside is bound. The caller passes
        // `outside_` for this rule.
        bool ok = true;
        for (const auto& e : l.elements) {
          auto check = [&](const Term& v) { ok = ok && (!outside_->count(v.name) || bound(v.name)); };
          for (const auto& t : e.terms) for_each_variable(t, check);
          for (const auto& c : e.condition) for_each_variable(c, check);
        }
        if (!(l.op == CompareOp::Eq && l.lhs.kind == Term::Kind::Variable)) ok = ok && term_bound(l.lhs);
        return ok;
      }
    }
    return false;
  }

  Step test_step(const Literal& l) {
    Step s;
    s.location = l.location;
    switch (l.kind) {
      case Literal::Kind::Atom: return atom_step(l.atom, Step::Kind::Negation, false);
      case Literal::Kind::Comparison:
        if (l.op == CompareOp::Eq && l.lhs.kind == Term::Kind::Variable && !bound(l.lhs.name)) {
          s.kind = Step::Kind::Assign;
          s.lhs = expr(l.rhs);
          s.reg = fresh(l.lhs.name);
        } else if (l.op == CompareOp::Eq && l.rhs.kind == Term::Kind::Variable && !bound(l.rhs.name)) {
          s.kind = Step::Kind::Assign;
          s.lhs = expr(l.lhs);
          s.reg = fresh(l.rhs.name);
        } else {
          s.kind = Step::Kind::Filter;
          s.op = l.op;
          s.lhs = expr(l.lhs);
          s.rhs = expr(l.rhs);
        }
        return s;
      case Literal::Kind::Aggregate: {
        s.kind = Step::Kind::Aggregate;
        s.function = l.function;
        s.op = l.op;
        const std::uint32_t bound_before = next_reg_;
        for (const auto& e : l.elements) {
          // Each element binds its local variables in registers of its own; they are
          // forgotten afterwards so that elements do not share locals.
          auto saved = regs_;
          AggregatePart part;
          part.steps = conjunction(e.condition, -1);
          for (const auto& t : e.terms) part.terms.push_back(expr(t));
          s.parts.push_back(std::move(part));
          regs_ = std::move(saved);
        }
        s.inputs = registers_below(s.parts, bound_before);
        if (l.op == CompareOp::Eq && l.lhs.kind == Term::Kind::Variable && !bound(l.lhs.name)) {
          s.assign = true;
          s.reg = fresh(l.lhs.name);
        } else {
          s.lhs = expr(l.lhs);
        }
        return s;
      }
    }
    return s;
  }

  // A group of literals sharing no variable with the rest, compiled as one Exists step.
  Step exists_step(const std::vector<Literal>& group) {
    Step s;
    s.kind = Step::Kind::Exists;
    s.location = group.front().location;
    AggregatePart part;
    part.steps = conjunction(group, -1);
    s.parts.push_back(std::move(part));
    return s;
  }

  // Orders and compiles a conjunction; see the comment at the top of this file.
  std::vector<Step> conjunction(const std::vector<Literal>& body, int delta_literal) {
    // An aggregate element's condition is a conjunction of its own, inside this one.
    auto outer_pending = std::exchange(pending_, {});
    std::vector<Step> steps;
    std::vector<bool> done(body.size(), false);
    for (std::size_t remaining = body.size(); remaining > 0; --remaining) {
      int pick = -1;
      if (delta_literal >= 0 && !done[delta_literal] && computable(body[delta_literal].atom)) pick = delta_literal;
      for (std::size_t i = 0; i < body.size() && pick < 0; ++i) {
        const auto& l = body[i];
        if (!done[i] && !(l.kind == Literal::Kind::Atom && !l.negated) && ready(l)) pick = static_cast<int>(i);
      }
      // The best positive atom: computable ones first, then the most bound arguments.
      int best_score = -1;
      for (std::size_t i = 0; i < body.size() && pick < 0; ++i) {
        const auto& l = body[i];
        if (done[i] || l.kind != Literal::Kind::Atom || l.negated || static_cast<int>(i) == delta_literal) continue;
        if (!computable(l.atom)) continue;
        int score = 0;
        for (const auto& a : l.atom.args)
          if (a.kind == Term::Kind::Constant || a.kind == Term::Kind::Arith ||
              (a.kind == Term::Kind::Variable && bound(a.name)))
            ++score;
        if (score > best_score) {
          best_score = score;
          pick = static_cast<int>(i);
        }
      }
      // No atom is computable: a cycle of arithmetic arguments; the delta literal, or the
      // first remaining atom, goes with its arithmetic checked later (see the top).
      if (pick < 0 && delta_literal >= 0 && !done[delta_literal]) pick = delta_literal;
      for (std::size_t i = 0; i < body.size() && pick < 0; ++i) {
        const auto& l = body[i];
        if (!done[i] && l.kind == Literal::Kind::Atom && !l.negated) pick = static_cast<int>(i);
      }
      if (pick < 0) {
        // Unreachable for a program that passed the safety check; take the first
        // remaining literal so the plan is still well-formed.
        for (std::size_t i = 0; i < body.size() && pick < 0; ++i)
          if (!done[i]) pick = static_cast<int>(i);
      }
      done[pick] = true;
      const auto& l = body[pick];
      steps.push_back(l.kind == Literal::Kind::Atom && !l.negated
                          ? atom_step(l.atom, Step::Kind::Scan, pick == delta_literal)
                          : test_step(l));
      flush_pending(steps);
    }
    pending_ = std::move(outer_pending);
    return steps;
  }

  void set_outside(const std::set<std::string>* outside) { outside_ = outside; }

 private:
  Interner& interner_;
  const Compiler::RelationOf& relation_of_;
  std::map<std::string, std::uint32_t>& regs_;
  std::uint32_t& next_reg_;
  const std::set<std::string>* outside_ = nullptr;
  // Deferred arithmetic arguments: the hidden register holding the column, and the
  // expression it must equal once the expression's variables are bound.
  struct Pending {
    std::uint32_t reg;
    const Term* term;
  };
  std::vector<Pending> pending_;
};

void collect_registers(const Expr& e, std::uint32_t below, std::set<std::uint32_t>& out) {
  if (e.kind == Expr::Kind::Register && e.reg < below) out.insert(e.reg);
  for (const auto& o : e.operands) collect_registers(o, below, out);
}

void collect_registers(const std::vector<Step>& steps, std::uint32_t below, std::set<std::uint32_t>& out);

void collect_registers(const std::vector<AggregatePart>& parts, std::uint32_t below, std::set<std::uint32_t>& out) {
  for (const auto& part : parts) {
    collect_registers(part.steps, below, out);
    for (const auto& t : part.terms) collect_registers(t, below, out);
  }
}

void collect_registers(const std::vector<Step>& steps, std::uint32_t below, std::set<std::uint32_t>& out) {
  for (const auto& s : steps) {
    for (const auto& k : s.keys) collect_registers(k, below, out);
    for (const auto& [column, e] : s.checks) collect_registers(e, below, out);
    collect_registers(s.lhs, below, out);
    collect_registers(s.rhs, below, out);
    collect_registers(s.parts, below, out);
  }
}

// Every register a step reads.
void collect_reads(const Step& s, std::set<std::uint32_t>& out) {
  constexpr auto all = ~std::uint32_t{0};
  for (const auto& k : s.keys) collect_registers(k, all, out);
  for (const auto& [column, e] : s.checks) collect_registers(e, all, out);
  collect_registers(s.lhs, all, out);
  collect_registers(s.rhs, all, out);
  collect_registers(s.parts, all, out);
}

// Projects dead columns out of scans (see Step::first_match). Walks the steps backwards
// from the registers `live` at the end (the head's, or an aggregate element's terms),
// so that at each scan `live` holds what the steps after it read.
void project_dead_columns(std::vector<Step>& steps, std::set<std::uint32_t> live) {
  constexpr auto all = ~std::uint32_t{0};
  for (std::size_t i = steps.size(); i-- > 0;) {
    Step& s = steps[i];
    for (auto& part : s.parts) {
      std::set<std::uint32_t> terms;
      for (const auto& t : part.terms) collect_registers(t, all, terms);
      project_dead_columns(part.steps, std::move(terms));
    }
    collect_reads(s, live);  // a check of this atom reads registers it binds itself
    if (s.kind != Step::Kind::Scan) continue;
    ColumnMask keep = s.key_mask;
    bool any_live = false;
    for (const auto& [column, reg] : s.binds) {
      if (!live.count(reg)) continue;
      keep |= ColumnMask{1} << column;
      any_live = true;
    }
    for (const auto& [column, first] : s.equal_columns) keep |= (ColumnMask{1} << column) | (ColumnMask{1} << first);
    for (const auto& [column, e] : s.checks) keep |= ColumnMask{1} << column;
    const ColumnMask every = s.arity >= 64 ? ~ColumnMask{0} : (ColumnMask{1} << s.arity) - 1;
    if (keep == every) continue;
    if (!any_live) {
      s.first_match = true;
    } else if (!s.delta) {
      s.distinct = keep;
    }
  }
}

// Whether an aggregate's element tuples are the rows its scan visits, distinct without a
// set: one element of one scan whose terms are plain registers or constants, and every
// column that can tell two visited rows apart (the key's columns are equal in all of
// them) binds a register that is a term. A first-match scan visits at most one row.
bool elements_are_rows(const Step& aggregate) {
  if (aggregate.parts.size() != 1) return false;
  const auto& part = aggregate.parts.front();
  if (part.steps.size() != 1) return false;
  const Step& s = part.steps.front();
  if (s.kind != Step::Kind::Scan || s.delta || !s.checks.empty()) return false;
  std::set<std::uint32_t> terms;
  for (const auto& t : part.terms) {
    if (t.kind == Expr::Kind::Arith) return false;
    if (t.kind == Expr::Kind::Register) terms.insert(t.reg);
  }
  if (s.first_match) return true;
  std::map<std::uint32_t, std::uint32_t> register_of;  // column -> register it binds
  for (const auto& [column, reg] : s.binds) {
    register_of[column] = reg;
    const bool dead = s.distinct != 0 && !(s.distinct & (ColumnMask{1} << column));
    if (!dead && !terms.count(reg)) return false;
  }
  for (const auto& [column, first] : s.equal_columns)
    if (!terms.count(register_of.at(first))) return false;
  return true;
}

// See RulePlan::head_distinct. Filters, negations, assignments and aggregates give at
// most one continuation per binding; a first-match scan at most one row; a scan's
// columns outside its distinct mask (dead ones) never tell rows apart.
bool head_is_distinct(const RulePlan& plan) {
  std::set<std::uint32_t> copied;
  for (const auto& a : plan.head_args)
    if (a.kind == Expr::Kind::Register) copied.insert(a.reg);
  for (const auto& s : plan.steps) {
    if (s.kind != Step::Kind::Scan || s.first_match) continue;
    for (const auto& [column, reg] : s.binds) {
      const bool dead = s.distinct != 0 && !(s.distinct & (ColumnMask{1} << column));
      if (!dead && !copied.count(reg)) return false;
    }
  }
  return true;
}

// Registers a step binds.
void bound_by(const Step& s, std::set<std::uint32_t>& out) {
  for (const auto& [column, reg] : s.binds) out.insert(reg);
  if (s.kind == Step::Kind::Assign || (s.kind == Step::Kind::Aggregate && s.assign)) out.insert(s.reg);
}

// See Step::outer_mask: for each negation, which key columns stay fixed while the last
// scan before it iterates.
void mark_anti_joins(std::vector<Step>& steps) {
  for (std::size_t i = 0; i < steps.size(); ++i) {
    for (auto& part : steps[i].parts) mark_anti_joins(part.steps);
    Step& s = steps[i];
    if (s.kind != Step::Kind::Negation || s.keys.empty()) continue;
    std::size_t last_scan = i;
    for (std::size_t j = i; j-- > 0;)
      if (steps[j].kind == Step::Kind::Scan) {
        last_scan = j;
        break;
      }
    if (last_scan == i) continue;
    std::set<std::uint32_t> varying;
    for (std::size_t j = last_scan; j < i; ++j) bound_by(steps[j], varying);
    ColumnMask outer = 0;
    std::size_t k = 0;
    for (std::uint32_t c = 0; c < 64 && k < s.keys.size(); ++c) {
      if (!(s.key_mask & (ColumnMask{1} << c))) continue;
      std::set<std::uint32_t> reads;
      collect_registers(s.keys[k++], ~std::uint32_t{0}, reads);
      if (std::none_of(reads.begin(), reads.end(), [&](std::uint32_t r) { return varying.count(r) > 0; }))
        outer |= ColumnMask{1} << c;
    }
    if (outer != 0 && outer != s.key_mask) s.outer_mask = outer;
  }
}

void mark_distinct_elements(std::vector<Step>& steps) {
  for (auto& s : steps) {
    for (auto& part : s.parts) mark_distinct_elements(part.steps);
    if (s.kind == Step::Kind::Aggregate) s.elements_distinct = elements_are_rows(s);
  }
}

}  // namespace

// The registers bound outside an aggregate that its elements read: the key of its cache.
std::vector<std::uint32_t> registers_below(const std::vector<AggregatePart>& parts, std::uint32_t below) {
  std::set<std::uint32_t> regs;
  collect_registers(parts, below, regs);
  return {regs.begin(), regs.end()};
}

namespace {

// Variables used outside aggregates (in the head or in non-aggregate literals): the
// global variables of the rule's aggregates, which must be bound before them.
std::set<std::string> outside_aggregates(const std::vector<Literal>& body, const Atom* head) {
  std::set<std::string> names;
  if (head) for_each_variable(*head, [&](const Term& v) { names.insert(v.name); });
  for (const auto& l : body) {
    if (l.kind == Literal::Kind::Aggregate) {
      for_each_variable(l.lhs, [&](const Term& v) { names.insert(v.name); });
    } else {
      for_each_variable(l, [&](const Term& v) { names.insert(v.name); });
    }
  }
  return names;
}

// The variables through which a literal joins the others: an aggregate joins through its
// global variables only (`outside`), its element-local ones are its own.
std::set<std::string> joining_variables(const Literal& l, const std::set<std::string>& outside) {
  std::set<std::string> names;
  const auto add = [&](const Term& v) {
    if (!is_anonymous_name(v.name)) names.insert(v.name);
  };
  if (l.kind == Literal::Kind::Aggregate) {
    for_each_variable(l.lhs, add);
    for_each_variable(l, [&](const Term& v) {
      if (outside.count(v.name)) add(v);
    });
  } else {
    for_each_variable(l, add);
  }
  return names;
}

bool has_arithmetic(const Term& t) {
  if (t.kind == Term::Kind::Arith) return true;
  return std::any_of(t.operands.begin(), t.operands.end(), has_arithmetic);
}

// Whether evaluating the literals could warn or fail (undefined arithmetic, an overflow in
// #sum): then they must run only where the rule's other literals would have reached them.
bool may_report(const std::vector<Literal>& literals) {
  for (const auto& l : literals) {
    if (l.kind == Literal::Kind::Aggregate && l.function == AggregateFunction::Sum) return true;
    bool arith = has_arithmetic(l.lhs) || has_arithmetic(l.rhs);
    for (const auto& a : l.atom.args) arith = arith || has_arithmetic(a);
    for (const auto& e : l.elements) {
      for (const auto& t : e.terms) arith = arith || has_arithmetic(t);
      arith = arith || may_report(e.condition);
    }
    if (arith) return true;
  }
  return false;
}

// Splits a body into the literals connected (through shared variables) to the head's
// variables or to the delta literal, and groups of literals connected to neither: each
// group is only a condition, true or false for the whole run.
struct BodySplit {
  std::vector<Literal> main;
  int main_delta = -1;
  std::vector<std::vector<Literal>> groups;
};

BodySplit split_body(const std::vector<Literal>& body, const std::set<std::string>& head_vars, int delta_literal,
                     const std::set<std::string>& outside) {
  const std::size_t n = body.size();
  std::vector<std::size_t> parent(n);
  for (std::size_t i = 0; i < n; ++i) parent[i] = i;
  const auto find = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::map<std::string, std::size_t> first_with;
  std::vector<bool> anchored(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& v : joining_variables(body[i], outside)) {
      if (head_vars.count(v)) anchored[i] = true;
      auto [it, inserted] = first_with.try_emplace(v, i);
      if (!inserted) parent[find(i)] = find(it->second);
    }
  }
  if (delta_literal >= 0) anchored[static_cast<std::size_t>(delta_literal)] = true;
  std::vector<bool> root_anchored(n, false);
  for (std::size_t i = 0; i < n; ++i)
    if (anchored[i]) root_anchored[find(i)] = true;
  BodySplit split;
  std::map<std::size_t, std::size_t> group_of_root;
  for (std::size_t i = 0; i < n; ++i) {
    const auto root = find(i);
    if (root_anchored[root]) {
      if (static_cast<int>(i) == delta_literal) split.main_delta = static_cast<int>(split.main.size());
      split.main.push_back(body[i]);
      continue;
    }
    auto [it, inserted] = group_of_root.try_emplace(root, split.groups.size());
    if (inserted) split.groups.emplace_back();
    split.groups[it->second].push_back(body[i]);
  }
  return split;
}

std::set<std::uint32_t> head_registers(const RulePlan& plan) {
  std::set<std::uint32_t> regs;
  for (const auto& a : plan.head_args) collect_registers(a, ~std::uint32_t{0}, regs);
  return regs;
}

// The body's steps with its independent groups (split_body) hoisted into Exists steps:
// first when they cannot warn or fail, so that a false one spares
// the rest; otherwise last, reached only where the rest holds, as before the split.
std::vector<Step> hoisted_conjunction(BodyCompiler& body, const std::vector<Literal>& literals,
                                      const std::set<std::string>& head_vars, int delta_literal,
                                      const std::set<std::string>& outside) {
  auto split = split_body(literals, head_vars, delta_literal, outside);
  if (split.groups.empty()) return body.conjunction(literals, delta_literal);
  std::vector<Step> front, back;
  for (const auto& group : split.groups) (may_report(group) ? back : front).push_back(body.exists_step(group));
  auto steps = body.conjunction(split.main, split.main_delta);
  steps.insert(steps.begin(), std::make_move_iterator(front.begin()), std::make_move_iterator(front.end()));
  steps.insert(steps.end(), std::make_move_iterator(back.begin()), std::make_move_iterator(back.end()));
  return steps;
}

}  // namespace

RulePlan Compiler::compile_rule(const Rule& rule, int delta_literal) {
  RulePlan plan;
  plan.rule = &rule;
  plan.head = relation_of_(predicate_of(rule.head));
  std::map<std::string, std::uint32_t> regs;
  BodyCompiler body(interner_, relation_of_, regs, plan.registers);
  const auto outside = outside_aggregates(rule.body, &rule.head);
  body.set_outside(&outside);
  std::set<std::string> head_vars;
  for_each_variable(rule.head, [&](const Term& v) { head_vars.insert(v.name); });
  plan.steps = hoisted_conjunction(body, rule.body, head_vars, delta_literal, outside);
  for (const auto& a : rule.head.args) plan.head_args.push_back(body.expr(a));
  project_dead_columns(plan.steps, head_registers(plan));
  mark_distinct_elements(plan.steps);
  mark_anti_joins(plan.steps);
  plan.head_distinct = head_is_distinct(plan);
  return plan;
}

RulePlan Compiler::compile_query(const Query& query, RelationId answers, const std::vector<std::string>& columns) {
  RulePlan plan;
  plan.head = answers;
  std::map<std::string, std::uint32_t> regs;
  BodyCompiler body(interner_, relation_of_, regs, plan.registers);
  const auto outside = outside_aggregates(query.body, nullptr);
  body.set_outside(&outside);
  plan.steps = hoisted_conjunction(body, query.body, {columns.begin(), columns.end()}, -1, outside);
  for (const auto& c : columns) plan.head_args.push_back(body.expr(Term::variable(c)));
  project_dead_columns(plan.steps, head_registers(plan));
  mark_distinct_elements(plan.steps);
  mark_anti_joins(plan.steps);
  plan.head_distinct = head_is_distinct(plan);
  return plan;
}

}  // namespace writ::query::eval
