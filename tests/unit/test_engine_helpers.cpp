// The engine's shared helpers: time stamps, whole-file reads, enum names.
#include "evograph/engine/enum_names.h"
#include "evograph/engine/file_read.h"
#include "evograph/engine/time_stamp.h"
#include "evograph/error.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <filesystem>
#include <fstream>

using namespace evograph;
using namespace std::chrono_literals;
using Catch::Matchers::ContainsSubstring;

TEST_CASE("time stamps: one format written, the usual forms read, times compared as times", "[engine]")
{
    const engine::WallTime t = engine::WallTime(1795860902s) + 123ms; // 2026-11-28T10:15:02.123Z
    CHECK(engine::utcTimestamp(t) == "2026-11-28T10:15:02.123Z");
    CHECK(engine::utcReadable(t) == "2026-11-28 10:15 UTC");
    CHECK(engine::parseUtcTimestamp("2026-11-28T10:15:02.123Z") == t);
    CHECK(engine::parseUtcTimestamp(engine::utcTimestamp(t)) == t);
    // Without fractions or without the Z: the same instant (to the second).
    CHECK(engine::parseUtcTimestamp("2026-11-28T10:15:02Z") == engine::WallTime(1795860902s));
    CHECK(engine::parseUtcTimestamp("2026-11-28T10:15:02") == engine::WallTime(1795860902s));
    // Compared as times: half a second later is later, whatever the text.
    CHECK(*engine::parseUtcTimestamp("2026-11-28T10:15:02.5Z") > *engine::parseUtcTimestamp("2026-11-28T10:15:02Z"));
    for (const char* bad : {"", "2026-11-28", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
             "2026-11-28T10:15:02+01:00", "2026-11-28T10:15:02.Z", "yesterday"})
        CHECK_FALSE(engine::parseUtcTimestamp(bad));
    // Now is now.
    const auto now = engine::parseUtcTimestamp(engine::utcNow());
    REQUIRE(now);
    CHECK(std::chrono::abs(*now - std::chrono::system_clock::now()) < 2s);
}

TEST_CASE("whole-file reads name the file and why they failed", "[engine]")
{
    const auto dir = std::filesystem::temp_directory_path() / "evograph-file-read-test";
    std::filesystem::create_directories(dir);
    const auto file = dir / "bytes.bin";
    const std::string bytes("a\0b\r\nc", 6);
    std::ofstream(file, std::ios::binary) << bytes;
    CHECK(engine::readWholeFile(file) == bytes);
    CHECK_THROWS_WITH(engine::readWholeFile(dir / "missing.yaml", "the plan"),
        ContainsSubstring("missing.yaml") && ContainsSubstring("cannot read the plan: No such file or directory"));
    CHECK_THROWS_WITH(engine::readWholeFile(dir, "the config file"), ContainsSubstring("it is a directory"));
    std::filesystem::remove_all(dir);
}

namespace {
enum class Colour { Red, Green };
constexpr auto kColours
    = engine::enumNames<Colour>({{Colour::Red, "red"}, {Colour::Red, "crimson"}, {Colour::Green, "green"}});
static_assert(kColours.name(Colour::Green) == "green");
static_assert(kColours.parse("crimson") == Colour::Red);
} // namespace

TEST_CASE("enum names: both ways, aliases read but the first name written", "[engine]")
{
    CHECK(kColours.name(Colour::Red) == "red");
    CHECK(kColours.parse("red") == Colour::Red);
    CHECK(kColours.parse("crimson") == Colour::Red);
    CHECK_FALSE(kColours.parse("Red"));
    CHECK(kColours.choices() == "red, crimson, green");
}
