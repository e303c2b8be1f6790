#include "evograph/rdf/isomorphism.h"
#include "evograph/rdf/reader.h"

#include <catch2/catch_test_macros.hpp>

using namespace evograph::rdf;

namespace {
Dataset nt(std::string_view text, std::shared_ptr<Dictionary> dict = std::make_shared<Dictionary>())
{
    Dataset dataset(std::move(dict));
    readString(text, Format::NTriples, dataset);
    return dataset;
}
} // namespace

TEST_CASE("a relabelled copy is isomorphic, in the same or another dictionary", "[isomorphism]")
{
    const char* a = "_:a <http://e/p> _:b .\n_:b <http://e/q> \"x\" .\n<http://e/s> <http://e/r> _:a .\n";
    const char* b = "<http://e/s> <http://e/r> _:z .\n_:y <http://e/q> \"x\" .\n_:z <http://e/p> _:y .\n";
    auto shared = std::make_shared<Dictionary>();
    CHECK(isIsomorphic(nt(a, shared), nt(b, shared)));
    CHECK(isIsomorphic(nt(a), nt(b)));
}

TEST_CASE("a changed structure is not isomorphic", "[isomorphism]")
{
    const auto base = nt("_:a <http://e/p> _:b .\n_:b <http://e/q> \"x\" .\n");
    CHECK_FALSE(isIsomorphic(base, nt("_:a <http://e/p> _:b .\n_:b <http://e/q> \"y\" .\n")));
    CHECK_FALSE(isIsomorphic(base, nt("_:a <http://e/p> _:b .\n_:a <http://e/q> \"x\" .\n")));
    CHECK_FALSE(isIsomorphic(base, nt("_:a <http://e/p> _:b .\n")));
}

TEST_CASE("symmetric structures that colour refinement cannot split are told apart", "[isomorphism]")
{
    // A ring of four and two rings of two look the same to every node's neighbourhood.
    const auto ring4
        = nt("_:a <http://e/n> _:b .\n_:b <http://e/n> _:c .\n_:c <http://e/n> _:d .\n_:d <http://e/n> _:a .\n");
    const auto rings2
        = nt("_:a <http://e/n> _:b .\n_:b <http://e/n> _:a .\n_:c <http://e/n> _:d .\n_:d <http://e/n> _:c .\n");
    const auto ring4b
        = nt("_:w <http://e/n> _:x .\n_:x <http://e/n> _:y .\n_:y <http://e/n> _:z .\n_:z <http://e/n> _:w .\n");
    CHECK_FALSE(isIsomorphic(ring4, rings2));
    CHECK(isIsomorphic(ring4, ring4b));
}
