#pragma once
// IRI references (RFC 3987 / RFC 3986 syntax): relative reference resolution as RFC 3986 §5.2
// specifies it, which is what the W3C RDF test suites expect.

#include <string>
#include <string_view>

namespace evograph::rdf {

// True when `iri` starts with a scheme ("http:", "urn:", ...).
bool hasScheme(std::string_view iri);

// Resolves `reference` against the absolute IRI `base` (RFC 3986 §5.2.2, strict).
// A reference with a scheme is returned with its dot segments removed; an empty base leaves the
// reference as it is.
std::string resolveIri(std::string_view base, std::string_view reference);

// "file://" URI for a local path (made absolute), percent-encoding what an IRI may not hold.
std::string fileUri(const std::string& path);

} // namespace evograph::rdf
