// The types the grammar is instantiated for: they must match the call in statement.cpp
// exactly, or BOOST_SPIRIT_INSTANTIATE would instantiate a parser nobody calls.
#pragma once

#include <functional>

#include <boost/spirit/home/x3/core/parse.hpp>
#include <boost/spirit/home/x3/support/context.hpp>

#include "grammar/parse_state.hpp"
#include "grammar/skipper.hpp"

namespace writ::grammar::parser {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;
using skipper_type = BlankSkipper;
using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using context_type =
    x3::context<state_tag, std::reference_wrapper<ParseState>, phrase_context_type>;

}  // namespace writ::grammar::parser
