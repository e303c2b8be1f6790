#include "serd_document_reader.h"

#include "document_builder.h"
#include "evograph/rdf/iri.h"

#include <serd/serd.h>

#include <cstdarg>
#include <cstring>
#include <memory>

namespace evograph::rdf::detail {

namespace {
constexpr std::size_t kPageSize = 64 * 1024;
constexpr std::uint64_t kProgressStep = 1 << 20;

std::string_view text(const SerdNode* node)
{
    return node ? std::string_view(reinterpret_cast<const char*>(node->buf), node->n_bytes) : std::string_view {};
}

SerdSyntax serdSyntax(Format format)
{
    switch (format) {
    case Format::NTriples:
        return SERD_NTRIPLES;
    case Format::NQuads:
        return SERD_NQUADS;
    case Format::TriG:
        return SERD_TRIG;
    default:
        return SERD_TURTLE;
    }
}

struct ReaderFree {
    void operator()(SerdReader* reader) const { serd_reader_free(reader); }
};

// The state Serd's C callbacks work on: the base IRI and prefixes in force, and the builder.
class SerdHandler {
public:
    SerdHandler(Dataset& into, Format format, std::string base)
        : m_builder(into)
        , m_format(format)
        , m_base(std::move(base))
    {
    }

    DocumentBuilder& builder() { return m_builder; }
    const std::optional<SourcePosition>& parserErrorPosition() const { return m_errorPosition; }
    const std::string& parserError() const { return m_errorMessage; }

    static SerdStatus onError(void* handle, const SerdError* error)
    {
        auto* self = static_cast<SerdHandler*>(handle);
        if (!self->m_errorMessage.empty())
            return SERD_SUCCESS; // keep the first error: later ones follow from it
        char message[1024];
        va_list args;
        va_copy(args, *error->args);
        std::vsnprintf(message, sizeof message, error->fmt, args);
        va_end(args);
        std::string text = message;
        while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
            text.pop_back();
        self->m_errorMessage = text.empty() ? "syntax error" : text;
        self->m_errorPosition = SourcePosition {
            error->filename ? reinterpret_cast<const char*>(error->filename) : "", error->line, error->col + 1};
        return SERD_SUCCESS;
    }

    static SerdStatus onBase(void* handle, const SerdNode* uri)
    {
        auto* self = static_cast<SerdHandler*>(handle);
        self->forgetRecentTerms();
        self->m_base = resolveIri(self->m_base, text(uri));
        self->m_builder.dataset().setBaseIri(self->m_base);
        return SERD_SUCCESS;
    }

    static SerdStatus onPrefix(void* handle, const SerdNode* name, const SerdNode* uri)
    {
        auto* self = static_cast<SerdHandler*>(handle);
        self->forgetRecentTerms();
        std::string iri = self->resolve(text(uri));
        self->m_builder.dataset().prefixes().set(std::string(text(name)), iri);
        self->m_prefixes.set(std::string(text(name)), std::move(iri));
        return SERD_SUCCESS;
    }

    static SerdStatus onStatement(void* handle, SerdStatementFlags, const SerdNode* graph, const SerdNode* subject,
        const SerdNode* predicate, const SerdNode* object, const SerdNode* datatype, const SerdNode* language)
    {
        auto* self = static_cast<SerdHandler*>(handle);
        const TermId s = self->m_recentSubject.get(subject, [&] { return self->term(subject); });
        const TermId p = self->m_recentPredicate.get(predicate, [&] { return self->term(predicate); });
        const TermId o = self->objectTerm(object, datatype, language);
        const TermId g = graph ? self->term(graph) : kNoTerm;
        if (self->m_builder.error() || !s || !p || !o || (graph && !g))
            return SERD_ERR_BAD_SYNTAX;
        self->m_builder.add(s, p, o, g);
        return SERD_SUCCESS;
    }

private:
    // The last node seen in one position and its id. Turtle repeats subjects (";") and
    // datatypes constantly: comparing bytes is much cheaper than hashing and probing.
    class RecentTerm {
    public:
        template <typename Make> TermId get(const SerdNode* node, Make make)
        {
            const std::string_view value = text(node);
            if (m_id != kNoTerm && node->type == m_type && value == m_text)
                return m_id;
            const TermId id = make();
            m_type = node->type, m_text.assign(value), m_id = id;
            return id;
        }
        void forget() { m_id = kNoTerm; }

    private:
        SerdType m_type = SERD_NOTHING;
        std::string m_text;
        TermId m_id = kNoTerm;
    };

    // A new base or prefix changes what the same text means.
    void forgetRecentTerms()
    {
        m_recentSubject.forget();
        m_recentPredicate.forget();
        m_recentDatatype.forget();
    }

    std::string resolve(std::string_view reference) const
    {
        return hasScheme(reference) ? std::string(reference) : resolveIri(m_base, reference);
    }

    TermId iriTerm(const SerdNode* node)
    {
        const std::string_view value = text(node);
        if (node->type == SERD_CURIE) {
            const auto colon = value.find(':');
            const auto ns = m_prefixes.iriFor(value.substr(0, colon));
            if (!ns) {
                m_builder.setError("undefined prefix '" + std::string(value.substr(0, colon)) + ":'");
                return kNoTerm;
            }
            m_scratch.assign(*ns).append(value.substr(colon + 1));
            return m_builder.iri(m_scratch);
        }
        if (hasScheme(value))
            return m_builder.iri(value);
        if (m_format == Format::NTriples || m_format == Format::NQuads) {
            m_builder.setError(
                "relative IRI <" + std::string(value) + "> is not allowed in " + std::string(formatName(m_format)));
            return kNoTerm;
        }
        return m_builder.iri(resolveIri(m_base, value));
    }

    TermId term(const SerdNode* node)
    {
        switch (node->type) {
        case SERD_URI:
        case SERD_CURIE:
            return iriTerm(node);
        case SERD_BLANK:
            return m_builder.blank(text(node));
        default:
            m_builder.setError("a literal cannot be used here");
            return kNoTerm;
        }
    }

    TermId objectTerm(const SerdNode* node, const SerdNode* datatype, const SerdNode* language)
    {
        if (node->type != SERD_LITERAL)
            return term(node);
        std::string_view datatypeIri; // points into the dictionary, which never moves stored text
        if (datatype) {
            const TermId dt = m_recentDatatype.get(datatype, [&] { return iriTerm(datatype); });
            if (!dt)
                return kNoTerm;
            datatypeIri = m_builder.dataset().dictionary().term(dt).value;
        }
        return m_builder.literal(text(node), datatypeIri, text(language));
    }

    DocumentBuilder m_builder;
    Format m_format;
    std::string m_base;
    PrefixMap m_prefixes;
    std::string m_scratch;
    RecentTerm m_recentSubject, m_recentPredicate, m_recentDatatype;
    std::optional<SourcePosition> m_errorPosition;
    std::string m_errorMessage;
};

size_t readSource(void* buffer, size_t size, size_t count, void* stream)
{
    return static_cast<ByteSource*>(stream)->read(static_cast<char*>(buffer), size * count);
}

int sourceError(void*)
{
    return 0;
} // ByteSource throws on I/O errors instead

struct PassResult {
    SerdStatus status = SERD_SUCCESS;
    std::uint64_t statements = 0;
    std::optional<std::string> builderError;
    std::optional<SourcePosition> parserPosition;
    std::string parserMessage;
};

// One pass over the source. With pageSize 1 Serd pulls byte by byte, so the source's position
// is exactly where Serd stopped: the error-locating pass uses that.
PassResult runPass(ByteSource& source, Format format, Dataset& into, const std::string& baseIri, std::size_t pageSize,
    const engine::CancellationToken& cancel, const engine::ProgressCallback& progress)
{
    SerdHandler handler(into, format, baseIri);
    std::unique_ptr<SerdReader, ReaderFree> reader(serd_reader_new(serdSyntax(format), &handler, nullptr,
        &SerdHandler::onBase, &SerdHandler::onPrefix, &SerdHandler::onStatement, nullptr));
    serd_reader_set_strict(reader.get(), true);
    serd_reader_set_error_sink(reader.get(), &SerdHandler::onError, &handler);

    const std::string& name = source.name();
    SerdStatus st = serd_reader_start_source_stream(
        reader.get(), &readSource, &sourceError, &source, reinterpret_cast<const uint8_t*>(name.c_str()), pageSize);
    // Ends the stream however the loop is left (cancellation throws): Serd frees its page buffer
    // only there, not in serd_reader_free.
    struct StreamEnd {
        SerdReader* reader;
        ~StreamEnd() { serd_reader_end_stream(reader); }
    } streamEnd {reader.get()};
    std::uint64_t nextProgress = kProgressStep;
    while (st == SERD_SUCCESS) {
        st = serd_reader_read_chunk(reader.get());
        cancel.checkpoint();
        if (progress && source.offset() >= nextProgress) {
            progress(source.offset(), source.size());
            nextProgress = source.offset() + kProgressStep;
        }
    }

    PassResult result;
    result.status = st == SERD_FAILURE ? SERD_SUCCESS : st; // SERD_FAILURE: end of input
    result.statements = handler.builder().statements();
    result.builderError = handler.builder().error();
    result.parserPosition = handler.parserErrorPosition();
    result.parserMessage = handler.parserError();
    if (result.status == SERD_SUCCESS && !result.parserMessage.empty())
        result.status = SERD_ERR_BAD_SYNTAX; // Serd recovered, but strict reading does not
    return result;
}
} // namespace

std::uint64_t readWithSerd(ByteSource& source, Format format, Dataset& into, const std::string& baseIri,
    const engine::CancellationToken& cancel, const engine::ProgressCallback& progress)
{
    PassResult pass = runPass(source, format, into, baseIri, kPageSize, cancel, progress);
    if (pass.status == SERD_SUCCESS) {
        if (progress)
            progress(source.size(), source.size());
        return pass.statements;
    }
    if (pass.builderError) {
        // Our own check failed inside a statement: Serd does not say where it was, so read again
        // byte by byte into a scratch dataset and stop where the same check fails.
        source.rewind();
        source.trackPosition(true);
        Dataset scratch;
        runPass(source, format, scratch, baseIri, 1, cancel, {});
        throw Error(source.position(), *pass.builderError);
    }
    if (pass.parserPosition)
        throw Error(*pass.parserPosition, pass.parserMessage);
    throw Error(SourcePosition {source.name(), 0, 0},
        std::string("cannot read: ") + reinterpret_cast<const char*>(serd_strerror(pass.status)));
}

} // namespace evograph::rdf::detail
