// How sure an answer is. The order is the order of strength.
#pragma once

namespace writ::query::argue {

enum class Status {
  Rejected,     // every argument for it is defeated (or rests on something rejected)
  Contested,    // arguments both ways, neither defeated
  Accepted,     // holds defeasibly: every counter-argument is defeated
  Established,  // follows by strict rules from facts alone
};

inline const char* status_name(Status s) {
  switch (s) {
    case Status::Rejected: return "rejected";
    case Status::Contested: return "contested";
    case Status::Accepted: return "accepted";
    case Status::Established: return "established";
  }
  return "rejected";
}

}  // namespace writ::query::argue
