#include "raptor_document_reader.h"

#include "document_builder.h"

#include "raptor_library.h"

#include <memory>
#include <vector>

namespace evograph::rdf::detail {

namespace {
constexpr std::size_t kChunkSize = 64 * 1024;

struct WorldFree {
    void operator()(raptor_world* world) const { raptor().raptor_free_world(world); }
};
struct ParserFree {
    void operator()(raptor_parser* parser) const { raptor().raptor_free_parser(parser); }
};
struct UriFree {
    void operator()(raptor_uri* uri) const { raptor().raptor_free_uri(uri); }
};

std::string_view uriText(raptor_uri* uri)
{
    std::size_t length = 0;
    const unsigned char* text = raptor().raptor_uri_as_counted_string(uri, &length);
    return {reinterpret_cast<const char*>(text), length};
}

class RaptorHandler {
public:
    RaptorHandler(Dataset& into, std::string name)
        : m_builder(into)
        , m_name(std::move(name))
    {
    }

    DocumentBuilder& builder() { return m_builder; }
    const std::optional<Error>& error() const { return m_error; }
    void setParser(raptor_parser* parser) { m_parser = parser; }

    static void onLog(void* handle, raptor_log_message* message)
    {
        auto* self = static_cast<RaptorHandler*>(handle);
        if (self->m_error)
            return;
        // raptor only warns about rdf:aboutEach and skips the element; RDF 1.1 removed it, and
        // a document using it must be rejected (W3C rdfms-abouteach-error00*).
        const std::string_view text = message->text ? message->text : "";
        const bool removedSyntax = text.find("aboutEach") != std::string_view::npos;
        if (message->level < RAPTOR_LOG_LEVEL_ERROR && !removedSyntax)
            return;
        // libxml2's errors come without a locator: the parser's own one still knows the line.
        const raptor_locator* locator = message->locator && message->locator->line > 0 ? message->locator
            : self->m_parser ? raptor().raptor_parser_get_locator(self->m_parser)
                             : nullptr;
        self->m_error = Error(self->position(locator), message->text ? message->text : "RDF/XML error");
    }

    static void onNamespace(void* handle, raptor_namespace* ns)
    {
        auto* self = static_cast<RaptorHandler*>(handle);
        const unsigned char* prefix = raptor().raptor_namespace_get_prefix(ns);
        if (raptor_uri* uri = raptor().raptor_namespace_get_uri(ns))
            self->m_builder.dataset().prefixes().set(
                prefix ? reinterpret_cast<const char*>(prefix) : "", std::string(uriText(uri)));
    }

    static void onStatement(void* handle, raptor_statement* statement)
    {
        auto* self = static_cast<RaptorHandler*>(handle);
        if (self->m_builder.error())
            return;
        const TermId s = self->term(statement->subject);
        const TermId p = self->term(statement->predicate);
        const TermId o = self->term(statement->object);
        if (s && p && o)
            self->m_builder.add(s, p, o, kNoTerm);
    }

    SourcePosition position(const raptor_locator* locator) const
    {
        SourcePosition where {m_name, 0, 0};
        if (locator && locator->line > 0) {
            where.line = static_cast<unsigned>(locator->line);
            where.column = locator->column > 0 ? static_cast<unsigned>(locator->column) : 0;
        }
        return where;
    }

private:
    TermId term(const raptor_term* t)
    {
        switch (t->type) {
        case RAPTOR_TERM_TYPE_URI:
            return m_builder.iri(uriText(t->value.uri));
        case RAPTOR_TERM_TYPE_BLANK:
            return m_builder.blank({reinterpret_cast<const char*>(t->value.blank.string), t->value.blank.string_len});
        case RAPTOR_TERM_TYPE_LITERAL: {
            const auto& literal = t->value.literal;
            const std::string_view lexical(reinterpret_cast<const char*>(literal.string), literal.string_len);
            const std::string_view language(
                literal.language ? reinterpret_cast<const char*>(literal.language) : "", literal.language_len);
            return m_builder.literal(
                lexical, literal.datatype ? uriText(literal.datatype) : std::string_view {}, language);
        }
        default:
            m_builder.setError("unknown term type from raptor");
            return kNoTerm;
        }
    }

    DocumentBuilder m_builder;
    std::string m_name;
    std::optional<Error> m_error;
    raptor_parser* m_parser = nullptr;
};
} // namespace

std::uint64_t readWithRaptor(ByteSource& source, Dataset& into, const std::string& baseIri,
    const engine::CancellationToken& cancel, const engine::ProgressCallback& progress, BlankLabels* blankLabels)
{
    RaptorHandler handler(into, source.name());
    std::unique_ptr<raptor_world, WorldFree> world(raptor().raptor_new_world_internal(RAPTOR_VERSION));
    if (!world || raptor().raptor_world_open(world.get()) != 0)
        throw Error("cannot start raptor2");
    raptor().raptor_world_set_log_handler(world.get(), &handler, &RaptorHandler::onLog);
    std::unique_ptr<raptor_parser, ParserFree> parser(raptor().raptor_new_parser(world.get(), "rdfxml"));
    if (!parser)
        throw Error("raptor2 has no RDF/XML parser");
    raptor().raptor_parser_set_option(parser.get(), RAPTOR_OPTION_NO_NET, nullptr, 1);
    raptor().raptor_parser_set_option(parser.get(), RAPTOR_OPTION_NO_FILE, nullptr, 1);
    raptor().raptor_parser_set_option(parser.get(), RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, nullptr, 0);
    raptor().raptor_parser_set_statement_handler(parser.get(), &handler, &RaptorHandler::onStatement);
    raptor().raptor_parser_set_namespace_handler(parser.get(), &handler, &RaptorHandler::onNamespace);
    handler.setParser(parser.get());

    std::unique_ptr<raptor_uri, UriFree> base(
        raptor().raptor_new_uri(world.get(), reinterpret_cast<const unsigned char*>(baseIri.c_str())));
    if (raptor().raptor_parser_parse_start(parser.get(), base.get()) != 0)
        throw Error(SourcePosition {source.name(), 0, 0}, "cannot start reading RDF/XML");

    std::vector<char> buffer(kChunkSize);
    for (;;) {
        const std::size_t n = source.read(buffer.data(), buffer.size());
        const bool end = n == 0;
        const int failed = raptor().raptor_parser_parse_chunk(
            parser.get(), reinterpret_cast<const unsigned char*>(buffer.data()), n, end ? 1 : 0);
        if (handler.error())
            throw *handler.error();
        if (handler.builder().error())
            throw Error(handler.position(raptor().raptor_parser_get_locator(parser.get())), *handler.builder().error());
        if (failed)
            throw Error(handler.position(raptor().raptor_parser_get_locator(parser.get())), "RDF/XML error");
        cancel.checkpoint();
        if (progress)
            progress(source.offset(), source.size());
        if (end)
            break;
    }
    if (blankLabels)
        *blankLabels = handler.builder().blankLabels();
    return handler.builder().statements();
}

} // namespace evograph::rdf::detail
