#include "proof_standard.hpp"

namespace writ::query::argue {

namespace {
Weight weight_of(const std::optional<Weight>& side) { return side.value_or(0); }
}  // namespace

bool meets(ProofStandard standard, const Sides& sides) {
  const Weight pro = weight_of(sides.pro);
  const Weight con = weight_of(sides.con);
  switch (standard) {
    case ProofStandard::Scintilla: return sides.pro.has_value();
    case ProofStandard::Preponderance: return sides.pro.has_value() && pro > con;
    case ProofStandard::ClearAndConvincing: return sides.pro.has_value() && pro > alpha_threshold && pro > con + beta_threshold;
    case ProofStandard::BeyondReasonableDoubt:
      return sides.pro.has_value() && pro > alpha_threshold && pro > con + beta_threshold && con < gamma_threshold;
    case ProofStandard::DialecticalValidity: return sides.pro.has_value() && !sides.con.has_value();
  }
  return false;
}

Verdict judge(ProofStandard standard, const Weighing& weighing) {
  // The worst case for the statement: only the sure arguments for it, every possible one
  // against it; the best case the other way round.
  if (meets(standard, Sides{weighing.sure.pro, weighing.possible.con})) return Verdict::Met;
  if (!meets(standard, Sides{weighing.possible.pro, weighing.sure.con})) return Verdict::Failed;
  return Verdict::Open;
}

const char* standard_name(ProofStandard standard) {
  switch (standard) {
    case ProofStandard::Scintilla: return "scintilla of evidence";
    case ProofStandard::Preponderance: return "preponderance of the evidence";
    case ProofStandard::ClearAndConvincing: return "clear and convincing evidence";
    case ProofStandard::BeyondReasonableDoubt: return "beyond reasonable doubt";
    case ProofStandard::DialecticalValidity: return "dialectical validity";
  }
  return "";
}

const char* standard_keyword(ProofStandard standard) {
  switch (standard) {
    case ProofStandard::Scintilla: return "scintilla";
    case ProofStandard::Preponderance: return "preponderance";
    case ProofStandard::ClearAndConvincing: return "clear_and_convincing";
    case ProofStandard::BeyondReasonableDoubt: return "beyond_reasonable_doubt";
    case ProofStandard::DialecticalValidity: return "dialectical_validity";
  }
  return "";
}

std::string weight_text(Weight w) {
  std::string out = std::to_string(w / 1000);
  Weight fraction = w % 1000;
  if (fraction == 0) return out;
  out += '.';
  for (Weight unit = 100; fraction != 0; unit /= 10) {
    out += static_cast<char>('0' + fraction / unit);
    fraction %= unit;
  }
  return out;
}

std::string reason(ProofStandard standard, const Sides& sides) {
  const bool met = meets(standard, sides);
  const std::string pro = sides.pro ? weight_text(*sides.pro) : "";
  const std::string con = sides.con ? weight_text(*sides.con) : "";
  const std::string verdict = met ? "met: " : "not met: ";
  if (!sides.pro) return verdict + "no argument for it applies";
  switch (standard) {
    case ProofStandard::Scintilla: return verdict + "an argument for it applies";
    case ProofStandard::DialecticalValidity:
      return met ? verdict + "an argument for it applies and none against it"
                 : verdict + "an argument against it applies";
    case ProofStandard::Preponderance:
      if (!sides.con) return verdict + "the strongest argument for it (" + pro + ") meets no argument against it";
      return met ? verdict + "the strongest argument for it (" + pro + ") outweighs the strongest against it (" + con + ")"
                 : verdict + "the strongest argument for it (" + pro + ") does not outweigh the strongest against it (" +
                       con + ")";
    case ProofStandard::ClearAndConvincing:
    case ProofStandard::BeyondReasonableDoubt: break;
  }
  const Weight p = *sides.pro;
  const Weight c = sides.con.value_or(0);
  const std::string against = sides.con ? "the strongest against it (" + con + ")" : "no argument against it";
  if (p <= alpha_threshold) return verdict + "the strongest argument for it (" + pro + ") is not above " + weight_text(alpha_threshold);
  if (p <= c + beta_threshold)
    return verdict + "the strongest argument for it (" + pro + ") is not above " + against + " by more than " +
           weight_text(beta_threshold);
  if (standard == ProofStandard::BeyondReasonableDoubt && c >= gamma_threshold)
    return verdict + "the strongest argument against it (" + con + ") is not below " + weight_text(gamma_threshold);
  return verdict + "the strongest argument for it (" + pro + ") is above " + weight_text(alpha_threshold) + " and above " + against +
         " by more than " + weight_text(beta_threshold) +
         (standard == ProofStandard::BeyondReasonableDoubt
              ? std::string(sides.con ? ", which is below " : ", and nothing against it reaches ") + weight_text(gamma_threshold)
              : "");
}

}  // namespace writ::query::argue
