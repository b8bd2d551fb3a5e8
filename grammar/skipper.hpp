// The X3 skipper: blanks and comments, exactly as blank.hpp defines them.
#pragma once

#include <boost/spirit/home/x3/core/parser.hpp>
#include <boost/spirit/home/x3/support/unused.hpp>

#include "grammar/blank.hpp"

namespace writ::grammar::parser {

namespace x3 = boost::spirit::x3;

struct BlankSkipper : x3::parser<BlankSkipper> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
    const char* after = skip_blank(first, last);
    if (after == first) return false;  // a skipper must consume something to succeed
    first = after;
    return true;
  }
};

}  // namespace writ::grammar::parser
