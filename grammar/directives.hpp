// Two parsers X3 lacks, used by the grammar:
//   nest(c)[p]: matches the opener c, then p, counting the depth of such nesting so that
//               hostile input (100,000 parentheses) fails cleanly instead of overflowing
//               the stack through X3's recursion;
//   reject(p, message): fails the whole statement with `message` where p matches, for
//               errors better said than "expected ..." (function terms, `not` in a head).
#pragma once

#include <string>
#include <utility>

#include <boost/spirit/home/x3/core/parser.hpp>
#include <boost/spirit/home/x3/core/skip_over.hpp>
#include <boost/spirit/home/x3/support/context.hpp>
#include <boost/spirit/home/x3/support/unused.hpp>

#include "grammar/error_handler.hpp"
#include "grammar/parse.hpp"
#include "grammar/syntax_parser.hpp"

namespace writ::grammar::parser {

namespace x3 = boost::spirit::x3;

inline const std::string& nesting_message() {
  static const std::string message =
      "nesting deeper than " + std::to_string(max_nesting_depth) + " levels";
  return message;
}

template <typename Subject>
struct nest_directive : x3::unary_parser<Subject, nest_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, nest_directive<Subject>>;
  static bool const is_pass_through_unary = true;

  constexpr nest_directive(Subject const& inner, char opener)
      : base_type(inner), opener_(opener) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    Iterator i = first;
    x3::skip_over(i, last, context);
    if (i == last || *i != opener_) return false;
    ParseState& state = x3::get<state_tag>(context).get();
    if (state.depth >= max_nesting_depth) throw MessageFailure(i, nesting_message());
    struct Level {
      std::size_t& depth;
      explicit Level(std::size_t& d) : depth(d) { ++depth; }
      ~Level() { --depth; }
      Level(const Level&) = delete;
      Level& operator=(const Level&) = delete;
    } level(state.depth);
    ++i;
    if (!this->subject.parse(i, last, context, rcontext, attr)) return false;
    first = i;
    return true;
  }

  char opener_;
};

struct nest_gen {
  char opener;
  template <typename Subject>
  constexpr nest_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& subject) const {
    return {x3::as_parser(subject), opener};
  }
};

constexpr nest_gen nest(char opener) { return {opener}; }

template <typename Subject>
struct reject_parser : x3::unary_parser<Subject, reject_parser<Subject>> {
  using base_type = x3::unary_parser<Subject, reject_parser<Subject>>;
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  reject_parser(Subject const& inner, std::string message)
      : base_type(inner), message_(std::move(message)) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute&) const {
    Iterator at = first;
    x3::skip_over(at, last, context);
    Iterator probe = at;
    if (this->subject.parse(probe, last, context, rcontext, x3::unused))
      throw MessageFailure(at, message_);
    return true;
  }

  std::string message_;
};

template <typename Subject>
reject_parser<typename x3::extension::as_parser<Subject>::value_type> reject(
    Subject const& subject, std::string message) {
  return {x3::as_parser(subject), std::move(message)};
}

// "more than 10000 arguments"
inline std::string too_many(const char* what) {
  return "more than " + std::to_string(max_list_length) + " " + what;
}

}  // namespace writ::grammar::parser
