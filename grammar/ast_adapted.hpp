// Fusion adaptation of the syntax tree, so X3 can fill the structs member by member.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Leaf, kind, text)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Signed, sign, operand)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Operation, op, operand)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Expression, first, rest)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Atom, strong_negation, predicate, args)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::AtomLiteral, negated, status, atom)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Comparison, lhs, op, rhs)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::AggregateElement, terms, condition)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Aggregate, function, elements)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::AggregateFirst, aggregate, op, bound)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Citation, source, quote)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::RuleTail, kind, body, weight, citation)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Clause, form, claimant, head, tail)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Rule, label, clause)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Preference, stronger, weaker)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::SourceAttribute, key, negative, value)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Source, name, attributes)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Issue, pattern, attributes)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::FactArgument, negative, value)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::PlainFact, strong_negation, predicate, args)
BOOST_FUSION_ADAPT_STRUCT(writ::grammar::syntax::Goal, perspective, modality, body)
