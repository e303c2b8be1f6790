// The SPARQL Update executor: each supported form against its expected result (compared as RDF,
// by isomorphism), the generated plan steps run for real, and refusals with their positions.
#include "evograph/error.h"
#include "evograph/migrate/plan.h"
#include "evograph/rdf/isomorphism.h"
#include "evograph/rdf/reader.h"
#include "evograph/rdf/writer.h"
#include "evograph/sparql/update.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <regex>
#include <sstream>

using namespace evograph;
using Catch::Matchers::ContainsSubstring;

namespace {
constexpr const char* kPrefixes = "@prefix : <http://e/> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";

rdf::Dataset trig(const std::string& text, std::shared_ptr<rdf::Dictionary> dictionary = nullptr)
{
    rdf::Dataset data(dictionary ? dictionary : std::make_shared<rdf::Dictionary>());
    rdf::readString(kPrefixes + text, rdf::Format::TriG, data);
    data.finalize();
    return data;
}

// Runs UPDATE over DATA and requires the result to be EXPECTED (TriG, as RDF graphs).
sparql::UpdateEffect requireResult(const std::string& data, const std::string& update, const std::string& expected)
{
    rdf::Dataset dataset = trig(data);
    const auto effect = sparql::executeUpdate(
        sparql::parseUpdate("PREFIX : <http://e/>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n" + update, "t.ru"),
        dataset);
    const rdf::Dataset want = trig(expected);
    INFO("update: " << update);
    CHECK(dataset.size() == want.size());
    CHECK(rdf::isIsomorphic(dataset, want));
    return effect;
}

std::string refusal(const std::string& update)
{
    try {
        sparql::parseUpdate(update, "bad.ru");
    } catch (const Error& e) {
        return e.what();
    }
    FAIL("accepted: " << update);
    return {};
}
} // namespace

TEST_CASE("INSERT DATA and DELETE DATA add and remove exactly their quads", "[migrate][sparql]")
{
    const auto effect = requireResult(":a :p 1 .", "INSERT DATA { :a :p 2 . :b :q \"x\"@en . GRAPH :g { :c :r :d } }",
        ":a :p 1, 2 . :b :q \"x\"@en . :g { :c :r :d }");
    CHECK(effect.added.size() == 3);
    CHECK(effect.removed.empty());
    // Deleting what is absent changes nothing; what is present goes.
    const auto deleted = requireResult(":a :p 1, 2 .", "DELETE DATA { :a :p 2 . :a :p 3 }", ":a :p 1 .");
    CHECK(deleted.removed.size() == 1);
    CHECK(deleted.added.empty());
    // Blank nodes of INSERT DATA are new nodes.
    requireResult(":a :p [] .", "INSERT DATA { :a :q _:x . _:x :r 1 }", ":a :p [] ; :q [ :r 1 ] .");
}

TEST_CASE("DELETE/INSERT WHERE rewrites each solution; deletes happen before inserts", "[migrate][sparql]")
{
    requireResult(":a :old 1 . :b :old 2 . :c :other 3 .",
        "DELETE { ?s :old ?o } INSERT { ?s :new ?o } WHERE { ?s :old ?o }", ":a :new 1 . :b :new 2 . :c :other 3 .");
    // Same quad deleted and inserted: it stays.
    requireResult(":a :p 1 .", "DELETE { ?s :p ?o } INSERT { ?s :p ?o } WHERE { ?s :p ?o }", ":a :p 1 .");
    // DELETE WHERE: the pattern is the template.
    requireResult(":a a :T ; :p 1 . :b a :U ; :p 2 .", "DELETE WHERE { ?x a :T ; :p ?v }", ":b a :U ; :p 2 .");
    // Template blank nodes are fresh for each solution.
    rdf::Dataset data = trig(":a a :T . :b a :T .");
    sparql::executeUpdate(
        sparql::parseUpdate("PREFIX : <http://e/> INSERT { ?x :has [ :v 1 ] } WHERE { ?x a :T }", "t.ru"), data);
    CHECK(data.size() == 6);
    // Several operations, each seeing the one before.
    requireResult(":a :p 1 .", "INSERT DATA { :a :q 2 } ; DELETE { ?s :q ?o } INSERT { ?s :r ?o } WHERE { ?s :q ?o }",
        ":a :p 1 ; :r 2 .");
}

TEST_CASE("OPTIONAL, FILTER, NOT EXISTS, BIND and VALUES", "[migrate][sparql]")
{
    const std::string users = ":alice a :User ; :email \"a@x\" . :bob a :User . :carol a :Admin .";
    // The seed document's migration: an empty phone number for users without one.
    requireResult(users,
        "INSERT { ?user :phone \"\" } WHERE { ?user a :User . FILTER NOT EXISTS { ?user :phone ?phone } }",
        users + " :alice :phone \"\" . :bob :phone \"\" .");
    requireResult(users,
        "INSERT { ?u :hasEmail ?has } WHERE { ?u a :User OPTIONAL { ?u :email ?e } BIND(BOUND(?e) AS ?has) }",
        users + " :alice :hasEmail true . :bob :hasEmail false .");
    requireResult(users,
        "INSERT { ?u :tag ?t } WHERE { VALUES (?u ?t) { (:alice \"one\") (:carol UNDEF) (:bob \"two\") } ?u a :User }",
        users + " :alice :tag \"one\" . :bob :tag \"two\" .");
    requireResult(":a :n 1 . :b :n 5 . :c :n \"7\" .", "DELETE { ?s :n ?v } WHERE { ?s :n ?v FILTER(?v > 2) }",
        ":a :n 1 . :c :n \"7\" .");
    requireResult(":a :name \"Ann\"@en . :b :name \"bob\" .",
        "INSERT { ?s :upper ?u } WHERE { ?s :name ?n BIND(UCASE(STR(?n)) AS ?u) FILTER(STRSTARTS(LCASE(?n), \"a\") || "
        "LANG(?n) = \"\") }",
        ":a :name \"Ann\"@en ; :upper \"ANN\" . :b :name \"bob\" ; :upper \"BOB\" .");
    requireResult(":a :n 1 .", "INSERT { :a :m ?x } WHERE { :a :n ?n BIND(?n * 2 + 1 AS ?x) }", ":a :n 1 ; :m 3 .");
    requireResult(
        ":a :p :b . :c :p :d .", "DELETE { ?s :p ?o } WHERE { ?s :p ?o FILTER(?o IN (:b, :x)) }", ":c :p :d .");
    // EXISTS sees the row's bindings.
    requireResult(":a :p 1 ; :q 1 . :b :p 1 .", "DELETE { ?s :p ?v } WHERE { ?s :p ?v FILTER EXISTS { ?s :q ?v } }",
        ":a :q 1 . :b :p 1 .");
    // REGEX, IRI building and IF.
    requireResult(":a :code \"AB-12\" . :b :code \"zz\" .",
        "INSERT { ?s :ref ?r } WHERE { ?s :code ?c FILTER REGEX(?c, \"^[A-Z]+-[0-9]+$\") "
        "BIND(IRI(CONCAT(\"http://e/ref/\", ?c)) AS ?r) }",
        ":a :code \"AB-12\" ; :ref <http://e/ref/AB-12> . :b :code \"zz\" .");
}

TEST_CASE("GRAPH and WITH address named graphs", "[migrate][sparql]")
{
    const std::string data = ":a :p 1 . :g1 { :a :p 2 } :g2 { :a :p 3 }";
    requireResult(data, "DELETE { GRAPH ?g { ?s :p ?o } } WHERE { GRAPH ?g { ?s :p ?o FILTER(?o > 2) } }",
        ":a :p 1 . :g1 { :a :p 2 }");
    requireResult(data, "WITH :g1 DELETE { ?s :p ?o } INSERT { ?s :q ?o } WHERE { ?s :p ?o }",
        ":a :p 1 . :g1 { :a :q 2 } :g2 { :a :p 3 }");
    requireResult(
        data, "INSERT { GRAPH :copy { ?s :p ?o } } WHERE { GRAPH :g2 { ?s :p ?o } }", data + " :copy { :a :p 3 }");
}

TEST_CASE("a named graph can be the default graph of an execution", "[migrate][sparql]")
{
    rdf::Dataset data = trig(":a :p 1 . :users { :u :old 1 } :other { :u :old 2 }");
    sparql::ExecutionScope scope;
    scope.defaultGraph = data.dictionary().iri("http://e/users");
    const auto effect = sparql::executeUpdate(
        sparql::parseUpdate(
            "PREFIX : <http://e/> DELETE { ?s :old ?o } INSERT { ?s :new ?o } WHERE { ?s :old ?o }", "t.ru"),
        data, scope);
    CHECK(effect.added.size() == 1);
    CHECK(effect.removed.size() == 1);
    CHECK(rdf::isIsomorphic(data, trig(":a :p 1 . :users { :u :new 1 } :other { :u :old 2 }")));
    CHECK(sparql::executeAsk(sparql::parseAsk("ASK { ?s <http://e/new> 1 }", "c.rq"), data, scope));
    CHECK_FALSE(sparql::executeAsk(sparql::parseAsk("ASK { ?s <http://e/new> 1 }", "c.rq"), data));
}

TEST_CASE("the generated plan steps do what they say, and their inverses undo them", "[migrate][sparql]")
{
    const std::string data = ":alice a :Admin ; :manages :bob ; :email \"a@x\" . :bob a :User . :manages :label \"m\" "
                             "; :seeAlso :manages .";
    const auto run = [](rdf::Dataset& dataset, const std::string& update) {
        return sparql::executeUpdate(sparql::parseUpdate(update, "step.ru"), dataset);
    };
    const auto check = [](rdf::Dataset& dataset, const migrate::Check& c) {
        return sparql::executeAsk(sparql::parseAsk(c.ask, "check.rq"), dataset) == c.expect;
    };

    rdf::Dataset dataset = trig(data);
    const migrate::PlanStep rename = migrate::renameIriStep("r", "http://e/manages", "http://e/supervises");
    CHECK(check(dataset, rename.before.at(0)));
    CHECK_FALSE(check(dataset, rename.after.at(0)));
    run(dataset, rename.update);
    CHECK(rdf::isIsomorphic(dataset,
        trig(":alice a :Admin ; :supervises :bob ; :email \"a@x\" . :bob a :User . :supervises :label \"m\" ; "
             ":seeAlso :supervises .")));
    CHECK(check(dataset, rename.after.at(0)));
    run(dataset, *rename.inverse);
    CHECK(rdf::isIsomorphic(dataset, trig(data)));

    const migrate::PlanStep fill
        = migrate::addDefaultValueStep("d", "http://e/User", "http://e/email", "unknown@example.com");
    run(dataset, fill.update);
    CHECK(check(dataset, fill.after.at(0)));
    CHECK(dataset.size() == trig(data).size() + 1);

    const migrate::PlanStep retype = migrate::retypeInstancesStep("t", "http://e/Admin", "http://e/User");
    run(dataset, retype.update);
    CHECK(check(dataset, retype.after.at(0)));

    const migrate::PlanStep remove = migrate::deleteInstancesStep("x", "http://e/User");
    const auto effect = run(dataset, remove.update);
    CHECK(effect.added.empty());
    CHECK(check(dataset, remove.after.at(0)));
    CHECK(dataset.size() == 2); // only :manages :label "m" ; :seeAlso :manages are left
}

TEST_CASE("unsupported forms and syntax errors are refused with their position", "[migrate][sparql]")
{
    CHECK_THAT(refusal("DROP ALL"), ContainsSubstring("bad.ru:1:1:") && ContainsSubstring("DROP is not supported"));
    CHECK_THAT(refusal("INSERT DATA { <a> <b> <c> } ;\n  LOAD <http://x>"),
        ContainsSubstring("bad.ru:2:3:") && ContainsSubstring("LOAD is not supported"));
    CHECK_THAT(refusal("DELETE { ?s ?p ?o } WHERE {\n { ?s ?p ?o } UNION { ?o ?p ?s } }"),
        ContainsSubstring("bad.ru:2:15:") && ContainsSubstring("UNION"));
    CHECK_THAT(
        refusal("INSERT { ?s ?p ?o } USING <g> WHERE { ?s ?p ?o }"), ContainsSubstring("USING is not supported"));
    CHECK_THAT(refusal("INSERT DATA { ex:a <p> 1 }"),
        ContainsSubstring("1:15:") && ContainsSubstring("undeclared prefix 'ex:'"));
    CHECK_THAT(refusal("INSERT DATA { <a> <p> ?x }"), ContainsSubstring("take no variables"));
    CHECK_THAT(refusal("DELETE DATA { _:b <p> 1 }"), ContainsSubstring("blank nodes are not allowed"));
    CHECK_THAT(refusal("INSERT { ?s <p> 1 } WHERE { ?s <p>/<q> ?o }"), ContainsSubstring("property paths"));
    CHECK_THAT(refusal("INSERT { ?s <p> 1 } WHERE { ?s <p> ?o FILTER(MD5(?o)) }"),
        ContainsSubstring("1:46:") && ContainsSubstring("MD5 is not supported"));
    CHECK_THAT(refusal("INSERT DATA { <a> <p> \"open }"),
        ContainsSubstring("1:23:") && ContainsSubstring("unterminated string"));
    CHECK_THAT(refusal("INSERT { ?s <p> 1 } WHERE { ?s <p> ?o "), ContainsSubstring("expected '}'"));
    CHECK_THAT(refusal("INSERT { ?s <p> 1 } WHERE { ?s <p> ?o BOGUS }"), ContainsSubstring("1:39:"));
    // An injected literal from a generated step stays a literal: the request is one operation.
    const migrate::PlanStep hostile
        = migrate::addDefaultValueStep("h", "http://e/User", "http://e/p", "\" } ; DROP ALL #");
    CHECK(sparql::parseUpdate(hostile.update, "h.ru").operations() == 1);
}

TEST_CASE("SPARQL Update: nesting deeper than 100 levels is refused, not a stack overflow", "[sparql]")
{
    const auto nested = [](int depth, const std::string& open, const std::string& middle, const std::string& close) {
        std::string text;
        for (int i = 0; i < depth; ++i)
            text += open;
        text += middle;
        for (int i = 0; i < depth; ++i)
            text += close;
        return text;
    };
    const std::string filter = "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER " + nested(100000, "(", "?o", ")") + " }";
    CHECK_THROWS_WITH(sparql::parseUpdate(filter, "deep.ru"), ContainsSubstring("nested more than 100 levels deep"));
    const std::string groups = "DELETE { ?s ?p ?o } WHERE " + nested(100000, "{", "?s ?p ?o", "}");
    CHECK_THROWS_WITH(sparql::parseUpdate(groups, "deep.ru"), ContainsSubstring("nested more than 100 levels deep"));
    const std::string lists
        = "INSERT DATA { <http://e/s> <http://e/p> " + nested(100000, "[ <http://e/p> ", "1", " ]") + " }";
    CHECK_THROWS_WITH(sparql::parseUpdate(lists, "deep.ru"), ContainsSubstring("nested more than 100 levels deep"));
    // 50 levels are fine.
    CHECK_NOTHROW(sparql::parseUpdate(
        "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER " + nested(50, "(", "?o", ")") + " }", "ok.ru"));
}

TEST_CASE("SPARQL Update: patterns that only multiply are refused beyond the scope's bound", "[sparql]")
{
    rdf::Dataset data = trig(":a :p 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 .");
    const auto update = sparql::parseUpdate(
        "DELETE { ?a ?b ?c } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o . ?p ?q ?r }", "cross.ru");
    sparql::ExecutionScope scope;
    scope.maxRows = 100'000; // 10^6 combinations
    CHECK_THROWS_WITH(sparql::executeUpdate(update, data, scope),
        ContainsSubstring("cross.ru: the pattern matches more than 100000 combinations"));
    CHECK(data.size() == 10); // nothing was changed
    scope.maxRows = 2'000'000;
    CHECK(sparql::executeUpdate(update, data, scope).removed.size() == 10);
}

TEST_CASE("SPARQL Update: integer arithmetic beyond 64 bits gives a whole xsd:integer", "[sparql]")
{
    rdf::Dataset data = trig(":a :p 1 .");
    const auto update = sparql::parseUpdate("PREFIX : <http://e/> INSERT { :a :big ?x } WHERE { :a :p ?one "
                                            "BIND(?one * 4000000000000000000000000000000000000 AS ?x) }",
        "big.ru");
    REQUIRE(sparql::executeUpdate(update, data).added.size() == 1);
    std::ostringstream out;
    rdf::writeDataset(data, rdf::Format::NTriples, out);
    // 4e36 in full: 37 digits (long double holds the leading 19 or so exactly), no exponent.
    CHECK(std::regex_search(
        out.str(), std::regex("<http://e/big> \"[0-9]{37}\"\\^\\^<http://www.w3.org/2001/XMLSchema#integer>")));
}
