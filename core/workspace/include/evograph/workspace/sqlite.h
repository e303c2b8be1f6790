#pragma once
// A thin RAII layer over the SQLite C API for the workspace: one connection, prepared
// statements with positional binding, and transactions that roll back unless committed.
// Every failure throws evograph::Error naming the database file and SQLite's message.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace evograph::workspace::sql {

class Connection;

class Statement {
public:
    Statement(Connection& connection, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binds parameters 1..n in order; chains.
    Statement& bind(std::string_view text);
    Statement& bind(const std::string& text) { return bind(std::string_view(text)); }
    Statement& bind(const char* text) { return bind(std::string_view(text)); }
    Statement& bind(std::int64_t value);
    Statement& bind(double value);
    Statement& bind(std::nullopt_t);
    Statement& bindBlob(std::string_view bytes);
    Statement& bind(const std::optional<std::string>& text) { return text ? bind(*text) : bind(std::nullopt); }
    Statement& bind(const std::optional<std::int64_t>& value) { return value ? bind(*value) : bind(std::nullopt); }

    // Steps once: true while there is a row.
    bool step();
    // Steps to the end (for statements without rows).
    void run();
    void reset(); // clears the bindings too

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optionalText(int column) const;
    std::string blob(int column) const;

private:
    Connection& m_connection;
    sqlite3_stmt* m_statement = nullptr;
    int m_nextParameter = 1;
};

enum class OpenMode {
    ReadWrite,
    Create, // read-write, creating the file when missing
    ReadOnly, // a file or file system that cannot be written: no -wal or -shm is created
};

class Connection {
public:
    Connection(const std::string& path, OpenMode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void execute(std::string_view sql); // one or more statements without results
    std::int64_t lastInsertId() const;
    int changes() const;
    const std::string& path() const { return m_path; }
    bool readOnly() const { return m_readOnly; }
    sqlite3* handle() { return m_db; }
    [[noreturn]] void fail(std::string_view what) const;

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
    bool m_readOnly = false;
};

// BEGIN IMMEDIATE (takes SQLite's write lock at once); rolls back in the destructor unless
// commit() ran, so an exception or Cancelled anywhere inside leaves the file as it was.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& m_connection;
    bool m_nested; // inside another Transaction: a savepoint, kept or undone with the outer one
    bool m_open = true;
};

// A single integer or text from a query; nullopt when there is no row or the value is NULL.
std::optional<std::int64_t> queryInteger(
    Connection& connection, std::string_view sql, std::optional<std::string_view> parameter = std::nullopt);
std::optional<std::string> queryText(
    Connection& connection, std::string_view sql, std::optional<std::string_view> parameter = std::nullopt);

} // namespace evograph::workspace::sql
