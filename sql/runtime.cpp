#include "runtime.hpp"

#include "values.hpp"

namespace writ::sql {

namespace {

// Replaces every `@` in `text` by the schema, so that the definitions below read as SQL.
std::string in_schema(std::string_view text, std::string_view schema) {
  std::string out;
  for (const char c : text) {
    if (c == '@') out += schema;
    else out += c;
  }
  return out;
}

}  // namespace

std::vector<std::string> runtime_statements(std::string_view schema) {
  // SQL functions that PostgreSQL can inline into the queries that call them (LANGUAGE sql,
  // one SELECT, not STRICT, IMMUTABLE and calling only immutable functions), so that
  // constants fold at planning time and indexes apply to `a1 = @.sym('x')`.
  // @.overflow only raises; it takes the value that overflowed as an argument so that it is
  // never called while planning, except on arithmetic over constants alone.
  const std::string raise_overflow =
      "CREATE OR REPLACE FUNCTION @.overflow(message text, place text, value numeric) RETURNS @.value\n"
      "LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$\n"
      "BEGIN\n"
      "  RAISE EXCEPTION USING ERRCODE = '" + std::string(overflow_sqlstate) + "', MESSAGE = place || ': ' || message,\n"
      "    DETAIL = place, HINT = 'the value was ' || value;\n"
      "END $$";
  const std::string checked =
      "CREATE OR REPLACE FUNCTION @.checked(n numeric, place text) RETURNS @.value\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$\n"
      "  SELECT CASE WHEN n IS NULL THEN NULL\n"
      "              WHEN n BETWEEN -9223372036854775808 AND 9223372036854775807 THEN @.num(n::bigint)\n"
      "              ELSE @.overflow(" + string_literal(overflow_message) + ", place, n) END $$";
  const std::string sum_checked =
      "CREATE OR REPLACE FUNCTION @.sum_checked(n numeric, place text) RETURNS @.value\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$\n"
      "  SELECT CASE WHEN n IS NULL THEN @.num(0)\n"
      "              WHEN n BETWEEN -9223372036854775808 AND 9223372036854775807 THEN @.num(n::bigint)\n"
      "              ELSE @.overflow(" + string_literal(sum_overflow_message) + ", place, n) END $$";
  const std::vector<std::string> definitions = {
      // Values: text compared byte by byte (values.hpp).
      "CREATE DOMAIN @.value AS text COLLATE \"C\"",
      // Integers: 'i', a length letter, the digits (complemented when negative).
      "CREATE OR REPLACE FUNCTION @.num(n bigint) RETURNS @.value\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$\n"
      "  SELECT (CASE WHEN n >= 0 THEN 'i' || chr(64 + length(n::text)) || n::text\n"
      "               ELSE 'i' || chr(58 - length(n::text)) || translate(substr(n::text, 2), '0123456789', '9876543210')\n"
      "          END)::@.value $$",
      "CREATE OR REPLACE FUNCTION @.sym(name text) RETURNS @.value\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ('s' || name)::@.value $$",
      "CREATE OR REPLACE FUNCTION @.str(s text) RETURNS @.value\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ('t' || s)::@.value $$",
      // The integer a value holds, or NULL when it holds none.
      "CREATE OR REPLACE FUNCTION @.num_of(v @.value) RETURNS bigint\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$\n"
      "  SELECT CASE WHEN left(v, 1) <> 'i' THEN NULL\n"
      "              WHEN substr(v, 2, 1) >= 'A' THEN substr(v, 3)::bigint\n"
      "              ELSE ('-' || translate(substr(v, 3), '0123456789', '9876543210'))::bigint END $$",
      // A value as writ writes it: 42, microsoft, "a \"quoted\" text".
      "CREATE OR REPLACE FUNCTION @.show(v @.value) RETURNS text\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$\n"
      "  SELECT CASE left(v, 1) WHEN 'i' THEN @.num_of(v)::text WHEN 's' THEN substr(v, 2)\n"
      "    ELSE '\"' || replace(replace(replace(replace(replace(substr(v, 2), E'\\\\', E'\\\\\\\\'), '\"', E'\\\\\"'),\n"
      "                         E'\\n', E'\\\\n'), E'\\t', E'\\\\t'), E'\\r', E'\\\\r') || '\"' END $$",
      raise_overflow,
      checked,
      sum_checked,
      // Arithmetic: NULL when an operand is not an integer or a divisor is zero; exact
      // otherwise (numeric), or an overflow. `/` truncates toward zero and `\\` (mod) takes
      // the sign of the dividend, as in C and clingo.
      "CREATE OR REPLACE FUNCTION @.plus(a @.value, b @.value, place text) RETURNS @.value\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT @.checked(@.num_of(a)::numeric + @.num_of(b), place) $$",
      "CREATE OR REPLACE FUNCTION @.minus(a @.value, b @.value, place text) RETURNS @.value\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT @.checked(@.num_of(a)::numeric - @.num_of(b), place) $$",
      "CREATE OR REPLACE FUNCTION @.times(a @.value, b @.value, place text) RETURNS @.value\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT @.checked(@.num_of(a)::numeric * @.num_of(b), place) $$",
      "CREATE OR REPLACE FUNCTION @.div(a @.value, b @.value, place text) RETURNS @.value\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$\n"
      "  SELECT CASE WHEN @.num_of(b) = 0 THEN NULL\n"
      "              ELSE @.checked(div(@.num_of(a)::numeric, @.num_of(b)::numeric), place) END $$",
      "CREATE OR REPLACE FUNCTION @.mod(a @.value, b @.value, place text) RETURNS @.value\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$\n"
      "  SELECT CASE WHEN @.num_of(b) = 0 THEN NULL ELSE @.num(mod(@.num_of(a), @.num_of(b))) END $$",
      "CREATE OR REPLACE FUNCTION @.negate(a @.value, place text) RETURNS @.value\n"
      "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT @.checked(-(@.num_of(a)::numeric), place) $$",
  };
  std::vector<std::string> out;
  for (const auto& d : definitions) out.push_back(in_schema(d, schema));
  return out;
}

}  // namespace writ::sql
