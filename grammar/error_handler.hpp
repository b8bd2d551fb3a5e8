// The grammar's on_success and on_error handlers (rule IDs derive from these) and the
// exception that carries a complete message.
#pragma once

#include <string>
#include <type_traits>

#include <boost/spirit/home/x3/auxiliary/guard.hpp>
#include <boost/spirit/home/x3/directive/expect.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/context.hpp>

#include "grammar/blank.hpp"
#include "grammar/parse_state.hpp"

namespace writ::grammar::parser {

namespace x3 = boost::spirit::x3;

// An expectation failure whose which() is the whole message ("nesting deeper than ...")
// rather than the name of what was expected.
struct MessageFailure : x3::expectation_failure<const char*> {
  using x3::expectation_failure<const char*>::expectation_failure;
};

// Records each position-tagged node's place as byte offsets (see ast.hpp).
struct annotate_position {
  template <typename Iterator, typename Context, typename Node>
  void on_success(Iterator const& first, Iterator const& last, Node& node,
                  Context const& context) const {
    if constexpr (std::is_base_of_v<x3::position_tagged, Node>) {
      const char* text = x3::get<state_tag>(context).get().text;
      node.id_first = static_cast<int>(first - text);
      node.id_last = static_cast<int>(last - text);
    }
  }
};

// For the top rules: turns the expectation failure into a SyntaxError in the state, at
// the first character of the offending token.
struct report_error : annotate_position {
  template <typename Iterator, typename Exception, typename Context>
  x3::error_handler_result on_error(Iterator&, Iterator const& last, Exception const& failure,
                                    Context const& context) const {
    ParseState& state = x3::get<state_tag>(context).get();
    const char* where = skip_blank(failure.where(), last);
    std::string message = dynamic_cast<const MessageFailure*>(&failure) != nullptr
                              ? failure.which()
                              : "expected " + failure.which();
    state.error = SyntaxError{static_cast<std::size_t>(where - state.text), std::move(message)};
    return x3::error_handler_result::fail;
  }
};

// For a rule that only tries (the fast path for facts): an expectation failure inside it
// (`p(f(1)).`) fails it without a message; the full grammar then reports the error.
struct fail_quietly : annotate_position {
  template <typename Iterator, typename Exception, typename Context>
  x3::error_handler_result on_error(Iterator&, Iterator const&, Exception const&, Context const&) const {
    return x3::error_handler_result::fail;
  }
};

}  // namespace writ::grammar::parser
