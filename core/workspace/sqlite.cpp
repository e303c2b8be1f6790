#include "evograph/workspace/sqlite.h"

#include "evograph/error.h"

#include <sqlite3.h>

#include <cerrno>
#include <filesystem>

namespace evograph::workspace::sql {

namespace {
// SQLite's words, made plain where the cause is the file system: a full disk surfaces as
// "database or disk is full" or, when even the shared-memory file cannot grow, "disk I/O error".
std::string describe(sqlite3* db)
{
    const int code = sqlite3_extended_errcode(db);
    const int system = sqlite3_system_errno(db);
    if ((code & 0xff) == SQLITE_FULL || system == ENOSPC || system == EDQUOT)
        return "the disk is full (no space left on the device that holds it); the operation was rolled back";
    if ((code & 0xff) == SQLITE_READONLY || system == EROFS)
        return "the workspace cannot be written (a read-only file or file system); open it for reading only";
    return sqlite3_errmsg(db);
}
} // namespace

Connection::Connection(const std::string& path, OpenMode mode)
    : m_path(path)
    , m_readOnly(mode == OpenMode::ReadOnly)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    std::string name = path;
    if (m_readOnly) {
        // Without a -wal file (a clean close removes it) nothing is pending, and "immutable" lets
        // SQLite read without the -shm file it could not create here.
        flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        name = "file:";
        for (char c : path)
            name += c == '%' ? "%25" : c == '?' ? "%3f" : c == '#' ? "%23" : std::string(1, c);
        std::error_code error;
        if (!std::filesystem::exists(path + "-wal", error))
            name += "?immutable=1";
    } else {
        flags |= SQLITE_OPEN_READWRITE | (mode == OpenMode::Create ? SQLITE_OPEN_CREATE : 0);
    }
    if (sqlite3_open_v2(name.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
        const std::string message = m_db ? describe(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(path + ": cannot open the database: " + message);
    }
    sqlite3_extended_result_codes(m_db, 1);
}

Connection::~Connection()
{
    sqlite3_close_v2(m_db);
}

void Connection::fail(std::string_view what) const
{
    throw Error(m_path + ": " + std::string(what) + ": " + describe(m_db));
}

void Connection::execute(std::string_view sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        sqlite3_free(message);
        throw Error(m_path + ": " + describe(m_db));
    }
}

std::int64_t Connection::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Connection::changes() const
{
    return sqlite3_changes(m_db);
}

Statement::Statement(Connection& connection, std::string_view sql)
    : m_connection(connection)
{
    if (sqlite3_prepare_v2(connection.handle(), sql.data(), static_cast<int>(sql.size()), &m_statement, nullptr)
        != SQLITE_OK)
        connection.fail("cannot prepare '" + std::string(sql.substr(0, 60)) + "'");
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Statement& Statement::bind(std::string_view text)
{
    if (sqlite3_bind_text(m_statement, m_nextParameter++, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT)
        != SQLITE_OK)
        m_connection.fail("cannot bind a value");
    return *this;
}

Statement& Statement::bind(double value)
{
    if (sqlite3_bind_double(m_statement, m_nextParameter++, value) != SQLITE_OK)
        m_connection.fail("cannot bind a value");
    return *this;
}

Statement& Statement::bind(std::int64_t value)
{
    if (sqlite3_bind_int64(m_statement, m_nextParameter++, value) != SQLITE_OK)
        m_connection.fail("cannot bind a value");
    return *this;
}

Statement& Statement::bind(std::nullopt_t)
{
    if (sqlite3_bind_null(m_statement, m_nextParameter++) != SQLITE_OK)
        m_connection.fail("cannot bind a value");
    return *this;
}

Statement& Statement::bindBlob(std::string_view bytes)
{
    if (sqlite3_bind_blob64(m_statement, m_nextParameter++, bytes.data(), bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK)
        m_connection.fail("cannot bind a value");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_connection.fail("query failed");
}

void Statement::run()
{
    while (step()) { }
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_nextParameter = 1;
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

std::string Statement::text(int column) const
{
    const auto* text = sqlite3_column_text(m_statement, column);
    return text ? std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(m_statement, column)) : "";
}

std::optional<std::string> Statement::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::string Statement::blob(int column) const
{
    const void* data = sqlite3_column_blob(m_statement, column);
    return data ? std::string(static_cast<const char*>(data), sqlite3_column_bytes(m_statement, column)) : "";
}

Transaction::Transaction(Connection& connection)
    : m_connection(connection)
    , m_nested(sqlite3_get_autocommit(connection.handle()) == 0)
{
    m_connection.execute(m_nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_open)
        sqlite3_exec(m_connection.handle(), m_nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK", nullptr,
            nullptr, nullptr);
}

void Transaction::commit()
{
    m_connection.execute(m_nested ? "RELEASE nested" : "COMMIT");
    m_open = false;
}

namespace {
// The first column of the first row, through `read`; nullopt when there is no row or it is NULL.
template <typename Read>
auto queryFirst(Connection& connection, std::string_view sql, std::optional<std::string_view> parameter, Read read)
    -> std::optional<decltype(read(std::declval<Statement&>()))>
{
    Statement statement(connection, sql);
    if (parameter)
        statement.bind(*parameter);
    if (!statement.step() || statement.isNull(0))
        return std::nullopt;
    return read(statement);
}
} // namespace

std::optional<std::int64_t> queryInteger(
    Connection& connection, std::string_view sql, std::optional<std::string_view> parameter)
{
    return queryFirst(connection, sql, parameter, [](Statement& s) { return s.integer(0); });
}

std::optional<std::string> queryText(
    Connection& connection, std::string_view sql, std::optional<std::string_view> parameter)
{
    return queryFirst(connection, sql, parameter, [](Statement& s) { return s.text(0); });
}

} // namespace evograph::workspace::sql
