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

// The definitions, one statement each. The small functions are SQL functions that
// PostgreSQL inlines into the queries that call them (LANGUAGE sql, one SELECT, not STRICT,
// IMMUTABLE, calling immutable functions only), so constants fold while planning and an
// index serves `a1 = @.sym('x')`. The functions that raise take the offending values as
// arguments, so that they never run while planning, except on arithmetic over constants
// alone. Dates, durations and money follow query/arithmetic.hpp: their arithmetic is
// @.typed (plpgsql); its errors, and those of comparing them with other kinds, raise
// SQLSTATE WR001 (arithmetic) or WR002 (order) with the place as DETAIL and, as HINT, the
// context, the operation and the operands separated by U+001F, from which writ's own
// message is made again (kb/postgres).
constexpr std::string_view definitions[] = {
    // Values: text compared byte by byte (values.hpp).
    R"sql(CREATE DOMAIN @.value AS text COLLATE "C")sql",

    // N of values.hpp: a length letter and the digits, complemented when negative.
    R"sql(CREATE OR REPLACE FUNCTION @.number(n bigint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN n >= 0 THEN chr(64 + length(n::text)) || n::text
              ELSE chr(58 - length(n::text)) || translate(substr(n::text, 2), '0123456789', '9876543210') END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.number_of(t text) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN left(t, 1) >= 'A' THEN substr(t, 2)::bigint
              ELSE ('-' || translate(substr(t, 2), '0123456789', '9876543210'))::bigint END $$)sql",

    // The constructors, as the generated SQL writes constants.
    R"sql(CREATE OR REPLACE FUNCTION @.num(n bigint) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ('i' || @.number(n))::@.value $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.sym(name text) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ('s' || name)::@.value $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.str(s text) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ('t' || s)::@.value $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.date(d date) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ('u' || @.number(d - date '1970-01-01'))::@.value $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.duration(n bigint, unit text) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ('v' || unit || ':' || @.number(n))::@.value $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.money(n bigint, currency text) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ('w' || currency || ':' || @.number(n))::@.value $$)sql",

    // What a value holds: the integer (NULL unless it is one), the amount of a date (days),
    // duration or money (or an integer's value), and the unit of a duration or money.
    R"sql(CREATE OR REPLACE FUNCTION @.num_of(v @.value) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN left(v, 1) = 'i' THEN @.number_of(substr(v, 2)) END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.amount_of(v @.value) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE left(v, 1) WHEN 'i' THEN @.number_of(substr(v, 2)) WHEN 'u' THEN @.number_of(substr(v, 2))
                         WHEN 'v' THEN @.number_of(substr(v, strpos(v, ':') + 1))
                         WHEN 'w' THEN @.number_of(substr(v, strpos(v, ':') + 1)) END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.unit_of(v @.value) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN left(v, 1) IN ('v', 'w') THEN substr(v, 2, strpos(v, ':') - 2) ELSE '' END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.is_quantity(v @.value) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT left(v, 1) IN ('u', 'v', 'w') $$)sql",

    // A value as writ writes it: 42, microsoft, "a \"quoted\" text", 2026-03-01, 1y6mo,
    // $12.50, CHF 1_000 (for people reading a script's answers: writ itself decodes).
    R"sql(CREATE OR REPLACE FUNCTION @.show(v @.value) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  n bigint := @.amount_of(v);
  unit text := @.unit_of(v);
  m numeric;
  decimals int;
  scale numeric;
  whole text;
BEGIN
  CASE left(v, 1)
  WHEN 'i' THEN RETURN n::text;
  WHEN 's' THEN RETURN substr(v, 2);
  WHEN 't' THEN
    RETURN '"' || replace(replace(replace(replace(replace(substr(v, 2), E'\\', E'\\\\'), '"', E'\\"'),
                                          E'\n', E'\\n'), E'\t', E'\\t'), E'\r', E'\\r') || '"';
  WHEN 'u' THEN RETURN to_char(date '1970-01-01' + n::int, 'YYYY-MM-DD');
  WHEN 'v' THEN
    IF unit = 'd' THEN RETURN n || 'd'; END IF;
    RETURN CASE WHEN n < 0 THEN '-' ELSE '' END
           || CASE WHEN abs(n) >= 12 THEN (abs(n) / 12) || 'y' ELSE '' END
           || CASE WHEN abs(n) % 12 > 0 OR abs(n) < 12 THEN (abs(n) % 12) || 'mo' ELSE '' END;
  WHEN 'w' THEN
    decimals := CASE WHEN unit IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX',
                                   'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 0
                     WHEN unit IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
                     WHEN unit IN ('CLF', 'UYW') THEN 4 ELSE 2 END;
    m := abs(n::numeric);
    scale := power(10::numeric, decimals);
    whole := trunc(m / scale)::text;
    whole := regexp_replace(reverse(regexp_replace(reverse(whole), '(\d{3})(?=\d)', '\1_', 'g')), '^_', '');
    RETURN CASE WHEN n < 0 THEN '-' ELSE '' END
           || CASE unit WHEN 'USD' THEN '$' WHEN 'EUR' THEN U&'\20AC' WHEN 'GBP' THEN U&'\00A3' ELSE unit || ' ' END
           || whole
           || CASE WHEN decimals > 0 AND m % scale <> 0
                   THEN '.' || lpad((m % scale)::bigint::text, decimals, '0') ELSE '' END;
  ELSE RETURN v;
  END CASE;
END $$)sql",

    // Errors, with what writ needs to say them as it does natively.
    R"sql(CREATE OR REPLACE FUNCTION @.overflow(message text, place text, value numeric) RETURNS @.value
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = '22003', MESSAGE = place || ': ' || message, DETAIL = place,
    HINT = 'the value was ' || value;
END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.arithmetic_error(context text, op text, a @.value, b @.value, place text)
RETURNS @.value LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'WR001',
    MESSAGE = place || ': ' || context || 'type error or overflow: ' || @.show(a) || ' ' || op || ' ' || coalesce(@.show(b), ''),
    DETAIL = place, HINT = context || chr(31) || op || chr(31) || a || chr(31) || coalesce(b, '');
END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.order_error(a @.value, op text, b @.value, place text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'WR002',
    MESSAGE = place || ': cannot compare ' || @.show(a) || ' ' || op || ' ' || @.show(b),
    DETAIL = place, HINT = chr(31) || op || chr(31) || a || chr(31) || b;
END $$)sql",

    // Integers: exact (numeric), or an overflow.
    R"sql(CREATE OR REPLACE FUNCTION @.checked(n numeric, place text) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN n IS NULL THEN NULL
              WHEN n BETWEEN -9223372036854775808 AND 9223372036854775807 THEN @.num(n::bigint)
              ELSE @.overflow('integer overflow: the result does not fit in 64 bits (signed)', place, n) END $$)sql",

    // Dates, durations and money (query/arithmetic.hpp): the result, NULL when undefined (a
    // division by zero), or an error.
    R"sql(CREATE OR REPLACE FUNCTION @.typed(op text, a @.value, b @.value, place text, context text DEFAULT '')
RETURNS @.value LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  ka text := left(a, 1);
  kb text := CASE WHEN op = 'neg' THEN 'i' ELSE left(b, 1) END;
  x numeric := @.amount_of(a);
  y numeric := CASE WHEN op = 'neg' THEN 0 ELSE @.amount_of(b) END;
  ua text := @.unit_of(a);
  ub text := CASE WHEN op = 'neg' THEN '' ELSE @.unit_of(b) END;
  a_measure boolean := ka IN ('v', 'w');
  b_measure boolean := kb IN ('v', 'w');
  same_unit boolean := ka = kb AND ua = ub;
  r numeric;
  d date;
BEGIN
  -- A measure's amount: the unit of `a` (or of `b` when `a` is the integer), never INT64_MIN.
  CASE op
  WHEN 'neg' THEN
    IF a_measure THEN r := -x; END IF;
  WHEN '+' THEN
    IF kb = 'i' AND y = 0 THEN RETURN a; END IF;
    IF ka = 'i' AND x = 0 THEN RETURN b; END IF;
    IF ka = 'u' AND kb = 'v' OR ka = 'v' AND kb = 'u' THEN
      d := date '1970-01-01' + (CASE WHEN ka = 'u' THEN x ELSE y END)::int;
      IF (CASE WHEN ka = 'v' THEN ua ELSE ub END) = 'd' THEN
        r := (CASE WHEN ka = 'u' THEN x ELSE y END) + (CASE WHEN ka = 'v' THEN x ELSE y END);
      ELSIF abs(CASE WHEN ka = 'v' THEN x ELSE y END) <= 120000 THEN
        r := (d + make_interval(months => (CASE WHEN ka = 'v' THEN x ELSE y END)::int))::date - date '1970-01-01';
      END IF;
      IF r BETWEEN -719162 AND 2932896 THEN RETURN ('u' || @.number(r::bigint))::@.value; END IF;
      RETURN @.arithmetic_error(context, op, a, b, place);
    END IF;
    IF a_measure AND same_unit THEN r := x + y; END IF;
  WHEN '-' THEN
    IF kb = 'i' AND y = 0 THEN RETURN a; END IF;
    IF ka = 'i' AND x = 0 AND b_measure THEN
      r := -y;
      ka := kb;
      ua := ub;
    ELSIF ka = 'u' AND kb = 'v' THEN
      IF ub = 'd' THEN
        r := x - y;
      ELSIF abs(y) <= 120000 THEN
        r := ((date '1970-01-01' + x::int) - make_interval(months => y::int))::date - date '1970-01-01';
      END IF;
      IF r BETWEEN -719162 AND 2932896 THEN RETURN ('u' || @.number(r::bigint))::@.value; END IF;
      RETURN @.arithmetic_error(context, op, a, b, place);
    ELSIF ka = 'u' AND kb = 'u' THEN
      RETURN ('vd:' || @.number((x - y)::bigint))::@.value;
    ELSIF a_measure AND same_unit THEN
      r := x - y;
    END IF;
  WHEN '*' THEN
    IF a_measure AND kb = 'i' THEN r := x * y;
    ELSIF ka = 'i' AND b_measure THEN r := x * y; ka := kb; ua := ub;
    END IF;
  WHEN '/' THEN
    IF a_measure AND (kb = 'i' OR same_unit) THEN
      IF y = 0 THEN RETURN NULL; END IF;
      r := div(x, y);
      IF same_unit THEN RETURN @.checked(r, place); END IF;
    END IF;
  WHEN 'mod' THEN
    IF a_measure AND (kb = 'i' OR same_unit) THEN
      IF y = 0 THEN RETURN NULL; END IF;
      r := mod(x, y);
    END IF;
  END CASE;
  IF r IS NULL OR r <= -9223372036854775808 OR r > 9223372036854775807 THEN
    RETURN @.arithmetic_error(context, op, a, b, place);
  END IF;
  IF ka = 'v' THEN RETURN ('v' || ua || ':' || @.number(r::bigint))::@.value; END IF;
  RETURN ('w' || ua || ':' || @.number(r::bigint))::@.value;
END $$)sql",

    // Arithmetic: integers exactly (numeric) or an overflow; NULL (undefined) when an
    // operand is a symbol or a string or a divisor is zero; @.typed when a date, duration
    // or money takes part. `/` truncates toward zero and `\` (mod) takes the sign of the
    // dividend, as in C and clingo.
    R"sql(CREATE OR REPLACE FUNCTION @.plus(a @.value, b @.value, place text) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN @.is_quantity(a) OR @.is_quantity(b) THEN @.typed('+', a, b, place)
              ELSE @.checked(@.num_of(a)::numeric + @.num_of(b), place) END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.minus(a @.value, b @.value, place text) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN @.is_quantity(a) OR @.is_quantity(b) THEN @.typed('-', a, b, place)
              ELSE @.checked(@.num_of(a)::numeric - @.num_of(b), place) END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.times(a @.value, b @.value, place text) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN @.is_quantity(a) OR @.is_quantity(b) THEN @.typed('*', a, b, place)
              ELSE @.checked(@.num_of(a)::numeric * @.num_of(b), place) END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.div(a @.value, b @.value, place text) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN @.is_quantity(a) OR @.is_quantity(b) THEN @.typed('/', a, b, place)
              WHEN @.num_of(b) = 0 THEN NULL
              ELSE @.checked(div(@.num_of(a)::numeric, @.num_of(b)::numeric), place) END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.mod(a @.value, b @.value, place text) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN @.is_quantity(a) OR @.is_quantity(b) THEN @.typed('mod', a, b, place)
              WHEN @.num_of(b) = 0 THEN NULL
              ELSE @.num(mod(@.num_of(a), @.num_of(b))) END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.negate(a @.value, place text) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN @.is_quantity(a) THEN @.typed('neg', a, NULL, place)
              ELSE @.checked(-(@.num_of(a)::numeric), place) END $$)sql",

    // Ordering comparisons: the value order, except that a date, duration or money compared
    // with a value of another kind or unit is an error. (`=` and `<>` are plain.) A side that
    // is NULL is undefined arithmetic (`Y * 2` of a symbol): the rule instance is dropped, as
    // natively and in clingo, not an error.
    R"sql(CREATE OR REPLACE FUNCTION @.comparable(a @.value, b @.value) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT NOT (@.is_quantity(a) OR @.is_quantity(b))
         OR left(a, 1) = left(b, 1) AND (left(a, 1) = 'u' OR @.unit_of(a) = @.unit_of(b)) $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.lt(a @.value, b @.value, place text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL
              WHEN @.comparable(a, b) THEN a < b ELSE @.order_error(a, '<', b, place) END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.le(a @.value, b @.value, place text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL
              WHEN @.comparable(a, b) THEN a <= b ELSE @.order_error(a, '<=', b, place) END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.gt(a @.value, b @.value, place text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL
              WHEN @.comparable(a, b) THEN a > b ELSE @.order_error(a, '>', b, place) END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.ge(a @.value, b @.value, place text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL
              WHEN @.comparable(a, b) THEN a >= b ELSE @.order_error(a, '>=', b, place) END $$)sql",

    // #sum of the element tuples' weights: integers exactly, or an overflow; with dates,
    // durations or money, the integers' sum then each of those added by @.typed (in the
    // value order; writ adds them in the order it interned them, which can differ when the
    // sum is an error). Other weights are ignored.
    R"sql(CREATE OR REPLACE FUNCTION @.sum_checked(n numeric, place text) RETURNS @.value
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN n IS NULL THEN @.num(0)
              WHEN n BETWEEN -9223372036854775808 AND 9223372036854775807 THEN @.num(n::bigint)
              ELSE @.overflow('integer overflow in #sum: the total does not fit in 64 bits', place, n) END $$)sql",
    R"sql(CREATE OR REPLACE FUNCTION @.sum_of(weights @.value[], place text) RETURNS @.value
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  total @.value;
  w @.value;
BEGIN
  total := @.sum_checked((SELECT sum(@.num_of(x)) FROM unnest(weights) AS x), place);
  FOR w IN SELECT x FROM unnest(weights) AS x WHERE @.is_quantity(x) ORDER BY x LOOP
    total := @.typed('+', total, w, place, 'in #sum: ');
  END LOOP;
  RETURN total;
END $$)sql",
};

}  // namespace

std::vector<std::string> runtime_statements(std::string_view schema) {
  std::vector<std::string> out;
  for (const auto& d : definitions) out.push_back(in_schema(d, schema));
  return out;
}

}  // namespace writ::sql
