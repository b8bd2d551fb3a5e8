// Currencies of money values: the ISO 4217 codes in use, each with its number of decimals
// (its minor unit: 2 for USD's cents, 0 for JPY, 3 for KWD's fils), and the three signs the
// language also reads: `$` (USD), `€` (EUR), `£` (GBP).
#pragma once

#include <string>
#include <string_view>

namespace writ::query::currency {

// Whether `code` is an ISO 4217 code in use (three capital letters, e.g. "USD").
bool known(std::string_view code);

// The number of decimals of the currency's minor unit: 0 to 4. Precondition: known(code).
int decimals(std::string_view code);

// The sign written for the currency ("$" for USD), or empty when it is written by its code.
std::string_view sign_of(std::string_view code);
// The currency of a sign ("USD" for "$"), or empty when `sign` is none of the three.
std::string_view code_of_sign(std::string_view sign);

}  // namespace writ::query::currency
