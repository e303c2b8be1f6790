#pragma once
// raptor2, loaded on first use. Linking it would map some thirty libraries (curl, GnuTLS, ICU,
// Kerberos, ...) into every evograph process at start-up, about 5 ms per run, although only
// RDF/XML input needs it; so the RDF/XML reader calls it through this table instead.

#include <raptor2/raptor2.h>

namespace evograph::rdf::detail {

#define EVOGRAPH_RAPTOR_FUNCTIONS(X)                                                                                   \
    X(raptor_new_world_internal)                                                                                       \
    X(raptor_world_open)                                                                                               \
    X(raptor_world_set_log_handler)                                                                                    \
    X(raptor_free_world)                                                                                               \
    X(raptor_new_parser)                                                                                               \
    X(raptor_free_parser)                                                                                              \
    X(raptor_parser_set_option)                                                                                        \
    X(raptor_parser_set_statement_handler)                                                                             \
    X(raptor_parser_set_namespace_handler)                                                                             \
    X(raptor_parser_get_locator)                                                                                       \
    X(raptor_parser_parse_start)                                                                                       \
    X(raptor_parser_parse_chunk)                                                                                       \
    X(raptor_new_uri)                                                                                                  \
    X(raptor_free_uri)                                                                                                 \
    X(raptor_uri_as_counted_string)                                                                                    \
    X(raptor_namespace_get_prefix)                                                                                     \
    X(raptor_namespace_get_uri)

struct RaptorLibrary {
#define EVOGRAPH_RAPTOR_POINTER(name) decltype(&::name) name = nullptr;
    EVOGRAPH_RAPTOR_FUNCTIONS(EVOGRAPH_RAPTOR_POINTER)
#undef EVOGRAPH_RAPTOR_POINTER
};

// The loaded library; throws evograph::Error when libraptor2 is not installed.
const RaptorLibrary& raptor();

} // namespace evograph::rdf::detail
